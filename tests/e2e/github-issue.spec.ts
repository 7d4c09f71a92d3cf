/**
 * Conversations that cite papers: an issue in GitHub's React view and a pull request's Rails timeline,
 * with links written every way people write them; comments that load late; a README with 100 links,
 * annotated from one message.
 */
import type { browser } from 'wxt/browser';
import { issuePage, pullPage } from '../fixtures/github/conversation-pages';
import { link, linkList, paperUrl, paragraph, PAPER_LINK_KINDS } from '../fixtures/github/markdown';
import { repoHomePage } from '../fixtures/github/repo-page';
import {
  badgeState,
  collectPageErrors,
  expect,
  expectedInline,
  markdownLinks,
  nav,
  test,
} from './support/github';
import type { FixturePaper } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import { linkBadges, recordRequests, recordedLinkRequests, recordedRequests } from './support/worker-probes';

declare const chrome: typeof browser;

const TRACKER = { owner: 'octo-org', name: 'tracker' };

/** Papers of older days (stored only once the back-fill is done), most recent first. */
function olderPapers(papers: Map<string, FixturePaper>, today: string): FixturePaper[] {
  return [...papers.values()].filter((p) => p.date < today).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

test('an issue citing papers gets one badge after each link HF knows, written any way; late comments too', async ({ server, papers, context, background }) => {
  await waitForSync(background);
  await recordRequests(background);
  const cited = olderPapers(papers, server.data.today);
  const comments = PAPER_LINK_KINDS.map((kind, i) => ({
    author: `reviewer-${i}`,
    body: paragraph(`Compare ${link(paperUrl(cited[i]!.id, kind), `this (${kind})`)} with ${link('https://arxiv.org/abs/2501.00077', 'an unknown one')}.`),
  }));
  server.pages.set(
    'github.com/octo-org/tracker/issues/7',
    issuePage({
      repository: TRACKER,
      number: 7,
      title: 'Cite the flow papers',
      body: {
        author: 'octocat',
        body: [
          paragraph(`See ${link(paperUrl(cited[0]!.id, 'abs'), `arXiv:${cited[0]!.id}`)} and ${link('https://arxiv.org/abs/cond-mat/0102536v1', 'an old one')}.`),
          paragraph(`Plain text arXiv:${cited[1]!.id} is not a link.`),
        ].join(''),
      },
      comments,
      lateComments: [
        { author: 'late-1', body: paragraph(link(paperUrl(cited[20]!.id, 'pdf'), 'late paper')) },
        { author: 'late-2', body: paragraph(link(paperUrl(cited[0]!.id, 'abs-version'), 'same as the first')) },
      ],
    }),
  );

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/octo-org/tracker/issues/7');
  const expected = async () => expectedInline(await markdownLinks(page), papers);
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(await expected());
  expect((await expected()).length).toBe(1 + PAPER_LINK_KINDS.length);
  const state = await badgeState(page);
  expect(state.broken).toBe(0);
  expect(state.repo).toEqual([]);

  // Whether to show badges, asked while the page loaded; then the page's ids, answered from the badge
  // index for the stored papers; the one id it does not hold was asked about in one message, nothing else.
  const pageIds = [...new Set([cited[0]!.id, ...PAPER_LINK_KINDS.map((_, i) => cited[i]!.id), '2501.00077'])];
  expect((await recordedLinkRequests(background)).filter((r) => r.type === 'linkBadges')).toEqual([linkBadges('github'), linkBadges('github', pageIds)]);
  const first = (await recordedRequests(background)).filter((r) => r.type === 'lookupPapers');
  expect(first.map((r) => r.ids)).toEqual([['2501.00077']]);

  // Comments that load late get their badges: their one new id asked about, from the index; no lookup.
  expect(await nav.loadMore(page)).toBe(2);
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(await expected());
  expect((await expected()).length).toBe(3 + PAPER_LINK_KINDS.length);
  expect((await badgeState(page)).inline.map((b) => b.hf)).toContain(`https://huggingface.co/papers/${cited[20]!.id}`);
  expect((await recordedRequests(background)).filter((r) => r.type === 'lookupPapers')).toHaveLength(1);
  expect((await recordedLinkRequests(background)).filter((r) => r.type === 'linkBadges').slice(2)).toEqual([linkBadges('github', [cited[20]!.id])]);

  // React re-renders the issue body from fresh data (no event): its badge comes back once, from what is known.
  expect(await nav.rerender(page, '[data-testid="issue-body"]')).toBe(1);
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(await expected());
  expect((await badgeState(page)).broken).toBe(0);
  expect((await recordedRequests(background)).filter((r) => r.type === 'lookupPapers')).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a pull request’s Rails timeline gets its badges', async ({ server, papers, context, background }) => {
  await waitForSync(background);
  const cited = olderPapers(papers, server.data.today);
  server.pages.set(
    'github.com/octo-org/tracker/pull/8',
    pullPage({
      repository: TRACKER,
      number: 8,
      title: 'Implement the method',
      body: { author: 'octocat', body: paragraph(`Implements ${link(paperUrl(cited[5]!.id, 'pdf-suffix'), 'the method')}.`) },
      comments: [{ author: 'hubot', body: linkList([{ href: paperUrl(cited[6]!.id, 'www'), text: 'related' }, { href: paperUrl(cited[7]!.id, 'alphaxiv'), text: 'discussion' }]) }],
      lateComments: [{ author: 'late', body: paragraph(link(paperUrl(cited[8]!.id, 'html'), 'late')) }],
    }),
  );
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/octo-org/tracker/pull/8');
  const expected = async () => expectedInline(await markdownLinks(page), papers);
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(await expected());
  expect((await expected()).length).toBe(3);
  await nav.loadMore(page);
  await expect.poll(() => badgeState(page).then((s) => s.inline.length)).toBe(4);
  expect((await badgeState(page)).inline).toEqual(await expected());
  expect(errors).toEqual([]);
});

test('a README with 100 arXiv links is annotated from one message', async ({ server, papers, context, background }) => {
  await waitForSync(background);
  await recordRequests(background);
  const hundred = olderPapers(papers, server.data.today).slice(0, 100);
  expect(hundred).toHaveLength(100);
  const readme = linkList(hundred.map((paper, i) => ({ href: paperUrl(paper.id, PAPER_LINK_KINDS[i % PAPER_LINK_KINDS.length]!), text: paper.title })));
  server.pages.set('github.com/octo-org/awesome-flows', repoHomePage({ repository: { owner: 'octo-org', name: 'awesome-flows' }, description: 'A list', readme }));

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const started = Date.now();
  await page.goto('https://github.com/octo-org/awesome-flows');
  await expect.poll(() => badgeState(page).then((s) => s.inline.length), { intervals: [25] }).toBe(100);
  console.log(`100 README links annotated ${Date.now() - started} ms after navigation started (see tests/bench/github.bench.ts for figures)`);
  expect((await badgeState(page)).inline).toEqual(expectedInline(await markdownLinks(page), papers));
  // All 100 were stored: the badge index answered them, asked about in one message after the page's
  // first question (while it loaded), so no lookup was sent, and HF was asked nothing.
  const requests = await recordedLinkRequests(background);
  expect(requests.filter((r) => r.type === 'linkBadges')).toEqual([linkBadges('github'), linkBadges('github', hundred.map((p) => p.id))]);
  expect(requests.filter((r) => r.type === 'lookupPapers')).toEqual([]);
  expect(server.hfCalls().filter((c) => c.startsWith('/api/papers/'))).toEqual([]);
  expect(errors).toEqual([]);
});

test("with the newest papers' badges copied to local storage, an issue's links to them are badged without a question; an older id is still asked about", async ({ server, papers, context, background, extensionId }) => {
  await waitForSync(background);
  const cited = olderPapers(papers, server.data.today).slice(0, 3);
  const issue = (number: number) =>
    issuePage({
      repository: TRACKER,
      number,
      title: 'Newest papers',
      body: { author: 'octocat', body: paragraph(`${cited.map((paper) => link(paperUrl(paper.id, 'abs'), paper.id)).join(', ')} and ${link('https://arxiv.org/abs/2501.00077', 'an older one')}.`) },
      comments: [],
    });
  server.pages.set('github.com/octo-org/tracker/issues/1', issue(1));
  server.pages.set('github.com/octo-org/tracker/issues/2', issue(2));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  // The first page asks (no copy yet: nothing had asked for the index since the sync); the background writes the copy.
  await page.goto('https://github.com/octo-org/tracker/issues/1');
  await expect.poll(() => badgeState(page).then((s) => s.inline.filter((b) => b.hf).length)).toBe(3);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(() => options.evaluate(async () => Boolean((await chrome.storage.local.get('newestBadges')).newestBadges))).toBe(true);

  // The next page: the three badged from the copy; only the older id asked about (and looked up: the badge index lacks it).
  await recordRequests(background);
  await page.goto('https://github.com/octo-org/tracker/issues/2');
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(expectedInline(await markdownLinks(page), papers));
  expect((await badgeState(page)).inline.filter((b) => b.hf).length).toBe(3);
  const requests = await recordedLinkRequests(background);
  expect(requests.filter((r) => r.type === 'linkBadges' && r.ids?.length)).toEqual([linkBadges('github', ['2501.00077'])]);
  expect(requests.filter((r) => r.type === 'lookupPapers').map((r) => r.ids)).toEqual([['2501.00077']]);
  expect(errors).toEqual([]);
});
