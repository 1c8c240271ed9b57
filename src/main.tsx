// Entry point: the prerendered first screen (index.html) is painted first, from HTML and CSS
// alone; the app (boot.tsx, its modules preloaded by the page) starts after that frame, so that
// compiling and running it does not hold the first paint back. Without a prerendered screen (the
// dev server) it starts at once.
import './ui/theme.css';
import './ui/theme-dark.css';
import './ui/theme-contrast.css';
import './ui/base.css';
import { FIRST_SCREEN_DATA_ID } from './state/first-screen';

/** Resolves after the next frame has been produced (or soon, in a hidden tab without frames). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });
}

const prerendered = document.getElementById(FIRST_SCREEN_DATA_ID) !== null;
void (prerendered ? afterNextPaint() : Promise.resolve()).then(() => {
  performance.mark('ofs:main-painted');
  return import('./boot');
});
