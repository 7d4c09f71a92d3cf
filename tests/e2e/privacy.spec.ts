/**
 * What leaves the browser, from the request log. Live lookups on: only the arXiv ids of abstract/HTML
 * pages opened (and a few unknown ids cited on a GitHub page). Off: nothing about the pages visited.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { newListingPage } from '../fixtures/arxiv/listing-page';
import { repoHomePage } from '../fixtures/github/repo-page';
import { link, paperUrl, paragraph } from '../fixtures/github/markdown';
import { listingEntry, patchSettings, unknownEntry } from './support/arxiv';
import { expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import type { FixtureServer } from './support/fixture-server';
import { waitForSync } from './support/sync';

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
