/**
 * Google Scholar, a site turned on later: results known by their arXiv links or, for a publisher-only
 * or citation-only result, by their title (upper case and cut with "…" as Scholar shows it), matched in
 * the background against its title index: whether to show badges, then the page's ids and its titles,
 * each once, to the background, nothing sent anywhere else; off again and the badges go.
 */
import { scholarResultsPage, type ScholarResult } from '../fixtures/scholar/results-page';
import { collectPageErrors, expect, originsOf, registeredScripts, siteBadges, switchSite, test } from './support/sites';
import { idsAsked, recordedRequests, recordRequests } from './support/worker-probes';
import { waitForSync } from './support/sync';
import { movedOn, watchLayoutShifts } from './support/layout-shifts';

test.use({ grantedOrigins: originsOf('scholar'), dailyPapers: { days: 3, perDay: 5 } });

test('Google Scholar: results badged by arXiv link and by title, from the local copy; off and they go', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  // Three days of five papers: every fixture title is different (the title index refuses shared titles).
  const today = server.data.days.get(server.data.today)!.map((item) => item.paper as { id: string; title: string; upvotes: number });
  const [a, b, c, d] = today;
  const base = { authors: [{ name: 'A Author' }], year: 2025 };
  const cut = `${c!.title.toUpperCase().slice(0, 50)} …`;
  const results: ScholarResult[] = [
    { ...base, cid: 'FxArxivTitle', title: a!.title, titleHref: `https://arxiv.org/abs/${a!.id}`, sideLink: { href: `https://arxiv.org/pdf/${a!.id}`, type: 'PDF', host: 'arxiv.org' } },
    { ...base, cid: 'FxSideLink00', title: b!.title, titleHref: 'https://proceedings.example.org/paper/1', sideLink: { href: `https://arxiv.org/pdf/${b!.id}v2`, type: 'PDF', host: 'arxiv.org' } },
    { ...base, cid: 'FxCutTitle00', title: cut, titleHref: 'https://openreview.net/forum?id=FxCut' },
    { ...base, cid: 'FxCitation00', title: d!.title },
    { ...base, cid: 'FxNotStored0', title: 'A Paper Nobody Stored On Hugging Face At All', titleHref: 'https://publisher.example.org/x' },
  ];
  server.pages.set('scholar.google.com/scholar', scholarResultsPage({ query: 'flows', results }));

  await switchSite(context, extensionId, 'Google Scholar', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['scholar']);
  await recordRequests(background);
  const hfBefore = server.log.filter((r) => r.host === 'huggingface.co').length;

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  await page.goto('https://scholar.google.com/scholar?hl=en&q=flows');
  await expect.poll(() => siteBadges(page).then((all) => all.map((x) => x.href))).toEqual([a, b, c, d].map((p) => `https://huggingface.co/papers/${p!.id}`));
  // Each badge follows its result's title (inside h3.gs_rt), one per result.
  expect(await page.evaluate(() => [...document.querySelectorAll('dpl-paper-badge')].every((host) => host.parentElement?.matches('h3.gs_rt')))).toBe(true);
  expect((await siteBadges(page))[0]!.text).toContain(`▲ ${a!.upvotes}`);
  // The badges come after the results are shown (the titles' after a round trip), at the end of their title lines: nothing moves.
  await page.waitForTimeout(300);
  expect(await movedOn(page)).toEqual([]);

  // Whether to show badges, answered with the newest papers' badges (the results' arXiv ids are among
  // them: no id is asked about), then the titles of the results without an arXiv link, in one message.
  const requests = await recordedRequests(background);
  expect(idsAsked(requests, 'scholar')).toEqual([]);
  expect(requests.filter((r) => r.type !== 'linkBadges')).toEqual([
    { type: 'matchTitles', site: 'scholar', titles: [cut, d!.title, 'A Paper Nobody Stored On Hugging Face At All'] },
  ]);
  expect(server.log.filter((r) => r.host === 'huggingface.co').length).toBe(hfBefore);

  await switchSite(context, extensionId, 'Google Scholar', false);
  await expect.poll(() => siteBadges(page)).toEqual([]);
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  expect(errors).toEqual([]);
});
