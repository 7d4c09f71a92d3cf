/**
 * Visits with the extension's service worker stopped before each, as the browser stops an idle one
 * (30 s after its last event): what a page costs when the worker must start, or need not.
 */
import type { Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect } from '../../e2e/support/extension-test';
import { stopWorker } from '../../e2e/support/worker-probes';
import { NEWEST_BADGES_KEY } from '../../../lib/shared/storage-keys';
import { timedVisit, type Timing } from './page-visit';

/** The extension's API, in the extension page's world (where `evaluate` runs). */
declare const chrome: typeof browser;

/**
 * Stops the worker as the browser does an idle one: a moment after its last answer, so the copies it
 * keeps for the next wake (a put after the answer: 3 MB of titles at 40,000 papers) are written. A
 * worker stopped within milliseconds of answering would lose them, which no browser does (30 s idle).
 */
export async function stopIdleWorker(page: Page, extensionId: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await (await stopWorker(page, extensionId)).cdp.detach();
}

/** One kind of visit of `coldListingVisits`: `tab` at `url`, its first answer from the newest badges' copy or with the copy removed. */
export interface ColdListingVisit {
  tab: Page;
  url: string;
  withCopy: boolean;
}

/**
 * Listings visited with the worker stopped before each visit, `runs` rounds of `kinds` in turn (in the
 * order of their keys): with the
 * newest badges' copy (a listing of the last days reads its first answer from it: no message, the worker
 * stays stopped), or with the copy removed first (the page asks the worker, which starts, answers and
 * writes the copy again, as every listing did before 2026-12-07). Each visit waits for the copy to be
 * written first. `extensionPage`: a page of the extension (a stopped worker's handle is gone). The
 * visits' timings, by kind.
 */
export async function coldListingVisits<Kind extends string>(extensionPage: Page, extensionId: string, runs: number, kinds: Record<Kind, ColdListingVisit>): Promise<Record<Kind, Timing[]>> {
  const copied = () => extensionPage.evaluate(async (key) => Boolean((await chrome.storage.local.get(key))[key]), NEWEST_BADGES_KEY);
  const order = Object.keys(kinds) as Kind[];
  const visits = Object.fromEntries(order.map((kind) => [kind, [] as Timing[]])) as Record<Kind, Timing[]>;
  for (let run = 0; run < runs; run++) {
    for (const kind of order) {
      const { tab, url, withCopy } = kinds[kind];
      await expect.poll(copied, { timeout: 20_000 }).toBe(true);
      if (!withCopy) await extensionPage.evaluate((key) => chrome.storage.local.remove(key), NEWEST_BADGES_KEY);
      await stopIdleWorker(extensionPage, extensionId);
      visits[kind].push(await timedVisit(tab, url));
    }
  }
  return visits;
}
