/**
 * GitHub repository pages: the papers a repository belongs to (About box on its home page, as GitHub
 * served it up to 2025 and in 2026; header on its other pages), badges after paper links in its README,
 * nothing where nothing belongs, GitHub's light and dark looks, the per-site switch, and no repository
 * name ever leaving the browser.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { dashboardPage, issuePage, profilePage } from '../fixtures/github/conversation-pages';
import { STARFLOW_DETAILS } from '../fixtures/hf-paper-details';
import { arxivShield, bibtex, heading, link, linkList, paperUrl, paragraph } from '../fixtures/github/markdown';
import { repoHomePage, repoTreePage } from '../fixtures/github/repo-page';
import { repoPage2026 } from '../fixtures/github/repo-page-2026';
import {
  badgeState,
  collectPageErrors,
  expect,
  expectedInline,
  HOSTILE_TITLE,
  markdownLinks,
  PAPER_REPO,
  paperIdOfLink,
  test,
} from './support/github';
import type { FixturePaper } from './support/fixture-papers';
import { movedOn, watchLayoutShifts } from './support/layout-shifts';
import { setOption } from './support/options-page';
import { linkBadges, recordRequests, recordedLinkRequests, recordedRequests } from './support/worker-probes';
import type { BrowserContext } from '@playwright/test';

const UNKNOWN_ID = '2501.00042';

/**
 * Opens the repository's home page: its card lists the three papers naming the repository (however HF
 * wrote its URL), most upvoted first.
 */
async function openRepoHome(context: BrowserContext, papers: Map<string, FixturePaper>, todays: string[]) {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://github.com/${PAPER_REPO}`);
  const sameRepo = [0, 1, 3].map((i) => papers.get(todays[i]!)!).sort((a, b) => b.upvotes - a.upvotes);
  const card = page.getByTestId('dpl-repo-papers');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.dpl-repo-title')).toHaveText(sameRepo.map((p) => p.title));
  return { page, errors, card, sameRepo };
}

test('a repository’s home page lists every paper it belongs to, and its README links get badges', async ({ todays, server, papers, context, background }) => {
  await recordRequests(background);

  const readmeLinks = [
    paperUrl(todays[0]!, 'abs'),
    paperUrl(todays[2]!, 'pdf-version'),
    paperUrl(todays[4]!, 'html'),
    paperUrl(UNKNOWN_ID, 'abs'),
    'https://arxiv.org/abs/hep-th/9901001',
    paperUrl(todays[5]!, 'hf'),
  ];
  const readme = [
    heading(1, 'Repo 2506-06276'),
    arxivShield(todays[0]!),
    paragraph(`Official code of ${link(readmeLinks[0]!, 'our paper')}.`),
    linkList(readmeLinks.slice(1).map((href) => ({ href, text: href }))),
    bibtex(todays[0]!),
  ].join('\n');
  server.pages.set(`github.com/${PAPER_REPO}`, repoHomePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme }));

  const { page, errors, card, sameRepo } = await openRepoHome(context, papers, todays);
  await expect(page.locator('.Layout-sidebar .BorderGrid-cell dpl-repo-papers')).toHaveCount(1);
  await expect(card).toHaveAttribute('aria-label', /^Daily Papers Lens: /);
  for (const paper of sameRepo) {
    const item = card.locator(`li[data-paper-id="${paper.id}"]`);
    await expect(item.locator('.dpl-upvotes')).toHaveText(`▲ ${paper.upvotes}`);
    await expect(item.locator('.dpl-comments')).toHaveText(`💬 ${paper.numComments}`);
    await expect(item.locator('.dpl-repo-title')).toHaveAttribute('href', `https://huggingface.co/papers/${paper.id}`);
    await expect(item.locator('.dpl-arxiv')).toHaveAttribute('href', `https://arxiv.org/abs/${paper.id}`);
  }
  // The hostile title is text: no image was made, no script ran.
  await expect(card.locator('.dpl-repo-title', { hasText: HOSTILE_TITLE })).toHaveCount(1);
  await expect(card.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // One badge right after each link to a known paper (shield, abs, pdf, html, HF); none for the
  // unknown id, the old-style id, or ids in the BibTeX block.
  const hrefs = await markdownLinks(page);
  await expect.poll(() => badgeState(page).then((s) => s.inline)).toEqual(expectedInline(hrefs, papers));
  expect((await badgeState(page)).broken).toBe(0);
  expect(expectedInline(hrefs, papers)).toHaveLength(5);

  // Whether to show badges, asked while the page loaded (the worker readied its badge index); the
  // README's ids (never the old-style one), which the badge index answered for the stored papers; one
  // message for the one unknown id, asked live (≤ 3 unknown); one for the repository.
  const requests = await recordedLinkRequests(background);
  expect(requests.map((r) => r.type).sort()).toEqual(['linkBadges', 'linkBadges', 'lookupPapers', 'papersForRepo']);
  expect(requests.filter((r) => r.type === 'linkBadges')).toEqual([linkBadges('github'), linkBadges('github', [todays[0]!, todays[2]!, todays[4]!, UNKNOWN_ID, todays[5]!])]);
  expect(requests.find((r) => r.type === 'papersForRepo')?.repo).toBe(PAPER_REPO);
  expect(requests.find((r) => r.type === 'lookupPapers')).toEqual({ type: 'lookupPapers', ids: [UNKNOWN_ID], live: true });
  expect(readmeLinks.map(paperIdOfLink)).toContain(UNKNOWN_ID);
  await expect.poll(() => server.hfCalls().filter((c) => c.startsWith('/api/papers/'))).toEqual([`/api/papers/${UNKNOWN_ID}`]);

  // Keyboard: Tab from a README link lands on its badge.
  await page.locator('article.markdown-body p a', { hasText: 'our paper' }).focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const host = document.activeElement;
    return { host: host?.tagName.toLowerCase(), href: host?.shadowRoot?.activeElement?.getAttribute('href') };
  });
  expect(focused).toEqual({ host: 'dpl-paper-badge', href: `https://huggingface.co/papers/${todays[0]}` });

  // No GitHub URL or repository name ever reached Hugging Face.
  const toHf = server.log.filter((r) => r.host === 'huggingface.co').map((r) => r.path);
  expect(toHf.every((path) => /^\/api\/(daily_papers\?|papers\/\d{4}\.\d{4,5}$)/.test(path))).toBe(true);
  expect(toHf.join('\n')).not.toMatch(/github|lens-fixtures|repo-/i);
  expect(errors).toEqual([]);
});

test('GitHub’s 2026 home page (React code view, hashed class names, no .BorderGrid): the papers are in the About box, the README links badged', async ({ todays, server, papers, context }) => {
  const readme = [heading(1, 'Repo 2506-06276'), paragraph(`Official code of ${link(paperUrl(todays[2]!, 'abs'), 'our paper')}.`)].join('\n');
  server.pages.set(`github.com/${PAPER_REPO}`, repoPage2026({
    repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' },
    description: 'Code for a paper',
    readme,
    topics: ['normalizing-flows'],
    website: 'https://example.org/repo',
  }));

  const { page, errors, card, sameRepo } = await openRepoHome(context, papers, todays);
  await expect(card).toBeVisible();
  // Inside the sidebar section headed "About" (after its links), in the code view's pane: not in the header.
  const where = await page.locator('dpl-repo-papers').evaluate((host) => {
    const section = host.parentElement!;
    return {
      heading: section.querySelector('h2')?.textContent?.trim(),
      section: [...section.classList].some((name) => name.startsWith('SidebarSection-module__sidebarSection__')),
      grid: [...(section.parentElement?.classList ?? [])].some((name) => name.startsWith('CodeViewSidebar-module__borderGrid__')),
      pane: Boolean(host.closest('react-app[app-name="code-view"] [data-component="SplitPageLayout.Pane"]')),
      header: Boolean(host.closest('#repository-container-header')),
      after: host.previousElementSibling?.textContent?.trim(),
    };
  });
  expect(where).toEqual({ heading: 'About', section: true, grid: true, pane: true, header: false, after: 'Report repository' });
  expect((await badgeState(page)).repo.map((r) => [r.place, r.ids.length])).toEqual([['about', 3]]);
  // The card takes the sidebar's width, under the About box's text.
  const [cardBox, sectionBox] = await Promise.all([card.boundingBox(), page.getByRole('heading', { name: 'About' }).boundingBox()]);
  expect(cardBox!.y).toBeGreaterThan(sectionBox!.y);
  expect(Math.abs(cardBox!.x - sectionBox!.x)).toBeLessThan(2);

  // The README (one article.markdown-body in the code view) gets its badge.
  await expect.poll(() => badgeState(page).then((s) => s.inline.map((b) => b.link))).toEqual([paperUrl(todays[2]!, 'abs')]);
  expect(errors).toEqual([]);
});

test('a repository page asks for its papers as it starts, by its URL, not once it is parsed: the card waits for no round trip after it', async ({ todays, server, context, background, extensionId }) => {
  // After the install-time sync has stored the repository's papers (`todays`): asked before, the answer is
  // rightly none, and no card comes (a first try of this test met that once, 2026-12-07).
  expect(todays.length).toBeGreaterThan(0);
  const html = repoPage2026({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme: paragraph('No links.') });
  server.pages.set(`github.com/${PAPER_REPO}`, html);
  // The page stops coming inside its About box for 1.5 s, as a slow connection or a big page would.
  server.pausedPages.set(`github.com/${PAPER_REPO}`, { at: html.lastIndexOf('Code for a paper</p>') + 'Code for a paper</p>'.length, ms: 1_500 });
  // A repository page that renders no Markdown (its Actions) asks too, once the switch is read.
  server.pages.set(`github.com/${PAPER_REPO}/actions`, repoTreePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, path: 'actions' }));
  await recordRequests(background);
  const repoAsks = async () => (await recordedRequests(background)).filter((r) => r.type === 'papersForRepo').map((r) => r.repo);

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://github.com/${PAPER_REPO}`, { waitUntil: 'commit' });
  await expect.poll(repoAsks, { timeout: 1_000 }).toEqual([PAPER_REPO]);
  // Asked while the page was still coming: the build before asked at DOMContentLoaded.
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  await expect(page.getByTestId('dpl-repo-papers')).toHaveCount(1);
  expect((await badgeState(page)).repo.map((r) => [r.place, r.ids.length])).toEqual([['about', 3]]);
  // The page view took that answer: one question for the page.
  expect(await repoAsks()).toEqual([PAPER_REPO]);

  await page.goto(`https://github.com/${PAPER_REPO}/actions`);
  await expect.poll(() => badgeState(page).then((s) => s.repo.map((r) => [r.place, r.ids.length]))).toEqual([['repo-title-component', 3]]);
  expect(await repoAsks()).toEqual([PAPER_REPO, PAPER_REPO]);

  // With GitHub turned off, that page asks nothing.
  await setOption(context, extensionId, 'Show Daily Papers on GitHub', false);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await badgeState(page)).toEqual({ inline: [], broken: 0, repo: [] });
  expect(await repoAsks()).toEqual([PAPER_REPO, PAPER_REPO]);
  expect(errors).toEqual([]);
});

test('other pages of the repository carry the papers in the header; unrelated pages show nothing', async ({ todays, server, context, background }) => {
  await recordRequests(background);
  // The URL written in another case, deep in the tree.
  server.pages.set('github.com/Lens-Fixtures/Repo-2506-06276/tree/main/src', repoTreePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, path: 'src' }));
  const control = paperUrl(todays[2]!, 'abs');
  server.pages.set('github.com/lens-fixtures/plain-repo', repoHomePage({
    repository: { owner: 'lens-fixtures', name: 'plain-repo' },
    description: 'No paper here',
    readme: paragraph(`Builds on ${link(control, 'this paper')}.`),
  }));
  server.pages.set('github.com/', dashboardPage({ feed: `<a href="${paperUrl(todays[0]!, 'abs')}">a paper in the feed</a> <a href="/lens-fixtures/repo-2506-06276">lens-fixtures/repo-2506-06276</a>` }));
  server.pages.set('github.com/octocat', profilePage({ login: 'octocat', bio: `<a href="${paperUrl(todays[0]!, 'abs')}">my paper</a>` }));

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://github.com/Lens-Fixtures/Repo-2506-06276/tree/main/src');
  await expect.poll(() => badgeState(page).then((s) => s.repo.map((r) => [r.place, r.ids.length]))).toEqual([['repo-title-component', 3]]);
  await expect(page.getByTestId('dpl-repo-papers')).toHaveAttribute('title', /Daily Papers Lens/);

  // A repository no paper names: the README's link gets its badge (the script ran), and no repository badge.
  await page.goto('https://github.com/lens-fixtures/plain-repo');
  await expect.poll(() => badgeState(page).then((s) => s.inline.map((b) => b.link))).toEqual([control]);
  await expect.poll(async () => (await recordedRequests(background)).filter((r) => r.repo === 'lens-fixtures/plain-repo').length).toBe(1);
  await page.waitForTimeout(300); // the repository answer, already sent, has had time to arrive
  expect((await badgeState(page)).repo).toEqual([]);

  // Pages outside repositories: links outside rendered Markdown are not annotated, no repository is asked for.
  for (const url of ['https://github.com/', 'https://github.com/octocat']) {
    await page.goto(url);
    await page.waitForTimeout(300);
    expect(await badgeState(page)).toEqual({ inline: [], broken: 0, repo: [] });
  }
  const repoRequests = (await recordedRequests(background)).filter((r) => r.type === 'papersForRepo').map((r) => r.repo);
  expect(repoRequests).toEqual(['lens-fixtures/repo-2506-06276', 'lens-fixtures/plain-repo']);
  expect(errors).toEqual([]);
});

test('on the other pages the papers’ row fits on the header’s line at any window width: the header keeps its height and nothing moves', async ({ todays, server, context }) => {
  expect(todays.length).toBeGreaterThan(0);
  const repository = { owner: 'lens-fixtures', name: 'repo-2506-06276' };
  server.pages.set(`github.com/${PAPER_REPO}/tree/main/src`, repoTreePage({ repository, path: 'src' }));
  server.pages.set(`github.com/${PAPER_REPO}/issues/3`, issuePage({ repository, number: 3, title: 'A question', body: { author: 'octocat', body: paragraph('Hello.') }, comments: [] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  // The fixture's header is laid out by Primer's rules (tests/fixtures/github/page-shell.ts): its name
  // row wraps what does not fit, as GitHub's does; this repository's row (two papers shown, one folded)
  // needs more than a 1280-px window leaves.
  for (const width of [1440, 1280, 1024, 800, 720, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['tree/main/src', 'issues/3']) {
      await page.goto(`https://github.com/${PAPER_REPO}/${path}`);
      const card = page.getByTestId('dpl-repo-papers');
      await expect(card).toBeVisible();
      await page.waitForTimeout(100); // a frame or two for any shift to be reported
      const [row, name, actions, box] = await Promise.all([
        page.locator('#repository-container-header strong[itemprop="name"]').evaluate((strong) => strong.parentElement!.getBoundingClientRect().toJSON() as DOMRect),
        page.locator('#repository-container-header strong[itemprop="name"]').boundingBox(),
        page.locator('#repository-details-container').boundingBox(),
        card.boundingBox(),
      ]);
      const at = `${width} px, ${path}`;
      // On the name's line, inside the row, clear of the actions; the row one line high.
      expect(box!.y, at).toBeGreaterThanOrEqual(name!.y - 1);
      expect(box!.y + box!.height, at).toBeLessThanOrEqual(name!.y + name!.height + 1);
      expect(row.height, at).toBeLessThanOrEqual(name!.height + 1);
      expect(box!.x + box!.width, at).toBeLessThanOrEqual(actions!.x);
      expect(await movedOn(page), at).toEqual([]);
    }
  }
  // Wide enough, both papers and the fold are shown whole.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`https://github.com/${PAPER_REPO}/issues/3`);
  const row = page.getByTestId('dpl-repo-papers');
  await expect(row.locator(':scope > .dpl-repo-list > li')).toHaveCount(2);
  await expect(row.getByText('+1 more')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the background is asked about papers only by pages that need it: Markdown pages of a repository, or a page with a paper link', async ({ todays, server, context, background, extensionId }) => {
  await recordRequests(background);
  const paper = paperUrl(todays[2]!, 'abs');
  server.pages.set('github.com/', dashboardPage({ feed: `<a href="${paper}">a paper in the feed, not in Markdown</a>` }));
  server.pages.set('github.com/octocat', profilePage({ login: 'octocat', bio: 'No paper here' }));
  // An organisation's profile README: its URL tells nothing, its Markdown has a paper link.
  server.pages.set('github.com/octo-org', profilePage({ login: 'octo-org', bio: `<article class="markdown-body"><p>${link(paper, 'our paper')}</p></article>` }));
  const indexAsks = async () => (await recordedRequests(background)).filter((r) => r.type === 'linkBadges').length;

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  for (const url of ['https://github.com/', 'https://github.com/octocat']) {
    await page.goto(url);
    await page.waitForTimeout(300);
    expect(await badgeState(page)).toEqual({ inline: [], broken: 0, repo: [] });
  }
  expect(await indexAsks()).toBe(0);

  await page.goto('https://github.com/octo-org');
  await expect.poll(() => badgeState(page).then((s) => s.inline.map((b) => b.link))).toEqual([paper]);
  // Whether to show badges, once the paper link was parsed (not asked when the page was parsed before
  // the script started: then the page view asks at once), then its id: the badge came from the index,
  // no lookup was needed.
  const asked = await recordedLinkRequests(background);
  expect(asked.filter((r) => r.ids?.length)).toEqual([linkBadges('github', [todays[2]!])]);
  expect(asked.filter((r) => !r.ids?.length).length).toBeLessThanOrEqual(1);
  expect((await recordedRequests(background)).filter((r) => r.type === 'lookupPapers')).toEqual([]);
  const asksWithGitHubOn = await indexAsks();

  // With the GitHub switch off, the same page asks nothing.
  await setOption(context, extensionId, 'Show Daily Papers on GitHub', false);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await badgeState(page)).toEqual({ inline: [], broken: 0, repo: [] });
  expect(await indexAsks()).toBe(asksWithGitHubOn);
  expect(errors).toEqual([]);
});

test('badges follow GitHub’s light and dark themes', async ({ todays, server, context }) => {
  const readme = paragraph(link(paperUrl(todays[2]!, 'abs'), 'paper'));
  for (const mode of ['light', 'dark', 'auto'] as const) {
    server.pages.set(`github.com/lens-fixtures/theme-${mode}`, repoHomePage({ repository: { owner: 'lens-fixtures', name: `theme-${mode}` }, description: mode, readme, colorMode: mode }));
  }
  const page = await context.newPage();
  const colours = async () => {
    await expect(page.locator('dpl-paper-badge')).toHaveCount(1);
    return page.evaluate(() => {
      const host = document.querySelector('dpl-paper-badge')!;
      const badge = host.shadowRoot!.querySelector('a')!;
      return { theme: host.getAttribute('data-dpl-theme'), color: getComputedStyle(badge).color, page: getComputedStyle(document.body).color };
    });
  };
  await page.goto('https://github.com/lens-fixtures/theme-light');
  expect(await colours()).toEqual({ theme: 'light', color: 'rgb(31, 35, 40)', page: 'rgb(31, 35, 40)' });
  await page.goto('https://github.com/lens-fixtures/theme-dark');
  expect(await colours()).toEqual({ theme: 'dark', color: 'rgb(240, 246, 252)', page: 'rgb(240, 246, 252)' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('https://github.com/lens-fixtures/theme-auto');
  expect(await colours()).toEqual({ theme: 'dark', color: 'rgb(240, 246, 252)', page: 'rgb(240, 246, 252)' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  expect(await colours()).toEqual({ theme: 'light', color: 'rgb(31, 35, 40)', page: 'rgb(31, 35, 40)' });
});

test('the GitHub switch in the options turns the overlay off and on, live', async ({ todays, server, context, extensionId }) => {
  server.pages.set(`github.com/${PAPER_REPO}`, repoHomePage({
    repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' },
    description: 'Code for a paper',
    readme: paragraph(link(paperUrl(todays[2]!, 'abs'), 'paper')),
  }));
  await setOption(context, extensionId, 'Show Daily Papers on GitHub', false);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://github.com/${PAPER_REPO}`);
  await page.waitForTimeout(500);
  expect(await badgeState(page)).toEqual({ inline: [], broken: 0, repo: [] });

  await setOption(context, extensionId, 'Show Daily Papers on GitHub', true);
  await expect(page.locator('dpl-paper-badge')).toHaveCount(1);
  await expect(page.locator('dpl-repo-papers')).toHaveCount(1);

  await setOption(context, extensionId, 'Show Daily Papers on GitHub', false);
  await expect(page.locator('dpl-paper-badge, dpl-repo-papers')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('with live lookups turned off, no arXiv id of a GitHub page is sent to Hugging Face', async ({ todays, server, context, extensionId }) => {
  await setOption(context, extensionId, 'Live lookups', false);
  server.pages.set('github.com/octo-org/notes', repoHomePage({
    repository: { owner: 'octo-org', name: 'notes' },
    description: 'Notes',
    readme: paragraph(`${link(paperUrl(todays[2]!, 'abs'), 'known')} and ${link(paperUrl(UNKNOWN_ID, 'abs'), 'unknown')}`),
  }));
  const page = await context.newPage();
  await page.goto('https://github.com/octo-org/notes');
  // The badge of the known paper comes with the answer, and the background answers only after any live call.
  await expect(page.locator('dpl-paper-badge')).toHaveCount(1);
  expect(server.hfCalls().filter((c) => c.startsWith('/api/papers/'))).toEqual([]);
});

test("the repository card names a paper's models and Spaces from the extension's cache only: the GitHub page asks HF nothing", async ({
  todays,
  server,
  papers,
  context,
}) => {
  const star = papers.get(todays[0]!)!;
  server.extraPapers.set(star.id, STARFLOW_DETAILS as unknown as Record<string, unknown>);
  server.pages.set(`github.com/${PAPER_REPO}`, repoHomePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme: heading(1, 'Repo') }));
  server.pages.set(`arxiv.org/abs/${star.id}`, absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jia Gu'] }));
  const paperCalls = () => server.hfCalls().filter((path) => path.startsWith('/api/papers/'));

  // Nothing cached yet: the card is as before, and the page asked nothing to fill it.
  const first = await openRepoHome(context, papers, todays);
  await expect(first.card.locator(`[data-paper-id="${star.id}"]`)).toBeVisible();
  await first.page.waitForTimeout(300);
  await expect(first.card.getByTestId('dpl-repo-linked')).toHaveCount(0);
  expect(paperCalls()).toEqual([]);
  await first.page.close();

  // The paper's arXiv page brings its linked lists (the one request, from the page the person opened).
  const arxiv = await context.newPage();
  await arxiv.goto(`https://arxiv.org/abs/${star.id}`);
  await expect(arxiv.getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 5');
  await arxiv.close();
  const asked = paperCalls().length;

  const { page, card, errors } = await openRepoHome(context, papers, todays);
  const linked = card.locator(`[data-paper-id="${star.id}"]`).getByTestId('dpl-repo-linked');
  await expect(linked).toContainText('Models (5): apple/starflow-3b');
  await expect(linked).toContainText('Spaces (4): apple/starflow-demo, flowfan/flow-explorer +2 more');
  await expect(linked.getByRole('link', { name: 'apple/starflow-3b' })).toHaveAttribute('href', 'https://huggingface.co/apple/starflow-3b');
  await expect(linked.getByRole('link', { name: 'apple/starflow-demo' })).toHaveAttribute('href', 'https://huggingface.co/spaces/apple/starflow-demo');
  // Datasets are not named here (weights and demos are what people look for from code); other papers have no line.
  await expect(linked).not.toContainText('Datasets');
  await expect(card.getByTestId('dpl-repo-linked')).toHaveCount(1);
  expect(paperCalls().length).toBe(asked);
  expect(errors).toEqual([]);
});
