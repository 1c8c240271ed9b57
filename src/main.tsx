// Entry point: the prerendered first screen (index.html) is painted first, from HTML and CSS
// alone; the app (boot.tsx) is fetched and starts after that frame, so that downloading, compiling
// and running it do not hold the first paint back. Without a prerendered screen (the
// dev server) it starts at once. Until it has started, clicks, choices and shortcut keys on the
// prerendered controls are kept by the page's inline head script (ui/early-input.ts) and replayed
// once the screen is hydrated.
import './ui/theme.css';
import './ui/theme-dark.css';
import './ui/theme-contrast.css';
import './ui/base.css';
import { FIRST_SCREEN_DATA_ID } from './state/first-screen';
import { refuseEarlyInput } from './ui/early-input';

/** Resolves after the next frame has been produced (or soon, in a hidden tab without frames). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });
}

const prerendered = document.getElementById(FIRST_SCREEN_DATA_ID) !== null;
void (prerendered ? afterNextPaint() : Promise.resolve())
  .then(() => {
    performance.mark('ofs:main-painted');
    return import('./boot');
  })
  .catch(() => refuseEarlyInput(document));
