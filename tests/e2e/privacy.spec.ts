/**
 * What leaves the browser, from the request log. Live lookups on: only the arXiv ids of abstract/HTML
 * pages opened (and a few unknown ids cited on a GitHub page). Off: nothing about the pages visited.
 * And what stays in it out of web pages' reach: the person's marks, and that the extension is there at all.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { newListingPage } from '../fixtures/arxiv/listing-page';
import { hnFrontPage } from '../fixtures/hackernews/pages';
import { repoHomePage } from '../fixtures/github/repo-page';
import { link, paperUrl, paragraph } from '../fixtures/github/markdown';
import { listingEntry, patchSettings, unknownEntry } from './support/arxiv';
import { evaluateInContentScript } from './support/content-script-world';
import { readExtensionFile } from './support/extension-db';
import { expect, test } from './support/extension-test';
import { originsOf, registeredScripts, switchSite } from './support/sites';
import { todaysPapers } from './support/fixture-papers';
import type { FixtureServer } from './support/fixture-server';
import { waitForSync } from './support/sync';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

/** Visits an abstract page of an unknown paper, a listing, and a GitHub repository citing unknown papers. */
async function browse(server: FixtureServer, context: import('@playwright/test').BrowserContext): Promise<{ opened: string }> {
  const known = todaysPapers(server.data)[0]!;
  const opened = unknownEntry(1);
  server.pages.set(`arxiv.org/abs/${opened.id}`, absPage({ id: opened.id, title: opened.title, abstract: 'A', authors: ['A. Author'] }));
  const listed = [2, 3, 4, 5, 6].map(unknownEntry);
  server.pages.set('arxiv.org/list/cs.CV/new', newListingPage({
    category: 'cs.CV', categoryName: 'Computer Vision and Pattern Recognition', announced: 'Friday, 6 June 2025',
    newSubmissions: [listingEntry(known), ...listed], crossLists: [], replacements: [],
  }));
  const cited = [7, 8, 9, 10].map(unknownEntry);
  server.pages.set('github.com/someone/some-repo', repoHomePage({
    repository: { owner: 'someone', name: 'some-repo' }, description: 'Code',
    readme: paragraph([known, ...cited].map((p) => link(paperUrl(p.id, 'abs'), 'paper')).join(' ')),
  }));

  for (const url of [`https://arxiv.org/abs/${opened.id}`, 'https://arxiv.org/list/cs.CV/new', 'https://github.com/someone/some-repo']) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1_500);
    await page.close();
  }
  return { opened: opened.id };
}

test('with live lookups on, only the arXiv id of the abstract page opened goes to Hugging Face', async ({ server, context, background }) => {
  await waitForSync(background);
  const before = server.log.length;
  const { opened } = await browse(server, context);
  const sent = server.log.slice(before).filter((r) => r.host === 'huggingface.co');
  expect(sent.map((r) => r.path)).toEqual([`/api/papers/${opened}`]);
  // Nothing went anywhere but the pages the person opened themselves and Hugging Face.
  expect(new Set(server.log.slice(before).map((r) => r.host))).toEqual(new Set(['arxiv.org', 'github.com', 'huggingface.co']));
});

test('with live lookups off, nothing about the pages visited leaves the browser', async ({ server, context, background }) => {
  await waitForSync(background);
  await patchSettings(background, { liveLookups: false });
  const before = server.log.length;
  await browse(server, context);
  const sent = server.log.slice(before).filter((r) => r.host === 'huggingface.co');
  expect(sent).toEqual([]);
});

test('what the person saved and read is out of a content script’s reach: its copy is a file of the extension’s origin, not in storage.local', async ({ server, context, openPopup, background, extensionId }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const [saved, read] = todaysPapers(server.data);
  await popup.locator(`.paper[data-paper-id="${saved!.id}"]`).getByRole('button', { name: 'Save' }).click();
  await popup.locator(`.paper[data-paper-id="${read!.id}"]`).getByRole('button', { name: 'Mark read', exact: true }).click();
  // The copy of the marks is written outside the database (lib/background/user-state-backup.ts; before
  // 0.3 in storage.local): wait for it, wherever it is.
  const copies = async () => {
    const local = await background.evaluate(() => chrome.storage.local.get('userStateBackup'));
    return `${(await readExtensionFile(background, 'user-state-backup.json')) ?? ''} ${JSON.stringify(local)}`;
  };
  await expect.poll(copies, { timeout: 10_000 }).toContain(read!.id);

  // Our own content script in an arXiv page (a subverted one, say) reads all it can: no mark is there.
  server.pages.set(`arxiv.org/abs/${saved!.id}`, absPage({ id: saved!.id, title: saved!.title, abstract: saved!.summary, authors: ['A'] }));
  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${saved!.id}`);
  await expect(page.getByTestId('dpl-card')).toBeVisible();
  const reach = await evaluateInContentScript(page, extensionId, async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
    const local = await chrome.storage.local.get(null);
    let file = 'none';
    try {
      // The file system a content script opens is the web page's origin's, not the extension's.
      file = await (await (await (await navigator.storage.getDirectory()).getFileHandle('user-state-backup.json')).getFile()).text();
    } catch (error) {
      file = (error as Error).name;
    }
    return { keys: Object.keys(local), local: JSON.stringify(local), file };
  });
  expect(reach.keys.length).toBeGreaterThan(0); // the card copy is there: the read itself worked
  expect(reach.keys).not.toContain('userStateBackup');
  // The card copy holds every recent paper's card alike (public HF data); the marks appear nowhere.
  expect(reach.local).not.toMatch(/savedAt|readAt|user-state-backup/);
  expect(reach.file).toBe('NotFoundError');
  // The copy is a file of the extension's origin, which only the extension's own pages and worker open.
  const file = await readExtensionFile(background, 'user-state-backup.json');
  expect(file).toContain(saved!.id);
  expect(file).toContain(read!.id);
});

test.describe('what a page hears', () => {
  test.use({ grantedOrigins: originsOf('hackernews') });

  test('no script of ours posts a message a page’s own scripts can hear (arXiv, GitHub, Hacker News): nothing tells a page, or the third-party scripts on it, that the extension is there', async ({ server, context, background, extensionId }) => {
    await waitForSync(background);
    await switchSite(context, extensionId, 'Hacker News', true);
    await expect.poll(() => registeredScripts(background)).toEqual(['hackernews']);
    const [known] = todaysPapers(server.data);
    server.pages.set(`arxiv.org/abs/${known!.id}`, absPage({ id: known!.id, title: known!.title, abstract: 'A', authors: ['A. Author'] }));
    server.pages.set('arxiv.org/list/cs.CV/new', newListingPage({
      category: 'cs.CV', categoryName: 'Computer Vision and Pattern Recognition', announced: 'Friday, 6 June 2025',
      newSubmissions: [listingEntry(known!), unknownEntry(2)], crossLists: [], replacements: [],
    }));
    server.pages.set('github.com/someone/some-repo', repoHomePage({
      repository: { owner: 'someone', name: 'some-repo' }, description: 'Code',
      readme: paragraph(link(paperUrl(known!.id, 'abs'), 'paper')),
    }));
    server.pages.set('news.ycombinator.com/news', hnFrontPage({ stories: [{ id: 1, title: 'A paper', url: `https://arxiv.org/abs/${known!.id}`, site: 'arxiv.org' }] }));
    // In each page's own world, from its first script on: every message it is posted.
    await context.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      addEventListener('message', (event) => heard.push(event.data), true);
    });
    const visits: [string, string][] = [
      [`https://arxiv.org/abs/${known!.id}`, 'dpl-paper-card'],
      ['https://arxiv.org/list/cs.CV/new', 'dpl-paper-badge'],
      ['https://github.com/someone/some-repo', 'dpl-paper-badge'],
      ['https://news.ycombinator.com/news', 'dpl-paper-badge'],
    ];
    for (const [url, ours] of visits) {
      const page = await context.newPage();
      await page.goto(url);
      // Our script ran there: its element is in.
      await expect(page.locator(ours).first()).toBeAttached();
      await page.waitForTimeout(300);
      const heard = await page.evaluate(() => JSON.stringify((window as unknown as { heard: unknown[] }).heard));
      expect(heard, url).toBe('[]');
      await page.close();
    }
  });
});
