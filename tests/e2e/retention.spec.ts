/**
 * Retention (#18): the person picks how long Daily Papers are kept on the options page; older papers
 * leave the popup, a saved one stays.
 */
import type { Page } from '@playwright/test';
import { collectPageErrors, expect, test } from './support/extension-test';
import { readKeys } from './support/extension-db';
import { titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

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
