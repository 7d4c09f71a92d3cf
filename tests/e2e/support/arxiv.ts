/** Helpers the arXiv specs share: waiting for the install-time sync, settings, the fixture's papers. */
import type { Page, Worker } from '@playwright/test';
import { readKeys, syncSettled } from './extension-db';
import type { FixtureServer } from './fixture-server';
import type { ListingEntryFixture } from '../../fixtures/arxiv/listing-page';

export interface FixturePaper {
  id: string;
  title: string;
  summary: string;
  upvotes: number;
  numComments: number;
  date: string;
  raw: Record<string, unknown>;
}

/** Every paper of the fixture's Daily Papers lists, newest day first, in HF's order within a day. */
export function fixturePapers(server: FixtureServer): FixturePaper[] {
  const papers: FixturePaper[] = [];
  for (const [date, items] of server.data.days) {
    for (const item of items) {
      const raw = item.paper as Record<string, unknown>;
      papers.push({
        id: raw.id as string,
        title: raw.title as string,
        summary: raw.summary as string,
        upvotes: raw.upvotes as number,
        numComments: item.numComments as number,
        date,
        raw,
      });
    }
  }
  return papers;
}

/**
 * The fixture's papers the extension has stored. A sync run spends at most 30 HF calls, so the oldest
 * day of the 30-day window arrives with the next run: tests about "every known paper" ask the database.
 */
export async function storedFixturePapers(server: FixtureServer, background: Worker): Promise<FixturePaper[]> {
  const ids = new Set(await readKeys(background, 'papers'));
  return fixturePapers(server).filter((paper) => ids.has(paper.id));
}

export function listingEntry(paper: { id: string; title: string; summary?: string }): ListingEntryFixture {
  return { id: paper.id, title: paper.title, authors: ['Jiatao Gu', 'Tianrong Chen'], abstract: paper.summary, comments: '23 pages, 12 figures' };
}

/** A paper HF does not know: a valid id outside the fixture's ranges. */
export function unknownEntry(n: number): ListingEntryFixture {
  const id = `2506.${String(20_000 + n).padStart(5, '0')}`;
  return { id, title: `An unrelated paper number ${n}`, authors: ['Ada Lovelace'], abstract: `Nothing HF has seen (${n}).` };
}

/** Waits until the install-time sync (30 days) has finished, reading the sync state the popup reads. */
export async function waitForSync(background: Worker, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await syncSettled(background)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the install-time sync did not finish');
}

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
