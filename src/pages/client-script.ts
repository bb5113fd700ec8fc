/**
 * The page's only script, inline under the CSP nonce. It copies values, ticks the countdown and polls
 * `/pay/{id}/status` (2 s while visible, slower while hidden or failing), then flips `data-status` on <main>;
 * the server already rendered every panel. Plain ES2017 so that older phone browsers run it too.
 * Kept as a string, not a bundled function: the bundler may rewrite a function's source.
 */
export const CHECKOUT_SCRIPT = String.raw`(function () {
  var root = document.getElementById('checkout');
  if (!root) return;
  var data = root.dataset;
  var expiresAt = Date.parse(data.expiresAt);
  var TERMINAL = { paid: true, expired: true, canceled: true };
  var serverStatus = data.status;
  var timer = 0;
  var failures = 0;

  function group(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function remaining(ms) {
    var t = Math.max(0, Math.floor(ms / 1000));
    var days = Math.floor(t / 86400);
    var hours = Math.floor((t % 86400) / 3600);
    var clock = pad(Math.floor((t % 3600) / 60)) + ':' + pad(t % 60);
    if (days > 0) return days + ' ' + data.days + ' ' + pad(hours) + ':' + clock;
    return hours > 0 ? hours + ':' + clock : clock;
  }
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }
  each('button[data-copy]', function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      copyText(button.getAttribute('data-copy')).then(function () {
        button.textContent = data.copied;
        button.classList.add('done');
        setTimeout(function () { button.textContent = label; button.classList.remove('done'); }, 1500);
      }, function () {});
    });
  });

  function show(status) {
    if (root.getAttribute('data-status') === status) return;
    root.setAttribute('data-status', status);
    var heading = document.querySelector('.state-' + (status === 'partially_paid' ? 'partial' : status) + ' h1');
    if (heading) document.title = heading.textContent;
    // Back to the shop only after a payment seen live: reopening a paid page later should not bounce the payer.
    if (status === 'paid' && data.returnUrl) {
      each('[data-redirecting]', function (el) { el.hidden = false; });
      setTimeout(function () { window.location.assign(data.returnUrl); }, 4000);
    }
  }
  function shownStatus() {
    var late = Date.now() >= expiresAt;
    return late && !TERMINAL[serverStatus] ? 'expired' : serverStatus;
  }
  function apply(body) {
    serverStatus = body.status;
    var due = Math.max(0, body.amount - body.amountPaid);
    each('[data-due]', function (el) { el.textContent = group(due) + '\u00a0₫'; });
    each('[data-due-copy]', function (el) { el.setAttribute('data-copy', String(due)); });
    show(shownStatus());
  }

  // Past expiry the server gets a minute to report a last-second payment, then the page stops asking.
  function polling() { return !TERMINAL[serverStatus] && Date.now() < expiresAt + 60000; }
  function delay() {
    if (failures > 0) return Math.min(30000, 2000 * Math.pow(2, failures));
    return document.hidden ? 15000 : 2000;
  }
  function schedule(ms) {
    clearTimeout(timer);
    if (polling()) timer = setTimeout(poll, ms);
  }
  function poll() {
    fetch(data.statusUrl, { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (res) { if (!res.ok) throw new Error('status ' + res.status); return res.json(); })
      .then(function (body) { failures = 0; apply(body); }, function () { failures += 1; })
      .then(function () { schedule(delay()); });
  }
  document.addEventListener('visibilitychange', function () { if (!document.hidden) schedule(0); });

  function tick() {
    each('[data-countdown]', function (el) { el.textContent = remaining(expiresAt - Date.now()); });
    show(shownStatus());
  }
  setInterval(tick, 1000);
  tick();
  schedule(2000);
})();`;
