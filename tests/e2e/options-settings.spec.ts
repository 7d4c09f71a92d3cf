/** The options page: every setting in one form, refused when out of bounds, kept in synced storage. */
import { collectPageErrors, expect, test } from './support/extension-test';
import type { browser } from 'wxt/browser';

/** The extension API inside `evaluate` callbacks (they run in the extension's own pages and worker). */
declare const chrome: typeof browser;

test('settings are edited, checked, saved to synced storage and shown again', async ({ context, extensionId, background }) => {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  // Defaults first.
  await expect(page.getByLabel('Days to keep in sync')).toHaveValue('30');
  await expect(page.getByLabel('Sync every (minutes)')).toHaveValue('30');
  await expect(page.getByLabel('Live lookups')).toBeChecked();
  await expect(page.getByLabel('Show notifications')).toBeChecked();

  // A value out of bounds gets a clear answer, focus, and nothing is saved.
  await page.getByLabel('Sync every (minutes)').fill('5');
  await page.getByLabel('Keywords').fill('diffusion\n\nDiffusion\n  normalizing   flows  ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Not saved: please correct the fields marked below.');
  await expect(page.getByTestId('syncIntervalMinutes-error')).toHaveText('Enter a whole number from 15 to 1,440 minutes.');
  await expect(page.getByLabel('Sync every (minutes)')).toBeFocused();
  expect(await background.evaluate(() => chrome.storage.sync.get('settings'))).toEqual({});

  // Corrected, with every section touched, using the keyboard for the checkboxes.
  await page.getByLabel('Sync every (minutes)').fill('60');
  await page.getByLabel('Authors').fill('Jiatao Gu');
  await page.getByLabel('Organizations').fill('apple');
  await page.getByLabel('Notify only from this many upvotes').fill('20');
  await page.getByLabel('Live lookups').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Show Daily Papers on GitHub').uncheck();
  await page.getByLabel('Daily digest', { exact: false }).uncheck();
  await page.getByLabel('Days to keep in sync').fill('7');
  await page.getByLabel('Highlight listing entries from this many upvotes').fill('50');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(/^Saved/);
  await expect(page.getByTestId('syncIntervalMinutes-error')).toHaveCount(0);

  const stored = await background.evaluate(() => chrome.storage.sync.get('settings'));
  expect(stored).toEqual({
    settings: {
      backfillDays: 7,
      syncIntervalMinutes: 60,
      retentionDays: 365,
      liveLookups: false,
      sites: { arxiv: true, github: false, hackernews: false, scholar: false, reddit: false, x: false, openreview: false, semanticscholar: false, alphaxiv: false },
      highlightThreshold: 50,
      watch: { keywords: ['diffusion', 'normalizing flows'], authors: ['Jiatao Gu'], organizations: ['apple'] },
      watchUpvoteThreshold: 20,
      notificationsEnabled: true,
      dailyDigest: false,
    },
  });
  // The background follows the new interval.
  await expect.poll(() => background.evaluate(async () => (await chrome.alarms.get('sync-periodic'))?.periodInMinutes)).toBe(60);

  // Reopened, the page shows what was saved (the keyword list cleaned up).
  await page.reload();
  await expect(page.getByLabel('Keywords')).toHaveValue('diffusion\nnormalizing flows');
  await expect(page.getByLabel('Live lookups')).not.toBeChecked();
  await expect(page.getByLabel('Show Daily Papers on GitHub')).not.toBeChecked();
  await expect(page.getByLabel('Sync every (minutes)')).toHaveValue('60');
  expect(errors).toEqual([]);
});

test('watch lists too long for the browser to sync are said so before saving, and kept whole in this browser', async ({ context, extensionId, background }) => {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByLabel('Keywords')).toHaveValue('');
  // As long as the form allows: 200 lines of 200 characters in each list (storage.sync holds 8 KB an item).
  const lines = (prefix: string) => Array.from({ length: 200 }, (_, i) => `${prefix} ${String(i).padStart(3, '0')} ${'w'.repeat(190)}`).join('\n');
  await expect(page.getByTestId('watch-kept-locally')).toHaveCount(0);
  await page.getByLabel('Keywords').fill(lines('k'));
  await page.getByLabel('Authors').fill(lines('a'));
  await page.getByLabel('Organizations').fill(lines('o'));
  await expect(page.getByTestId('watch-kept-locally')).toContainText('kept in this browser only');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(/^Saved\. Your watch lists are kept in this browser only/);

  const synced = (await background.evaluate(() => chrome.storage.sync.get('settings'))) as { settings: Record<string, unknown> };
  expect(synced.settings.watch).toBeUndefined();
  await page.reload();
  await expect(page.getByLabel('Keywords')).toHaveValue(lines('k'));
  await expect(page.getByLabel('Organizations')).toHaveValue(lines('o'));
  expect(errors).toEqual([]);
});
