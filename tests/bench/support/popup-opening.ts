/** Opening an extension page and timing the frame that shows its list: the popup, or the bench's floor page. */
import type { BrowserContext, Page } from '@playwright/test';
import { median, type Figure } from './figures';

/**
 * Where an opening's time goes, from the page's own clocks (ms since navigation start): the page's
 * bytes, the HTML parsed, the popup's script starting, its database open, the first screen's rows read,
 * the interface drawn, and the first frame with the list (`painted`: when that frame starts; its pixels
 * are presented a little later, the "first paint" when the popup draws the list in its first frame).
 * `dpl:*` marks are set by the popup's code (lib/popup/first-screen.ts, entrypoints/popup/mount.tsx).
 */
export interface Opening {
  painted: number;
  /**
   * Whether the popup drew the last opening's kept screen (lib/popup/kept-first-screen.ts) and the
   * database then confirmed it (`painted`: that first frame) or replaced it (`painted`: the first frame
   * after the database's answer changed the page; none when nothing on screen changed).
   */
  kept: 'none' | 'confirmed' | 'replaced';
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
    // With a kept screen, the database's answer arrives after the first list's frame: wait for it.
    const read = await new Promise<number>((resolve) => {
      // The floor page has no database to wait for.
      if (performance.getEntriesByName('dpl:popup-script').length === 0) return resolve(Number.NaN);
      const find = () => performance.getEntriesByName('dpl:first screen read')[0]?.startTime;
      const found = find();
      if (found !== undefined) return resolve(found);
      new PerformanceObserver((_, observer) => {
        const at = find();
        if (at === undefined) return;
        observer.disconnect();
        resolve(at);
      }).observe({ type: 'mark' });
      setTimeout(() => resolve(NaN), 5_000);
    });
    const kept = performance.getEntriesByName('dpl:kept screen replaced').length
      ? 'replaced'
      : performance.getEntriesByName('dpl:kept screen confirmed').length
        ? 'confirmed'
        : 'none';
    // Frames drawn after the page changed (see `watchListPaint`); a replaced screen's first one after the answer.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const w = window as unknown as { listPaintedAt: number; framesAfterChange: number[] };
    const replacedAt = kept === 'replaced' ? w.framesAfterChange.find((frame) => frame > read) : undefined;
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
      painted: replacedAt ?? w.listPaintedAt,
      kept: kept as Opening['kept'],
      script: performance.getEntriesByName('dpl:popup-script')[0]?.startTime ?? 0,
      marks,
    };
  });
  return { ...result, entries: await page.locator('.paper').count() };
}

/** What the page logs once the real list is painted. */
/**
 * Collects the garbage a seeding left in the extension's renderer process (one per extension: the popup
 * shares it). Tens of MB of it at 20,000 papers, marked during the openings that follow (seen in traces:
 * 10–20 ms of incremental GC in an opening), which no reader's browser holds: an idle one collects it,
 * as here. `idleUrl`: any page of the extension that runs none of its code.
 */
export async function collectSeedingGarbage(context: BrowserContext, idleUrl: string): Promise<void> {
  const idle = await context.newPage();
  await idle.goto(idleUrl);
  const cdp = await context.newCDPSession(idle);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await idle.close();
}

export const LIST_PAINTED = 'dpl-bench: list painted';

/** Time from navigation start to the frame that shows the real list (see `listPaintedAt`). */
export async function watchListPaint(context: BrowserContext): Promise<void> {
  await context.addInitScript((said) => {
    const w = window as unknown as { listPaintedAt?: number; framesAfterChange: number[] };
    w.framesAfterChange = [];
    // The first list: its entries' first frame. Drawn from a kept screen, it counts if the database then
    // confirms it (`openOnce` reads which).
    let listed = false;
    let frameAsked = false;
    new MutationObserver(() => {
      if (!listed && document.querySelector('.paper')) {
        listed = true;
        requestAnimationFrame(() => {
          w.listPaintedAt = performance.now();
          console.debug(said);
        });
      }
      // Every later change's frame: a kept screen the database replaced is painted at the first after its answer.
      if (frameAsked) return;
      frameAsked = true;
      requestAnimationFrame(() => {
        frameAsked = false;
        w.framesAfterChange.push(performance.now());
      });
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  }, LIST_PAINTED);
}

/** How many openings drew a kept screen the database confirmed, and how many one it replaced, as a figure. */
export function keptScreens(openings: Opening[], what: string): Figure {
  const confirmed = openings.filter((o) => o.kept === 'confirmed').length;
  const replaced = openings.filter((o) => o.kept === 'replaced').length;
  return {
    measure: `${what}: openings that drew the last opening's kept screen, the database confirming it (${replaced} replaced, ${openings.length - confirmed - replaced} without one)`,
    value: confirmed,
    unit: `of ${openings.length}`,
  };
}

/** Where the openings' time went: each step's median over the openings that marked it, ms after navigation start. */
export function openingSteps(openings: Opening[], what: string): Figure[] {
  const names = [...new Set(openings.flatMap((o) => Object.keys(o.marks)))];
  return names.map((name) => ({ measure: `  ${what}: ${name}`, value: median(openings.map((o) => o.marks[name] ?? Number.NaN).filter((v) => !Number.isNaN(v))), unit: 'ms' }));
}
