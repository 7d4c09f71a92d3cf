/**
 * A person adds a keyword on the options page; the next sync brings a matching paper: exactly one
 * notification names it, a second sync adds none, the toolbar badge counts it and clears as papers are
 * read. Notifications and the badge are read from the background worker (observation only).
 */
import type { Page, Worker } from '@playwright/test';
import { dailyItem } from '../fixtures/hf-data';
import { collectPageErrors, expect, test } from './support/extension-test';
import { waitForSync } from './support/sync';
import { recordNotifications } from './support/worker-probes';
import type { browser } from 'wxt/browser';

/** The extension API inside `evaluate` callbacks (they run in the extension's own pages and worker). */
declare const chrome: typeof browser;

const QUOKKA_ID = '2511.09999';
const QUOKKA_TITLE = 'Quokka: Small Marsupial Models for Efficient Reasoning';

const notificationIds = (background: Worker) => background.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
const badgeText = (background: Worker) => background.evaluate(() => chrome.action.getBadgeText({}));

/** Clicks Refresh, then waits for that run to end, notifications included (a request joins the run under way). */
async function refreshAndSettle(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
}

test('a watched keyword notifies once for the new paper, and the toolbar badge counts and clears', async ({ server, context, background, extensionId, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));

  // Install never floods: the whole 30-day back-fill gave one notification, the digest of today's list.
  expect(await notificationIds(background)).toEqual([`day:${server.data.today}:digest`]);
  // The badge counts today's top ten, unread.
  await expect.poll(() => badgeText(background)).toBe('10');

  // The person adds a keyword on the options page.
  const options = await context.newPage();
  const errors = collectPageErrors(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Keywords').fill('quokka');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText(/^Saved/);

  // HF adds a matching paper to today's list.
  const item = dailyItem({ id: QUOKKA_ID, date: server.data.today, index: 13, upvotes: 1, seedIndex: 3 });
  Object.assign(item.paper as Record<string, unknown>, { title: QUOKKA_TITLE });
  item.title = QUOKKA_TITLE;
  server.data.days.get(server.data.today)!.push(item);

  const shown = await recordNotifications(background);
  await refreshAndSettle(popup);
  await expect(popup.locator('.paper .title', { hasText: QUOKKA_TITLE })).toBeVisible();

  // Exactly one notification names it.
  const naming = (await shown()).filter((n) => `${n.title}\n${n.message}`.includes(QUOKKA_TITLE));
  expect(naming).toEqual([{ id: `paper:${QUOKKA_ID}`, title: QUOKKA_TITLE, message: 'Matches keyword “quokka” · ▲ 1', iconUrl: `chrome-extension://${extensionId}/icon/128.png` }]);
  expect(await shown()).toHaveLength(1);
  expect(await notificationIds(background)).toContain(`paper:${QUOKKA_ID}`);
  // The badge adds the watch match (ranked last, so not one of the top ten).
  await expect.poll(() => badgeText(background)).toBe('11');

  // A second sync adds none.
  await refreshAndSettle(popup);
  expect(await shown()).toHaveLength(1);
  expect((await notificationIds(background)).filter((id) => id.includes(QUOKKA_ID))).toHaveLength(1);

  // The person clicks the notification (headless Chromium has no notification centre to click in, so
  // the browser's click event is dispatched): HF's page opens and the paper is read.
  const hfPage = context.waitForEvent('page', (page) => page.url() === `https://huggingface.co/papers/${QUOKKA_ID}`);
  await background.evaluate((id) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(id), `paper:${QUOKKA_ID}`);
  await hfPage;
  await expect.poll(() => badgeText(background)).toBe('10');
  await expect.poll(() => notificationIds(background)).not.toContain(`paper:${QUOKKA_ID}`);

  // What the popup's "mark read" does: write readAt, then tell the background; the badge clears.
  const stillBadged = await popup.evaluate(async () => {
    const open = indexedDB.open('daily-papers-lens');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ids = [...document.querySelectorAll<HTMLElement>('.paper')].map((li) => li.dataset.paperId!);
    const tx = db.transaction('userState', 'readwrite');
    for (const id of ids) tx.objectStore('userState').put({ id, readAt: Date.now() });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    return chrome.runtime.sendMessage({ type: 'userStateChanged' });
  });
  expect(stillBadged).toEqual({ badgeCount: 0 });
  expect(await badgeText(background)).toBe('');
  expect(errors).toEqual([]);
});

test('the digest notification opens the popup view of its day', async ({ server, context, background, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
  const digest = `day:${server.data.today}:digest`;
  expect(await notificationIds(background)).toEqual([digest]);
  const opened = context.waitForEvent('page', (page) => page.url().endsWith(`/popup.html#day=${server.data.today}`));
  await background.evaluate((id) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(id), digest);
  const dayView = await opened;
  await expect(dayView.getByTestId('list-day')).toHaveText(server.data.today);
  await expect.poll(() => notificationIds(background)).toEqual([]);
});
