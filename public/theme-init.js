// Applies the person's remembered theme (src/ui/shell/theme-choice.ts: localStorage 'ofs.theme')
// as <html data-theme> before the body is parsed, so the prerendered first screen never paints
// light first in a dark choice. The build puts it inline with its SHA-256 hash in the policy's
// script-src (scripts/prerender.mjs); the dev server serves it as this file. theme-init.test.ts
// keeps it in step with theme-choice.ts.
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
