/**
 * A page visit the benches time: the page's own world tells DOMContentLoaded, the moment the watched
 * elements (our badges, our card) are all in the DOM, and the frame after them, then logs PAINTED, so a
 * traced visit (./traced-visit.ts) knows it is over without Playwright's script in the page.
 */
import type { Page } from '@playwright/test';

/** What the page logs once its frame after the watched elements is drawn (`watchFor`). */
export const PAINTED = 'dpl-bench: painted';

/** What the page's own world marks (`watchFor`), in ms since navigation start, on `window.__bench`. */
interface PageMarks {
  /** All the watched elements are in the DOM. */
  done?: number;
  /** The first task after the frame that follows them is drawn. */
  paint?: number;
  /** The first frame after DOMContentLoaded: its start, and the first task after it is drawn. */
  first?: number;
  firstEnd?: number;
}

type MarkedWindow = Window & { __bench?: PageMarks };

/** In the page's own world: DOMContentLoaded, and the moment `count` elements of `tag` are in the DOM. */
export function watchFor(page: Page, tag: string, count: number): Promise<unknown> {
  return page.addInitScript(
    ({ tag, count, PAINTED }) => {
      const marks: PageMarks = {};
      (window as MarkedWindow).__bench = marks;
      document.addEventListener('DOMContentLoaded', () => {
        requestAnimationFrame(() => {
          marks.first = performance.now();
          // The first task after that frame is drawn (a timer set in its animation callback runs after its paint).
          setTimeout(() => (marks.firstEnd = performance.now()));
        });
        const check = () => {
          if (marks.done === undefined && document.querySelectorAll(tag).length >= count) {
            marks.done = performance.now();
            requestAnimationFrame(() =>
              setTimeout(() => {
                marks.paint = performance.now();
                console.debug(PAINTED);
              }),
            );
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, { childList: true, subtree: true });
        check();
      });
    },
    { tag, count, PAINTED },
  );
}

export interface Timing extends PageMarks {
  dcl: number;
  load: number;
}

export async function timedVisit(page: Page, url: string): Promise<Timing> {
  // The tab a person looks at: a bench alternates tabs, and a tab left behind another one had its first
  // frame held back ~1 s in about half the visits (its timers and frames throttled as a hidden page's).
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as MarkedWindow).__bench?.paint !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: nav.domContentLoadedEventStart, load: nav.loadEventEnd, ...(window as MarkedWindow).__bench };
  });
}
