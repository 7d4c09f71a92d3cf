/**
 * Retention (#18): the person picks how long Daily Papers are kept on the options page; older papers
 * leave the popup, a saved one stays, and arXiv listings lose their badges while today's stay.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { collectPageErrors, expect, test } from './support/extension-test';
import { readKeys, readRow } from './support/extension-db';
import { titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';
import { badges, listingEntry } from './support/arxiv';
import { todaysPapers } from './support/fixture-papers';
import { newListingPage } from '../fixtures/arxiv/listing-page';
import { stopWorker } from './support/worker-probes';

const DAY_MS = 86_400_000;
/** 100 days ago: kept by the default year, not by 90 days. */
const OLD_DAY = new Date(Date.now() - 100 * DAY_MS).toISOString().slice(0, 10);
const OLD = [
  { id: '2508.10001', title: 'An Old Paper Nobody Kept' },
  { id: '2508.10002', title: 'An Old Paper The Person Saved' },
];

/** Writes a Daily Papers day of 100 days ago, as a sync of that day would have stored it. */
async function storeOldDay(page: Page): Promise<void> {
  await page.evaluate(
    async ({ papers, day }) => {
      const open = indexedDB.open('daily-papers-lens');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['papers', 'days', 'upvoteHistory'], 'readwrite');
      const at = Date.parse(`${day}T12:00:00Z`);
      for (const [i, paper] of papers.entries()) {
        tx.objectStore('papers').put({ ...paper, summary: 'An abstract.', authors: ['A. Author'], upvotes: 10 + i, dailyDate: day, dailyDates: [day], fetchedAt: at });
        tx.objectStore('upvoteHistory').put({ id: paper.id, at, upvotes: 10 + i });
      }
      tx.objectStore('days').put({ date: day, fetchedAt: at, count: papers.length, dropped: 0, status: 'complete' });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { papers: OLD, day: OLD_DAY },
  );
}

/** Picks how long Daily Papers are kept on the options page, as a person does, and saves. */
async function keepFor(context: BrowserContext, extensionId: string, label: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Keep Daily Papers for').selectOption({ label });
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText(/^Saved/);
  return options;
}

test('keeping Daily Papers for 90 days, chosen on the options page, takes an old paper out of the popup; a saved one stays', async ({ context, extensionId, background, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  await storeOldDay(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html#day=${OLD_DAY}`);
  await expect(titles(popup)).toHaveText([OLD[1]!.title, OLD[0]!.title]);
  await popup.locator('.paper', { has: popup.getByRole('link', { name: OLD[1]!.title, exact: true }) }).getByRole('button', { name: 'Save' }).click();
  await expect(popup.locator('.paper', { has: popup.getByRole('link', { name: OLD[1]!.title, exact: true }) }).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');

  const options = await context.newPage();
  const errors = collectPageErrors(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const keep = options.getByLabel('Keep Daily Papers for');
  // A year by default: the old day is kept.
  await expect(keep).toHaveValue('365');
  await keep.selectOption({ label: '90 days' });
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText(/^Saved/);

  // The background prunes after the change: the unsaved old paper goes with its history.
  await expect.poll(async () => (await readKeys(background, 'papers'))?.includes(OLD[0]!.id), { timeout: 20_000 }).toBe(false);
  await popup.reload();
  await expect(titles(popup)).toHaveText([OLD[1]!.title]);
  await popup.getByRole('tab', { name: 'Saved' }).click();
  await expect(titles(popup)).toHaveText([OLD[1]!.title]);
  const history = (await background.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('daily-papers-lens');
      open.onsuccess = () => resolve(open.result);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('upvoteHistory').objectStore('upvoteHistory').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return keys.map((key) => (key as [string, number])[0]);
  })) as string[];
  expect(history).toContain(OLD[1]!.id);
  expect(history).not.toContain(OLD[0]!.id);
  // Today's papers are untouched.
  await popup.getByRole('tab', { name: 'Today' }).click();
  await expect(titles(popup).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("a shorter window takes the old papers' badges off an arXiv listing and keeps today's: the pruning run patches the kept index, it does not drop it", async ({ context, extensionId, background, server }) => {
  test.setTimeout(90_000);
  await waitForSync(background);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await storeOldDay(options);
  const today = todaysPapers(server.data).slice(0, 4);
  server.pages.set(
    'arxiv.org/list/cs.LG/new',
    newListingPage({ category: 'cs.LG', categoryName: 'Machine Learning', announced: 'Friday, 6 June 2025', newSubmissions: [...OLD, ...today].map(listingEntry), crossLists: [], replacements: [] }),
  );
  let page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.LG/new');
  const shown = () => badges(page, 'dl#articles > dt');
  // A year kept: the old day's papers have their badges, as today's do.
  await expect.poll(async () => (await shown())[OLD[0]!.id]).toMatch(/^▲ 10\b/);
  expect((await shown())[OLD[1]!.id]).toMatch(/^▲ 11\b/);
  for (const paper of today) expect((await shown())[paper.id], paper.id).toMatch(new RegExp(`^▲ ${paper.upvotes}\\b`));
  // The listing's question had the index kept for the next wake.
  const kept = async () => (await readRow<{ value?: { index?: string } }>(background, 'kv', 'badgeIndex'))?.value?.index;
  await expect.poll(kept).toContain(`${OLD[0]!.id} 10`);
  const before = (await kept())!.split('\n');
  // Closed, so that no page asks again (an open listing asks after a change of settings).
  await page.close();

  const pruned = async () => (await readRow<{ value?: { finishedAt?: number } }>(background, 'kv', 'pruneState'))?.value?.finishedAt ?? 0;
  const prunedBefore = await pruned();
  await keepFor(context, extensionId, '90 days');
  await expect.poll(pruned, { timeout: 20_000 }).toBeGreaterThan(prunedBefore);
  expect((await readKeys(background, 'papers'))?.filter((id) => OLD.some((paper) => paper.id === id))).toEqual([]);
  // The pruning run took the old papers' lines out of the kept index and kept every other line (a sync
  // may add a day's): no page asked since, so the next wake patches it rather than reading every stored
  // paper. Read as the run ends (a sync's refill, seconds later, would write a copy of its own).
  const after = (await kept())?.split('\n') ?? [];
  const isOld = (line: string) => OLD.some((paper) => line.startsWith(`${paper.id} `));
  expect(after.filter(isOld)).toEqual([]);
  expect(after.length).toBeGreaterThan(1);
  expect(after).toEqual(expect.arrayContaining(before.filter((line) => !isOld(line))));

  // The worker stopped: the listing opened again shows today's badges and none on the pruned papers.
  page = await context.newPage();
  const reopenedErrors = collectPageErrors(page);
  await (await stopWorker(page, extensionId)).cdp.detach();
  await page.goto('https://arxiv.org/list/cs.LG/new');
  await expect.poll(async () => (await shown())[today[0]!.id]).toMatch(new RegExp(`^▲ ${today[0]!.upvotes}\\b`));
  const now = await shown();
  for (const paper of today) expect(now[paper.id], paper.id).toMatch(new RegExp(`^▲ ${paper.upvotes}\\b`));
  expect([now[OLD[0]!.id], now[OLD[1]!.id]]).toEqual([null, null]);
  expect([...errors, ...reopenedErrors]).toEqual([]);
});
