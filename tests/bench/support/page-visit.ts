/**
 * A page visit the benches time: the page's own world tells DOMContentLoaded, the moment the watched
 * elements (our badges, our card) are all in the DOM, and the frame after them, then logs PAINTED, so a
 * traced visit (./traced-visit.ts) knows it is over without Playwright's script in the page.
 */
import type { Page } from '@playwright/test';

/** What the page logs once its frame after the watched elements is drawn (`watchFor`). */
export const PAINTED = 'dpl-bench: painted';

/** In the page's own world: DOMContentLoaded, and the moment `count` elements of `tag` are in the DOM. */
export function watchFor(page: Page, tag: string, count: number): Promise<unknown> {
  return page.addInitScript(
    ({ tag, count, PAINTED }) => {
      const w = window as unknown as { __bench: { done?: number; paint?: number; first?: number; firstEnd?: number } };
      w.__bench = {};
      document.addEventListener('DOMContentLoaded', () => {
        requestAnimationFrame(() => {
          w.__bench.first = performance.now();
          // The first task after that frame is drawn (a timer set in its animation callback runs after its paint).
          setTimeout(() => (w.__bench.firstEnd = performance.now()));
        });
        const check = () => {
          if (w.__bench.done === undefined && document.querySelectorAll(tag).length >= count) {
            w.__bench.done = performance.now();
            requestAnimationFrame(() =>
              setTimeout(() => {
                w.__bench.paint = performance.now();
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

export interface Timing {
  dcl: number;
  load: number;
  done?: number;
  paint?: number;
  /** The first frame after DOMContentLoaded: its start, and the first task after it is drawn. */
  first?: number;
  firstEnd?: number;
}

export async function timedVisit(page: Page, url: string): Promise<Timing> {
  // The tab a person looks at: a bench alternates tabs, and a tab left behind another one had its first
  // frame held back ~1 s in about half the visits (its timers and frames throttled as a hidden page's).
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __bench: { paint?: number } }).__bench?.paint !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const bench = (window as unknown as { __bench?: { done?: number; paint?: number; first?: number; firstEnd?: number } }).__bench ?? {};
    return { dcl: nav.domContentLoadedEventStart, load: nav.loadEventEnd, done: bench.done, paint: bench.paint, first: bench.first, firstEnd: bench.firstEnd };
  });
}
