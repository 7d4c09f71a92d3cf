/**
 * GitHub changes pages without reloading. Driven the way GitHub's own code does it (the fixture pages'
 * stand-in for Turbo and GitHub's React router): Turbo visits that swap the body and snapshot the page
 * for "back", back and forward restoring those snapshots, React navigations that re-render in place,
 * and React re-rendering parts with no event at all. After each: the new page's badges, exactly once,
 * and nothing left of the old page.
 */
import { issuePage } from '../fixtures/github/conversation-pages';
import { arxivShield, link, linkList, paperUrl, paragraph } from '../fixtures/github/markdown';
import { repoHomePage } from '../fixtures/github/repo-page';
import { repoPage2026 } from '../fixtures/github/repo-page-2026';
import {
  badgeState,
  collectPageErrors,
  expect,
  expectedInline,
  markdownLinks,
  nav,
  PAPER_REPO,
  test,
} from './support/github';
import type { FixturePaper } from './support/fixture-papers';
import { recordRequests, recordedRequests } from './support/worker-probes';
import type { Page, Worker } from '@playwright/test';
import type { FixtureServer } from './support/fixture-server';
import type { FixtureWindow } from '../fixtures/github/soft-navigation';
import { setOption } from './support/options-page';

const PAPER_REPO_URL = `https://github.com/${PAPER_REPO}`;

/** Waits until the page carries exactly the badges its own links and repository call for. */
async function expectBadgesOf(page: Page, papers: Map<string, FixturePaper>, repo: { place: string; ids: string[] }[]) {
  await expect
    .poll(async () => {
      const state = await badgeState(page);
      return { inline: state.inline, broken: state.broken, repo: state.repo.map(({ place, ids }) => ({ place, ids })) };
    })
    .toEqual({ inline: expectedInline(await markdownLinks(page), papers), broken: 0, repo });
}

/**
 * PAPER_REPO's home page, whose fetch stops inside its About box for 1.5 s (a slow connection), and
 * lens-fixtures/plain-repo's, with `readme`, both drawn by `render`: what the papers' questions
 * (`papersForRepo`, recorded from now on) asked, in order.
 */
async function slowRepoAndAnother(server: FixtureServer, background: Worker, render: (options: { repository: { owner: string; name: string }; description: string; readme: string }) => string, readme: string) {
  const html = render({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme: paragraph('No links.') });
  server.pages.set(`github.com/${PAPER_REPO}`, html);
  server.pausedPages.set(`github.com/${PAPER_REPO}`, { at: html.lastIndexOf('Code for a paper') + 'Code for a paper'.length, ms: 1_500 });
  server.pages.set('github.com/lens-fixtures/plain-repo', render({ repository: { owner: 'lens-fixtures', name: 'plain-repo' }, description: 'No paper here', readme }));
  await recordRequests(background);
  return async () => (await recordedRequests(background)).filter((r) => r.type === 'papersForRepo').map((r) => r.repo);
}

test('Turbo visits, back and forward: the right badges on every page, no leftovers, no doubles', async ({ todays, server, papers, context }) => {
  const sameRepo = [0, 1, 3].map((i) => papers.get(todays[i]!)!).sort((a, b) => b.upvotes - a.upvotes).map((p) => p.id);
  const repository = { owner: 'lens-fixtures', name: 'repo-2506-06276' };
  server.pages.set(`github.com/${PAPER_REPO}`, repoHomePage({
    repository,
    description: 'Code for a paper',
    readme: [arxivShield(todays[0]!), linkList([2, 4, 6].map((i) => ({ href: paperUrl(todays[i]!, 'abs'), text: todays[i]! })))].join(''),
  }));
  server.pages.set('github.com/lens-fixtures/plain-repo', repoHomePage({
    repository: { owner: 'lens-fixtures', name: 'plain-repo' },
    description: 'No paper here',
    readme: paragraph(`Only ${link(paperUrl(todays[8]!, 'pdf'), 'one paper')} is cited here.`),
  }));
  server.pages.set(`github.com/${PAPER_REPO}/issues/1`, issuePage({
    repository,
    number: 1,
    title: 'Question about the paper',
    body: { author: 'octocat', body: paragraph(link(paperUrl(todays[10]!, 'html'), 'this one')) },
    comments: [],
  }));

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(PAPER_REPO_URL);
  const home = [{ place: 'about', ids: sameRepo }];
  await expectBadgesOf(page, papers, home);
  const homeBadges = (await badgeState(page)).inline.length;
  expect(homeBadges).toBe(4);

  // Turbo visit to another repository: the old page's badges are gone before Turbo snapshots it.
  await nav.visit(page, '/lens-fixtures/plain-repo');
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline).toHaveLength(1);

  // Back: Turbo restores its snapshot (a clone, with empty husks of anything left in it).
  for (let round = 0; round < 2; round++) {
    await nav.back(page);
    expect(page.url()).toBe(PAPER_REPO_URL);
    await expectBadgesOf(page, papers, home);
    expect((await badgeState(page)).inline).toHaveLength(homeBadges);
    await nav.forward(page);
    expect(page.url()).toBe('https://github.com/lens-fixtures/plain-repo');
    await expectBadgesOf(page, papers, []);
  }

  // Within the same repository: from the home page to an issue, the papers move to the header.
  await nav.back(page);
  await expectBadgesOf(page, papers, home);
  await nav.visit(page, `/${PAPER_REPO}/issues/1`);
  await expectBadgesOf(page, papers, [{ place: 'repo-title-component', ids: sameRepo }]);
  expect((await badgeState(page)).inline).toHaveLength(1);
  await nav.back(page);
  await expectBadgesOf(page, papers, home);
  expect(await page.evaluate(() => document.querySelectorAll('dpl-paper-badge, dpl-repo-papers').length)).toBe(homeBadges + 1);

  // The Issues tab replaces only the repository's turbo-frame: the About box goes, the header stays.
  await nav.frameVisit(page, `/${PAPER_REPO}/issues/1`);
  expect(page.url()).toBe(`${PAPER_REPO_URL}/issues/1`);
  await expectBadgesOf(page, papers, [{ place: 'repo-title-component', ids: sameRepo }]);
  expect((await badgeState(page)).inline).toHaveLength(1);
  await nav.back(page);
  await expectBadgesOf(page, papers, home);
  expect(errors).toEqual([]);
});

test('a Turbo visit to another repository asks for its papers as it starts, while GitHub fetches the page: the card waits for no round trip after the render', async ({ todays, server, papers, context, background, extensionId }) => {
  const sameRepo = [0, 1, 3].map((i) => papers.get(todays[i]!)!).sort((a, b) => b.upvotes - a.upvotes).map((p) => p.id);
  const repoAsks = await slowRepoAndAnother(server, background, repoHomePage, paragraph('No links.'));

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/lens-fixtures/plain-repo');
  await expect.poll(repoAsks).toEqual(['lens-fixtures/plain-repo']);
  const renders = () => page.evaluate(() => (window as unknown as FixtureWindow).fixtureNav.renders());
  const rendersBefore = await renders();

  const visiting = nav.visit(page, `/${PAPER_REPO}`);
  // Asked while the page is still being fetched (held 1.5 s): the build before asked once it was rendered.
  // Polled often, up to 1.3 s: the default intervals' last look within that is at 0.85 s, which a busy
  // machine's message and record have missed (one full run in many).
  await expect.poll(repoAsks, { timeout: 1_300, intervals: [50] }).toEqual(['lens-fixtures/plain-repo', PAPER_REPO]);
  expect(await renders()).toBe(rendersBefore);
  await visiting;
  await expectBadgesOf(page, papers, [{ place: 'about', ids: sameRepo }]);
  // The new page view took that answer: one question for the visit.
  expect(await repoAsks()).toEqual(['lens-fixtures/plain-repo', PAPER_REPO]);

  // With GitHub turned off, a visit asks nothing ahead (nor after: the overlay is stopped).
  await setOption(context, extensionId, 'Show Daily Papers on GitHub', false);
  await nav.visit(page, '/lens-fixtures/plain-repo');
  await page.waitForTimeout(300);
  expect(await repoAsks()).toEqual(['lens-fixtures/plain-repo', PAPER_REPO]);
  expect(errors).toEqual([]);
});

test('a click on a link to another repository asks for its papers before GitHub’s React router fetches the page', async ({ server, context, background }) => {
  // The README links to that repository; the link is one GitHub's React router takes (the fixture's stand-in).
  const readme = paragraph(`Built on <a data-fixture-react-link href="/${PAPER_REPO}">the paper's code</a>.`);
  const repoAsks = await slowRepoAndAnother(server, background, repoPage2026, readme);

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/lens-fixtures/plain-repo');
  await expect.poll(repoAsks).toEqual(['lens-fixtures/plain-repo']);
  await page.getByRole('link', { name: "the paper's code" }).click();
  // Asked at the click, while the page is fetched: the build before asked once React had rendered it.
  await expect.poll(repoAsks, { timeout: 1_000 }).toEqual(['lens-fixtures/plain-repo', PAPER_REPO]);
  expect(page.url()).toBe('https://github.com/lens-fixtures/plain-repo');
  await expect.poll(() => page.url(), { timeout: 5_000 }).toBe(PAPER_REPO_URL);
  // One question for the navigation. (The fixture's React navigation leaves the last page's <head>, whose
  // repository the page view trusts over the URL only when they agree: no card here, with or without
  // the early question. A Turbo visit's card takes the answer asked ahead: the test above.)
  await page.waitForTimeout(300);
  expect(await repoAsks()).toEqual(['lens-fixtures/plain-repo', PAPER_REPO]);
  expect(errors).toEqual([]);
});

test('React navigations and re-renders: the new content is annotated once, the old content leaves nothing', async ({ todays, server, papers, context, background }) => {
  const repository = { owner: 'octo-org', name: 'tracker' };
  const issue = (number: number, ids: string[]) =>
    issuePage({
      repository,
      number,
      title: `Issue ${number}`,
      body: { author: 'octocat', body: paragraph(ids.map((id) => link(paperUrl(id, 'abs'), id)).join(' and ')) },
      comments: [{ author: 'hubot', body: paragraph(link(paperUrl(ids[0]!, 'pdf-version'), 'again')) }],
    });
  server.pages.set('github.com/octo-org/tracker/issues/1', issue(1, [todays[0]!, todays[2]!]));
  server.pages.set('github.com/octo-org/tracker/issues/2', issue(2, [todays[4]!, todays[5]!, todays[6]!]));

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/octo-org/tracker/issues/1');
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline.map((b) => b.hf)).toEqual([todays[0], todays[2], todays[0]].map((id) => `https://huggingface.co/papers/${id}`));
  await recordRequests(background);

  // GitHub's React router renders issue 2 in place.
  await nav.reactNavigate(page, '/octo-org/tracker/issues/2');
  expect(page.url()).toBe('https://github.com/octo-org/tracker/issues/2');
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline.map((b) => b.hf)).toEqual([todays[4], todays[5], todays[6], todays[4]].map((id) => `https://huggingface.co/papers/${id}`));

  // React re-renders the timeline and the body from fresh data, without any event.
  expect(await nav.rerender(page, '[data-testid="issue-timeline-container"]')).toBe(1);
  expect(await nav.rerender(page, '[data-testid="issue-body"]')).toBe(1);
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline).toHaveLength(4);

  // A React navigation back to issue 1, and a Turbo visit right after it.
  await nav.reactNavigate(page, '/octo-org/tracker/issues/1');
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline).toHaveLength(3);
  await nav.visit(page, '/octo-org/tracker/issues/2');
  await expectBadgesOf(page, papers, []);
  expect((await badgeState(page)).inline).toHaveLength(4);

  // Every paper cited is stored: the badge index answered each page view, asked about its ids once
  // (a re-render asks nothing), and no page view sent a lookup.
  const requests = await recordedRequests(background);
  expect(requests.filter((r) => r.type === 'lookupPapers' || r.type === 'badgeIndex')).toEqual([]);
  const issueIds = (ids: string[]) => ({ type: 'linkBadges', site: 'github', ids });
  expect(requests.filter((r) => r.type === 'linkBadges')).toEqual([
    issueIds([todays[4]!, todays[5]!, todays[6]!]),
    issueIds([todays[0]!, todays[2]!]),
    issueIds([todays[4]!, todays[5]!, todays[6]!]),
  ]);
  expect(errors).toEqual([]);
});
