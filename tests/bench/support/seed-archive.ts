/**
 * A synthetic archive written straight into the extension's database from an extension page, and the
 * background told (the `databaseChanged` notice the options page sends after an import), so it brings
 * its search index up to date (lib/background/search-index.ts). Apart from popup.bench.ts's own seeding
 * so the search bench and the year bench can change independently.
 */
import type { Page } from '@playwright/test';
import type { Paper } from '../../../lib/shared/paper';
import { syntheticPapers } from './synthetic-papers';

const DAY_MS = 86_400_000;

/** `count` papers, `perDay` a day, ending today. */
export function archive(count: number, perDay = 110): Paper[] {
  const days = Math.ceil(count / perDay);
  const firstDay = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return syntheticPapers(count, { firstDay, perDay, now: Date.now() - days * DAY_MS });
}

/** Writes the papers and their days (in chunks: one evaluate per 5,000), and drops the stored search index. */
export async function seedArchive(page: Page, papers: Paper[]): Promise<void> {
  for (let i = 0; i < papers.length; i += 5_000) {
    const chunk = papers.slice(i, i + 5_000);
    await page.evaluate(
      async ({ chunk, first }) => {
        const open = indexedDB.open('daily-papers-lens');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction(['papers', 'days', 'searchIndex'], 'readwrite');
        for (const paper of chunk) tx.objectStore('papers').put(paper);
        const days = new Map<string, number>();
        for (const paper of chunk) days.set(paper.dailyDate!, (days.get(paper.dailyDate!) ?? 0) + 1);
        for (const [date, count] of days) tx.objectStore('days').put({ date, fetchedAt: Date.now(), count, dropped: 0, status: 'complete' });
        // The index is built anew, whole, as after the upgrade that brings it.
        if (first) tx.objectStore('searchIndex').clear();
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { chunk, first: i === 0 },
    );
  }
}

/**
 * Tells the background the papers changed and waits until its index holds at least `count` papers:
 * the time from the notice to the index stored (ms).
 */
export async function backgroundIndexes(page: Page, count: number): Promise<number> {
  return page.evaluate(async (count) => {
    const start = performance.now();
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    await runtime.sendMessage({ type: 'databaseChanged', tables: ['papers'] }).catch(() => undefined);
    for (;;) {
      const open = indexedDB.open('daily-papers-lens');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = db.transaction('searchIndex', 'readonly').objectStore('searchIndex').get('meta');
      const meta = await new Promise<{ value?: { papers: number } } | undefined>((resolve) => {
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => resolve(undefined);
      });
      db.close();
      if ((meta?.value?.papers ?? 0) >= count) return performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, count);
}

/** The stored index's size: its buffers and its strings (UTF-16, as held in memory), whole, its base, its largest shard. */
export async function storedIndexBytes(page: Page): Promise<{ total: number; base: number; largestShard: number; shards: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('daily-papers-lens');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = db.transaction('searchIndex', 'readonly').objectStore('searchIndex').getAll();
    const rows = await new Promise<{ key: string; value: Record<string, unknown> }[]>((resolve, reject) => {
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    const sizes = { total: 0, base: 0, largestShard: 0, shards: 0 };
    for (const row of rows) {
      if (row.key === 'meta') continue;
      let bytes = 0;
      for (const value of Object.values(row.value)) {
        if (ArrayBuffer.isView(value)) bytes += value.byteLength;
        else if (typeof value === 'string') bytes += value.length * 2;
      }
      sizes.total += bytes;
      if (row.key === 'papers') sizes.base = bytes;
      else {
        sizes.shards++;
        sizes.largestShard = Math.max(sizes.largestShard, bytes);
      }
    }
    return sizes;
  });
}
