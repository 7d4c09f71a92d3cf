/**
 * Hostile API content: every text and URL field of today's papers carries an XSS payload. Wherever the
 * extension shows them — popup, arXiv and GitHub pages, notifications — they stay text: no element,
 * handler or link is made from them, and only https: links leave the extension's hands.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { buildDailyPapers } from '../fixtures/hf-data';
import { makeHostile } from '../fixtures/hostile/hostile-papers';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../fixtures/hostile/payloads';
import { repoHomePage } from '../fixtures/github/repo-page';
import { link, paperUrl, paragraph } from '../fixtures/github/markdown';
import { auditDom } from './support/dom-audit';
import { collectDialogs, collectPageErrors, expect, test as base } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { FixtureServer } from './support/fixture-server';
import { waitForSync } from './support/sync';
import { recordNotifications } from './support/worker-probes';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

const test = base.extend({
  server: async ({}, use) => {
    const data = buildDailyPapers(Date.now());
    data.days.set(data.today, makeHostile(data.days.get(data.today)!));
    data.trending = data.days.get(data.today)!.slice(0, 10);
    const server = new FixtureServer(data);
    await server.start();
    await use(server);
    await server.stop();
  },
});

async function expectClean(page: Page, uiSelector: string): Promise<void> {
  const audit = await auditDom(page, uiSelector);
  expect(audit.pwned, 'a payload ran').toBe(false);
  expect(audit.handlers).toEqual([]);
  expect(audit.injected).toEqual([]);
  expect(audit.badLinks).toEqual([]);
  expect(audit.invisible, 'bidi or control characters shown').toEqual([]);
}

/** What the edge keeps of a payload: the text without its invisible characters (lib/shared/plain-text.ts). */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

test('hostile titles, summaries, names and URLs stay text in the popup, on arXiv and GitHub pages, and in notifications', async ({ server, context, background, openPopup, extensionId }) => {
  const shown = await recordNotifications(background);
  const todays = todaysPapers(server.data);

  // Popup: the hostile titles are there, as text.
  const popup = await openPopup();
  const popupErrors = collectPageErrors(popup);
  await expect(popup.getByText(HOSTILE_TEXT[0]!, { exact: false }).first()).toBeVisible();
  await waitForSync(popup);
  await expectClean(popup, 'body');
  // Each AI summary's **payload** is a <strong> holding the payload as text.
  const strongRuns = popup.locator('.ai-summary > strong');
  await expect(strongRuns.first()).toBeVisible();
  expect(await strongRuns.count()).toBe(await popup.locator('.ai-summary').count());
  await expect(popup.locator('.ai-summary > strong', { hasText: HOSTILE_TEXT[0]! }).first()).toBeVisible();
  // So is the abstract's, once expanded.
  await popup.getByRole('button', { name: 'Abstract' }).first().click();
  await expect(popup.locator('.abstract > strong')).toHaveCount(1);
  await expectClean(popup, 'body');
  for (const href of await popup.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href, href).toMatch(/^(https:\/\/|chrome-extension:\/\/)/);
  }
  expect(popupErrors).toEqual([]);

  // arXiv abstract page of a hostile paper.
  const target = todays[0]!;
  server.pages.set(`arxiv.org/abs/${target.id}`, absPage({ id: target.id, title: 'A paper', abstract: 'Abstract.', authors: ['A. Author'] }));
  const abs = await context.newPage();
  const absErrors = collectPageErrors(abs);
  await abs.goto(`https://arxiv.org/abs/${target.id}`);
  await expect(abs.getByTestId('dpl-badge').first()).toBeVisible();
  await abs.waitForTimeout(300);
  await expectClean(abs, 'dpl-paper-card, [data-dpl], dpl-paper-badge, dpl-card');
  await expect(abs.getByTestId('dpl-ai-summary').locator('strong')).toHaveText([HOSTILE_TEXT[0]!]);
  expect(absErrors).toEqual([]);

  // GitHub: the repository of a hostile paper, and a README citing every hostile paper.
  const repoPaper = todays.find((paper, i) => i % 2 === 0 && paper.githubRepo)!;
  const [owner, name] = new URL(repoPaper.githubRepo!).pathname.slice(1).split('/') as [string, string];
  const readme = paragraph(todays.map((paper) => link(paperUrl(paper.id, 'abs'), 'paper')).join(' '));
  server.pages.set(`github.com/${owner}/${name}`, repoHomePage({ repository: { owner, name }, description: 'Code', readme }));
  const gh = await context.newPage();
  const ghErrors = collectPageErrors(gh);
  await gh.goto(`https://github.com/${owner}/${name}`);
  await expect(gh.getByTestId('dpl-repo-papers')).toHaveCount(1);
  await expect(gh.locator('dpl-paper-badge')).toHaveCount(todays.length);
  await expectClean(gh, 'dpl-repo-papers, dpl-paper-badge');
  await expect(gh.getByTestId('dpl-repo-papers')).toContainText(HOSTILE_TEXT[0]!);
  expect(ghErrors).toEqual([]);

  // Notifications: the digest names hostile titles as plain text, with the extension's own icon.
  await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  for (const notification of await shown()) {
    expect(notification.iconUrl).toBe(`chrome-extension://${extensionId}/icon/128.png`);
    expect(`${notification.title} ${notification.message}`).toMatch(/<img|<script|<svg|onerror|javascript:|\{\{/);
  }
});

test('hostile text typed into watch lists, in an imported file and in stored settings stays text on the options page', async ({ context, background, extensionId }) => {
  // Settings as another device might have synced them: payloads in every list.
  await background.evaluate(async (payloads) => {
    await chrome.storage.sync.set({ settings: { watch: { keywords: payloads, authors: payloads, organizations: payloads } } });
  }, HOSTILE_TEXT);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const dialogs = collectDialogs(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByLabel('Keywords')).toHaveValue(new RegExp(HOSTILE_TEXT[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expectClean(page, 'body');

  // Typed by the person and saved: still text after a reload.
  await page.getByLabel('Authors').fill(HOSTILE_TEXT.slice(0, 6).join('\n'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.reload();
  await expect(page.getByLabel('Authors')).toHaveValue(HOSTILE_TEXT.slice(0, 6).join('\n'));
  await expectClean(page, 'body');

  // An imported file with payloads in every text field and hostile URLs: imported as text, links dropped.
  const papers = HOSTILE_TEXT.map((text, i) => ({
    id: `2511.${String(30_000 + i)}`,
    title: text,
    authors: [text, 'Ada Lovelace'],
    summary: text,
    savedAt: '2025-06-10T08:00:00Z',
    githubRepo: HOSTILE_URLS[i % HOSTILE_URLS.length],
    projectPage: HOSTILE_URLS[(i + 3) % HOSTILE_URLS.length],
    organization: { name: text, fullname: text },
  }));
  const file = JSON.stringify({ format: 'daily-papers-lens/saved-papers', version: 1, papers });
  await page.getByLabel('Import saved papers (a JSON export)').setInputFiles({ name: '<img src=x onerror=alert(1)>.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('data-status')).toHaveText(`Imported ${papers.length} saved papers.`);
  await expectClean(page, 'body');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exportedText = readFileSync((await json.path())!, 'utf8');
  const exported = JSON.parse(exportedText) as { papers: { title: string; githubRepo?: string; projectPage?: string }[] };
  // Imported as text, less the invisible characters: nothing stored carries them, so no export does.
  expect(exported.papers.map((p) => p.title).sort()).toEqual(HOSTILE_TEXT.map((text) => text.replace(INVISIBLE_ALL, '').trim()).sort());
  const exportedStrings: string[] = [];
  JSON.stringify(exported, (_key, value: unknown) => (typeof value === 'string' && exportedStrings.push(value), value));
  expect(exportedStrings.filter((text) => INVISIBLE.test(text))).toEqual([]);
  const [bib] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export BibTeX' }).click()]);
  const bibtex = readFileSync((await bib.path())!, 'utf8');
  expect(bibtex).toContain('cuts a BibTeX export');
  expect(bibtex).not.toMatch(INVISIBLE);
  for (const paper of exported.papers) {
    if (paper.githubRepo) expect(paper.githubRepo).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    if (paper.projectPage) expect(paper.projectPage).toMatch(/^https:\/\//);
  }
  await expectClean(page, 'body');
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
