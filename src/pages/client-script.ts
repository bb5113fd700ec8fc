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
  var graceMs = Number(data.graceMs) || 0;
  var shownPaid = Number(data.amountPaid) || 0;
  var labels = JSON.parse(data.statusLabels || '{}');
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

  // Wall-clock time in Vietnam (UTC+7, no daylight saving), as the server writes it: 10:15 21/11/2026.
  function vietnamTime(ms) {
    var t = new Date(ms + 7 * 3600000);
    return pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes()) + ' ' + pad(t.getUTCDate()) + '/' + pad(t.getUTCMonth() + 1) + '/' + t.getUTCFullYear();
  }
  function show(status) {
    if (root.getAttribute('data-status') === status) return;
    root.setAttribute('data-status', status);
    each('[data-status-text]', function (el) { if (labels[status]) el.textContent = labels[status]; });
    var heading = document.querySelector('.state-' + status + ' h1');
    if (heading) document.title = heading.textContent;
    if (status === 'paid') each('[data-paid-at]', function (el) { if (!el.textContent) el.textContent = vietnamTime(Date.now()); });
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
  // After a payment the QR shown is the one for what is still due (same account and content), where one exists.
  function showRemaining(paid, due) {
    if (paid === shownPaid || data.remaining !== 'any' || due <= 0) return;
    shownPaid = paid;
    var query = '&remaining=true&v=' + paid;
    each('[data-qr-img]', function (el) { el.src = data.qrUrl + '?size=' + data.qrPx + query; });
    each('[data-qr-download]', function (el) { el.href = data.qrUrl + '?size=' + data.downloadPx + query; });
    each('[data-app-link]', function (el) { el.href = el.href.replace(/([?&]am=)\d+/, '$1' + due); });
  }
  function apply(body) {
    serverStatus = body.status;
    var due = Math.max(0, body.amount - body.amountPaid);
    each('[data-due]', function (el) { el.textContent = group(due || body.amount) + '\u00a0₫'; });
    each('[data-due-copy]', function (el) { el.setAttribute('data-copy', String(due || body.amount)); });
    each('[data-paid-amount]', function (el) { el.textContent = group(body.amountPaid) + '\u00a0₫'; });
    showRemaining(body.amountPaid, due);
    show(shownStatus());
  }

  // A transfer still counts for the grace after expiry; the page asks a minute longer, then stops.
  function polling() { return !TERMINAL[serverStatus] && Date.now() < expiresAt + graceMs + 60000; }
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
