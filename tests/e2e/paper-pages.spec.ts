/**
 * OpenReview and Semantic Scholar, sites turned on later whose pages are about one paper (or list a
 * few): known by the arXiv id the page states or by title, matched in the page against the title
 * index; one message, nothing sent; off and the badge goes.
 */
import type { DailyPapersFixture } from '../fixtures/hf-data';
import { openReviewForum } from '../fixtures/openreview/forum-page';
import { s2PaperUrl, semanticScholarPaper, semanticScholarSearch, type S2Paper } from '../fixtures/semanticscholar/pages';
import { collectPageErrors, expect, originsOf, registeredScripts, siteBadges, switchSite, test } from './support/sites';
import { idsAsked, recordedRequests, recordRequests } from './support/worker-probes';
import { waitForSync } from './support/sync';
import { movedOn, watchLayoutShifts } from './support/layout-shifts';

// Three days of five papers: every fixture title is different (the title index refuses shared titles).
test.use({ grantedOrigins: originsOf('openreview', 'semanticscholar'), dailyPapers: { days: 3, perDay: 5 } });

const todays = (data: DailyPapersFixture) => data.days.get(data.today)!.map((item) => item.paper as { id: string; title: string; upvotes: number });

test('OpenReview: the forum paper badged by its title, nothing sent; off and it goes', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const [a] = todays(server.data);
  server.pages.set('openreview.net/forum', openReviewForum({ id: 'FxForum001', title: a!.title }));
  await switchSite(context, extensionId, 'OpenReview', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['openreview']);
  await recordRequests(background);
  const hfBefore = server.log.filter((r) => r.host === 'huggingface.co').length;

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  await page.goto('https://openreview.net/forum?id=FxForum001');
  await expect.poll(() => siteBadges(page).then((all) => all.map((x) => x.href))).toEqual([`https://huggingface.co/papers/${a!.id}`]);
  expect(await page.evaluate(() => document.querySelector('dpl-paper-badge')?.parentElement?.matches('h2.citation_title'))).toBe(true);
  // The badge comes after the title is shown (matched in the background, a round trip), at the end of its line: nothing moves.
  await page.waitForTimeout(300);
  expect(await movedOn(page)).toEqual([]);
  // Whether to show badges (asked, or read from the newest badges' copy: then the same question, without
  // `newest`, readies the worker's title index), then the title the page shows, matched in the
  // background, which answers its paper's badge (a year of badges or titles is never sent to the tab).
  const requests = (await recordedRequests(background)).map(({ newest: _, ...request }) => request);
  expect(requests).toEqual([{ type: 'linkBadges', site: 'openreview', ids: [] }, { type: 'matchTitles', site: 'openreview', titles: [a!.title] }]);
  expect(server.log.filter((r) => r.host === 'huggingface.co').length).toBe(hfBefore);

  await switchSite(context, extensionId, 'OpenReview', false);
  await expect.poll(() => siteBadges(page)).toEqual([]);
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  expect(errors).toEqual([]);
});

test('Semantic Scholar: a paper page by its arXiv id, search results by arXiv link or title, nothing sent; off and they go', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const [a, b, c] = todays(server.data);
  const paper = (p: { id: string; title: string }, arxiv: boolean, sha: string): S2Paper => ({
    sha,
    title: p.title,
    authors: ['Fixture Author'],
    abstract: 'Abstract.',
    ...(arxiv ? { arxivId: p.id } : { publisherUrl: 'https://publisher.example.org/x' }),
    year: 2025,
  });
  const onArxiv = paper(a!, true, 'a'.repeat(40));
  const results = [onArxiv, paper(b!, true, 'b'.repeat(40)), paper(c!, false, 'c'.repeat(40)), paper({ id: '2501.00077', title: 'Nobody Stored This One' }, false, 'd'.repeat(40))];
  const paperUrl = new URL(s2PaperUrl(onArxiv));
  server.pages.set(`${paperUrl.host}${paperUrl.pathname}`, semanticScholarPaper(onArxiv));
  server.pages.set('www.semanticscholar.org/search', semanticScholarSearch({ query: 'flows', results }));
  await switchSite(context, extensionId, 'Semantic Scholar', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['semanticscholar']);
  await recordRequests(background);
  const hfBefore = server.log.filter((r) => r.host === 'huggingface.co').length;
  const hf = (p: { id: string }) => `https://huggingface.co/papers/${p.id}`;

  const search = await context.newPage();
  const errors = collectPageErrors(search);
  await search.goto('https://www.semanticscholar.org/search?q=flows&sort=relevance');
  await expect.poll(() => siteBadges(search).then((all) => all.map((x) => x.href))).toEqual([hf(a!), hf(b!), hf(c!)]);

  const page = await context.newPage();
  await page.goto(paperUrl.href);
  await expect.poll(() => siteBadges(page).then((all) => all.map((x) => x.href))).toEqual([hf(a!)]);

  // Each page's first question, answered with the newest papers' badges: the search's arXiv ids and the
  // paper page's are among them, so none is asked about; the search's titles without an arXiv link, in one message.
  const requests = await recordedRequests(background);
  expect(idsAsked(requests, 'semanticscholar')).toEqual([]);
  expect(requests.filter((r) => r.type !== 'linkBadges')).toEqual([{ type: 'matchTitles', site: 'semanticscholar', titles: [c!.title, 'Nobody Stored This One'] }]);
  expect(server.log.filter((r) => r.host === 'huggingface.co').length).toBe(hfBefore);

  await switchSite(context, extensionId, 'Semantic Scholar', false);
  await expect.poll(() => siteBadges(search)).toEqual([]);
  await expect.poll(() => siteBadges(page)).toEqual([]);
  expect(errors).toEqual([]);
});
