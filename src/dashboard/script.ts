/**
 * The dashboard's one script (served as /dashboard/assets/app.js under the page's nonce). Every page works
 * without it; it only adds copy buttons, a confirmation before destructive posts, and focus on a form's errors.
 * Plain ES2017, kept as a string so that the bundler cannot rewrite it.
 */
// copyText and each() are also in pages/client-script.ts: each page's script is self-contained, under its own CSP.
export const DASHBOARD_SCRIPT = `(function () {
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }
  var copied = document.documentElement.getAttribute('data-copied') || 'OK';
  each('button[data-copy]', function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      copyText(button.getAttribute('data-copy')).then(function () {
        button.textContent = copied;
        button.classList.add('done');
        setTimeout(function () { button.textContent = label; button.classList.remove('done'); }, 1500);
      }, function () {});
    });
  });
  each('form[data-confirm]', function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
  var focus = document.querySelector('[data-focus]');
  if (focus) focus.focus();
})();`;
