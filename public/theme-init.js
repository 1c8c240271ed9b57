// Applies the person's remembered theme (src/ui/shell/theme-choice.ts: localStorage 'ofs.theme')
// as <html data-theme> before the body is parsed, so the prerendered first screen never paints
// light first in a dark choice. A classic script from the page's own origin: the
// Content-Security-Policy allows it (no inline script). theme-init.test.ts keeps it in step.
(function () {
  var choices = ['system', 'light', 'dark', 'high-contrast'];
  var choice = 'system';
  try {
    var stored = window.localStorage.getItem('ofs.theme');
    if (choices.indexOf(stored) >= 0) choice = stored;
  } catch {
    // Storage is blocked: System.
  }
  document.documentElement.setAttribute('data-theme', choice);
})();
