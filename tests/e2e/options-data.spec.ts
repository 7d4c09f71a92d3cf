/** The options page's data section: import saved papers, export them as BibTeX and JSON, clear the cache. */
import { readFileSync } from 'node:fs';
import bibtex from 'bibtex';
import type { Worker } from '@playwright/test';
import { repoHomePage } from '../fixtures/github/repo-page';
import { paragraph } from '../fixtures/github/markdown';
import { readAll, readRow } from './support/extension-db';
import { collectPageErrors, expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import { recordedRequests, recordRequests } from './support/worker-probes';

const HOSTILE_ID = '2511.08888';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Braces {unbalanced & 100% sure';

function importFile(todayId: string): string {
  return JSON.stringify({
    format: 'daily-papers-lens/saved-papers',
    version: 1,
    papers: [
      { id: todayId, title: 'An old copy of the title', authors: ['Jiatao Gu'], savedAt: '2025-06-10T08:00:00Z' },
      { id: HOSTILE_ID, title: HOSTILE_TITLE, authors: ['Ada Lovelace', 'Smith, Jr.'], savedAt: '2025-06-11T08:00:00Z', readAt: '2025-06-11T09:00:00Z', githubRepo: 'javascript:alert(1)' },
      { id: 'not-an-id', title: 'Bad', savedAt: '2025-06-10T08:00:00Z' },
    ],
  });
}

/** Reads a table of the extension's database from the worker (observation only). */
async function table(background: Worker, name: string): Promise<{ id: string }[]> {
  return (await readAll<{ id: string }>(background, name)) ?? [];
}

test('saved papers are imported, exported as BibTeX and JSON, and survive clearing the cache', async ({ server, context, extensionId, background, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const todayFirst = todaysPapers(server.data)[0]!;

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  // Nothing saved yet: a clear answer, no file.
  await page.getByRole('button', { name: 'Export BibTeX' }).click();
  await expect(page.getByTestId('data-status')).toHaveText('No saved papers to export yet. Save papers from the popup first.');

  // A file that is not an export: refused, nothing written.
  await page.getByLabel('Import saved papers (a JSON export)').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByTestId('data-status')).toHaveText('This is not a Daily Papers Lens export (saved papers, version 1). Nothing was imported.');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await table(background, 'userState')).toEqual([]);

  // An export from another browser: good entries in, the bad one counted.
  await page.getByLabel('Import saved papers (a JSON export)').setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(importFile(todayFirst.id)) });
  await expect(page.getByTestId('data-status')).toHaveText('Imported 2 saved papers; 1 entry skipped (not valid).');

  // BibTeX: a real file a BibTeX parser reads; the synced paper keeps HF's title, the hostile one is escaped.
  const [bib] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export BibTeX' }).click()]);
  expect(bib.suggestedFilename()).toMatch(/^daily-papers-lens-saved-\d{4}-\d{2}-\d{2}\.bib$/);
  const text = readFileSync((await bib.path())!, 'utf8');
  const file = bibtex.parseBibFile(text);
  const keys = Object.keys(file.entries$);
  expect(keys).toHaveLength(2);
  const eprints = keys.map((key) => String(bibtex.normalizeFieldValue(file.getEntry(key)!.getField('eprint'))));
  expect(eprints).toEqual([HOSTILE_ID, todayFirst.id]);
  expect(String(bibtex.normalizeFieldValue(file.getEntry(keys[1]!)!.getField('title')))).toBe(todayFirst.title);
  expect(text).toContain('\\textbraceleft{}unbalanced \\& 100\\% sure');
  await expect(page.getByTestId('data-status')).toHaveText('Exported 2 saved papers as BibTeX.');

  // JSON: what Import reads back.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { format: string; papers: { id: string; savedAt: string; readAt?: string; githubRepo?: string }[] };
  expect(exported.format).toBe('daily-papers-lens/saved-papers');
  expect(exported.papers.map((p) => [p.id, p.savedAt, p.readAt])).toEqual([
    [HOSTILE_ID, '2025-06-11T08:00:00.000Z', '2025-06-11T09:00:00.000Z'],
    [todayFirst.id, '2025-06-10T08:00:00.000Z', undefined],
  ]);
  expect(exported.papers[0]!.githubRepo).toBeUndefined();

  // Clear the cache: the synced lists go (and come back with the next sync), saved papers stay.
  await page.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(page.getByTestId('data-status')).toHaveText(/^Cleared \d+ cached papers; kept 2 saved papers\. Fetching the Daily Papers again…$/);
  expect((await table(background, 'papers')).map((p) => p.id)).toContain(HOSTILE_ID);
  expect((await table(background, 'userState')).map((s) => s.id).sort()).toEqual([todayFirst.id, HOSTILE_ID].sort());
  await popup.reload();
  await expect(popup.getByTestId('list-day')).toHaveText(server.data.today);

  // Asked to, it deletes the saved papers too, after a confirmation.
  await page.getByLabel('Also delete my saved papers and read marks').check();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(page.getByTestId('data-status')).toHaveText(/^Deleted \d+ papers and your marks\./);
  expect(await table(background, 'userState')).toEqual([]);
  // The refill that follows must not bring the deleted marks back from their copy (lib/background/user-state-backup.ts).
  await popup.reload();
  await waitForSync(popup);
  expect(await table(background, 'userState')).toEqual([]);
  expect((await table(background, 'papers')).map((p) => p.id)).not.toContain(HOSTILE_ID);
  await page.getByRole('button', { name: 'Export BibTeX' }).click();
  await expect(page.getByTestId('data-status')).toHaveText('No saved papers to export yet. Save papers from the popup first.');
  expect(errors).toEqual([]);
});

test('an imported file restores marks only: a stored paper keeps HF’s data, and no repository or link from the file reaches a paper or GitHub', async ({ server, context, extensionId, background, openPopup }) => {
  await waitForSync(background);
  // HF's paper without a repository (the fixture gives one to every other paper), and one HF never listed.
  const known = todaysPapers(server.data).find((paper) => !paper.githubRepo)!;
  const notStored = '2511.08887';
  const lure = { githubRepo: 'https://github.com/attacker/lure', projectPage: 'https://attacker.example/', aiSummary: 'Forged summary.' };
  const text = JSON.stringify({
    format: 'daily-papers-lens/saved-papers',
    version: 1,
    papers: [
      { id: known.id, title: 'A forged title', authors: ['Mallory'], upvotes: 9_999, savedAt: '2025-06-10T08:00:00Z', ...lure },
      { id: notStored, title: 'A paper only the file knows', authors: ['Mallory'], upvotes: 5, savedAt: '2025-06-11T08:00:00Z', dailyDate: server.data.today, ...lure },
    ],
  });

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Import saved papers (a JSON export)').setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('data-status')).toHaveText('Imported 2 saved papers.');

  // The marks are there; the stored paper is HF's as it was; the other has a row to be listed by, nothing more.
  expect((await table(background, 'userState')).map((s) => s.id).sort()).toEqual([known.id, notStored].sort());
  const stored = await readRow<Record<string, unknown>>(background, 'papers', known.id);
  expect(stored).toMatchObject({ title: known.title, upvotes: known.upvotes, aiSummary: known.raw.ai_summary });
  const row = await readRow<Record<string, unknown>>(background, 'papers', notStored);
  expect(row).toMatchObject({ title: 'A paper only the file knows' });
  for (const planted of ['githubRepo', 'githubRepoKey', 'projectPage']) expect(stored, planted).not.toHaveProperty(planted);
  for (const planted of ['githubRepo', 'githubRepoKey', 'projectPage', 'aiSummary', 'dailyDate']) expect(row, planted).not.toHaveProperty(planted);

  // The repository the file named shows no "Paper on Daily Papers" on GitHub.
  await recordRequests(background);
  server.pages.set('github.com/attacker/lure', repoHomePage({ repository: { owner: 'attacker', name: 'lure' }, description: 'Totally the official code', readme: paragraph('Nothing to see.') }));
  const github = await context.newPage();
  await github.goto('https://github.com/attacker/lure');
  await expect.poll(async () => (await recordedRequests(background)).filter((r) => r.repo === 'attacker/lure').length).toBe(1);
  await github.waitForTimeout(300); // the answer, already sent, has had time to arrive
  await expect(github.locator('dpl-repo-papers')).toHaveCount(0);

  // The popup's Saved list shows both, the stored one under HF's title, neither in today's list.
  const popup = await openPopup();
  await expect(popup.locator(`.paper[data-paper-id="${notStored}"]`)).toHaveCount(0);
  await popup.getByRole('tab', { name: 'Saved' }).click();
  await expect(popup.locator('.paper .title')).toHaveText(['A paper only the file knows', known.title]);
  expect(errors).toEqual([]);
});
