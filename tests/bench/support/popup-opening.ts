/** Opening an extension page and timing the frame that shows its list: the popup, or the bench's floor page. */
import type { BrowserContext, Page } from '@playwright/test';

/**
 * Where an opening's time goes, from the page's own clocks (ms since navigation start): the page's
 * bytes, the HTML parsed, the popup's script starting, its database open, the first screen's rows read,
 * the interface drawn, and the first frame with the list (`painted`: when that frame starts; its pixels
 * are presented a little later, the "first paint" when the popup draws the list in its first frame).
 * `dpl:*` marks are set by the popup's code (lib/popup/first-screen.ts, entrypoints/popup/mount.tsx).
 */
export interface Opening {
  painted: number;
  script: number;
  marks: Record<string, number>;
  entries: number;
}

export async function openOnce(page: Page, popupUrl: string): Promise<Opening> {
  // Told by a console message, not by polling the page: Playwright's polling (waitForFunction, locators)
  // first injects its own script (some 330 KB) into the page, a main-thread task of 30 to 80 ms right in
  // the middle of the opening (seen in a Chromium trace), which no person's popup pays.
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === LIST_PAINTED, timeout: 30_000 });
  await page.goto(popupUrl);
  await painted;
  const result = await page.evaluate(async () => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    // The first paint is reported once its frame is presented: when that frame is the list's, after the
    // list's frame started (the moment `listPaintedAt` records).
    const firstPaint = await new Promise<number>((resolve) => {
      new PerformanceObserver((entries, observer) => {
        const entry = entries.getEntriesByName('first-paint')[0];
        if (!entry) return;
        observer.disconnect();
        resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(NaN), 2_000);
    });
    const marks: Record<string, number> = {
      'HTML received': nav?.responseEnd ?? NaN,
      'DOM parsed (scripts fetched)': nav?.domInteractive ?? NaN,
      'first paint (presented)': firstPaint,
    };
    for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith('dpl:')) marks[mark.name] ??= mark.startTime;
    return {
      painted: (window as unknown as { listPaintedAt: number }).listPaintedAt,
      script: performance.getEntriesByName('dpl:popup-script')[0]?.startTime ?? 0,
      marks,
    };
  });
  return { ...result, entries: await page.locator('.paper').count() };
}

/** What the page logs once the real list is painted. */
export const LIST_PAINTED = 'dpl-bench: list painted';

/** Time from navigation start to the frame that shows the real list (see `listPaintedAt`). */
export async function watchListPaint(context: BrowserContext): Promise<void> {
  await context.addInitScript((said) => {
    const w = window as unknown as { listPaintedAt?: number };
    // The real list: entries drawn from the database (a list painted from a kept snapshot is marked
    // `data-snapshot` until the database's answer has replaced or confirmed it).
    const ready = () => document.querySelector('.paper') && !document.querySelector('[data-snapshot]');
    new MutationObserver((_, observer) => {
      if (!ready()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        w.listPaintedAt = performance.now();
        console.debug(said);
      });
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, LIST_PAINTED);
}
