/**
 * What moved on a page: its layout shifts (the browser's Layout Instability API), each shifted element
 * named by its id, else its class, else its first words, else its tag. Watched from before the page's
 * own scripts, for every page the tab loads; read with `movedOn(page)` (what moved since the last load).
 */
import type { Page } from '@playwright/test';

export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const moved: string[] = ((window as unknown as { moved: string[] }).moved = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { sources?: { node?: Node }[] })[]) {
        for (const { node } of entry.sources ?? []) {
          const element = node as Element | undefined;
          moved.push(element?.id || (typeof element?.className === 'string' && element.className) || node?.textContent?.trim().slice(0, 40) || node?.nodeName || '?');
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export function movedOn(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { moved: string[] }).moved);
}
