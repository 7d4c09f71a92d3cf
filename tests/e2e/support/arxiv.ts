/** Helpers the arXiv specs share: settings, listing entries, the fixture's papers the extension stored. */
import type { Page, Worker } from '@playwright/test';
import { readKeys } from './extension-db';
import { fixturePapers, type FixturePaper } from './fixture-papers';
import type { FixtureServer } from './fixture-server';
import type { ListingEntryFixture } from '../../fixtures/arxiv/listing-page';

/**
 * The fixture's papers the extension has stored. A sync run spends at most 30 HF calls, so the oldest
 * day of the 30-day window arrives with the next run: tests about "every known paper" ask the database.
 */
export async function storedFixturePapers(server: FixtureServer, background: Worker): Promise<FixturePaper[]> {
  const ids = new Set(await readKeys(background, 'papers'));
  return fixturePapers(server.data).filter((paper) => ids.has(paper.id));
}

export function listingEntry(paper: { id: string; title: string; summary?: string }): ListingEntryFixture {
  return { id: paper.id, title: paper.title, authors: ['Jiatao Gu', 'Tianrong Chen'], abstract: paper.summary, comments: '23 pages, 12 figures' };
}

/** A paper HF does not know, the `n`th of a month's (`YYMM`) numbers from `first`. */
export function unknownEntryOf(month: string, first: number, n: number): ListingEntryFixture {
  const id = `${month}.${String(first + n).padStart(5, '0')}`;
  return { id, title: `An unrelated paper number ${n}`, authors: ['Ada Lovelace'], abstract: `Nothing HF has seen (${n}).` };
}

/** A paper HF does not know: a valid id outside the fixture's ranges. */
export const unknownEntry = (n: number): ListingEntryFixture => unknownEntryOf('2506', 20_000, n);

/**
 * A paper HF does not know, of the month of the fixture's newest papers (`2511.`, after their numbers):
 * as a /new or /pastweek listing's entries are, all of the last days. Such a listing is sent the badges
 * of those months (lib/sites/arxiv/listing-span.ts), so an entry like this is known to have none there.
 */
export const recentUnknownEntry = (n: number): ListingEntryFixture => unknownEntryOf('2511', 50_000, n);

/** Writes settings the way the options page would (browser.storage.sync, key "settings"). */
export async function patchSettings(background: Worker, patch: Record<string, unknown>): Promise<void> {
  await background.evaluate(async (values) => {
    type SyncArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync;
    const current = ((await sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await sync.set({ settings: { ...current, ...values } });
  }, patch);
}

/** The shadow-root hosts of one of the extension's tags on a page. */
export function hostCount(page: Page, tag: string): Promise<number> {
  return page.evaluate((name) => document.querySelectorAll(name).length, tag);
}

/** `/api/papers/{id}` calls made so far for an id. */
export function paperCalls(server: FixtureServer, id: string): number {
  return server.hfCalls().filter((call) => call === `/api/papers/${id}`).length;
}

/** The badge each entry shows (null: none), by id. */
export function badges(page: Page, entrySelector: string): Promise<Record<string, string | null>> {
  return page.locator(entrySelector).evaluateAll((entries) =>
    Object.fromEntries(
      entries.map((entry) => {
        const link = entry.querySelector('a[title="Abstract"], p.list-title > a') as HTMLAnchorElement;
        const id = link.href.split('/abs/')[1]!.replace(/v\d+$/, '');
        const hosts = entry.querySelectorAll('dpl-paper-badge');
        if (hosts.length > 1) return [id, `${hosts.length} badges`];
        const badge = hosts[0]?.shadowRoot?.querySelector('[data-testid="dpl-badge"]');
        if (!badge) return [id, null];
        const parts = [badge.querySelector('.dpl-upvotes'), badge.querySelector('.dpl-comments')].map((el) => el?.textContent ?? '');
        return [id, parts.join(' ').trim()];
      }),
    ),
  );
}
