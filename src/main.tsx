// Entry point: the prerendered first screen (index.html) is painted first, from HTML and CSS
// alone; the app (boot.tsx) is fetched and starts once that frame is on screen, so that
// downloading, compiling and running it do not hold the first paint back. Without a prerendered
// screen (the dev server) it starts at once. Until it has started, clicks, choices and shortcut
// keys on the prerendered controls are kept by the page's inline head script (ui/early-input.ts)
// and replayed once the screen is hydrated.
import './ui/theme.css';
import './ui/theme-dark.css';
import './ui/theme-contrast.css';
import './ui/base.css';
import { FIRST_SCREEN_DATA_ID } from './state/first-screen';
import { refuseEarlyInput } from './ui/early-input';

/**
 * Resolves once the first frame is on screen: its `first-contentful-paint` entry, which the browser
 * reports when the frame has been presented (rastered and shown), not merely produced. Starting
 * the app any sooner puts its download and compilation beside the raster of that frame: on the
 * bench's two cores, the first paint came about 10% later (`npm run bench`, first paint against
 * the static page: 1.14x waiting for the next frame only, 0.96-1.04x waiting for the paint).
 * Without paint timing, after the next frame; in a hidden tab (no frames), at once; and at the
 * latest after 500 ms.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => resolve();
    if (document.visibilityState === 'hidden') return done();
    if (!PerformanceObserver.supportedEntryTypes.includes('paint')) {
      requestAnimationFrame(() => setTimeout(done, 0));
      return;
    }
    // `buffered`: a frame already presented is reported too.
    const observer = new PerformanceObserver(() => {
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(done, 500);
  });
}

const prerendered = document.getElementById(FIRST_SCREEN_DATA_ID) !== null;
void (prerendered ? afterFirstPaint() : Promise.resolve())
  .then(() => {
    performance.mark('ofs:main-painted');
    return import('./boot');
  })
  .catch(() => refuseEarlyInput(document));
