/**
 * What a person using a screen reader, a keyboard or speech input meets: axe-core's WCAG checks (A and
 * AA, with its best practices) on the popup in both looks and every view a person reaches (a day with a
 * saved and a read paper and an abstract opened, the week, trending, Saved, the search results, the
 * alert of a rate-limited sync), the options page in both looks, and what the extension puts into
 * arXiv's pages (the abstract page's card, the card on a dark HTML paper, a listing's and a search's toolbar and
 * badges) and GitHub's (a repository's papers, a README link's badge). Any violation fails the test,
 * named with the elements it was found on.
 *
 * One rule is set aside, on the upvote badge only: axe's "label in name" compares the words shown with
 * the accessible name, and the badge shows only numbers by symbols (`▲ 3 💬 0`); its name says what they
 * count ("3 upvotes, 0 comments on Hugging Face Daily Papers"), which no name can do while holding "3 0"
 * as a run of words. That name is checked here instead.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { htmlPaper } from '../fixtures/arxiv/html-paper';
import { newListingPage } from '../fixtures/arxiv/listing-page';
import { searchPage } from '../fixtures/arxiv/search-page';
import { repoHomePage } from '../fixtures/github/repo-page';
import { listingEntry, unknownEntry } from './support/arxiv';
import { expect, test } from './support/extension-test';
import { fixturePapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations axe finds, each as `rule: the elements` (empty when there are none). */
async function violations(page: Page, scope: (builder: AxeBuilder) => AxeBuilder = (builder) => builder): Promise<string[]> {
  const { violations: found } = await scope(new AxeBuilder({ page }).withTags(WCAG)).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** The card but its badge, with every rule; then its badge, with every rule but the one set aside. */
const CARD_BADGE: [[string, string]] = [['dpl-paper-card', '.dpl-badge']];
const cardOnly = (builder: AxeBuilder) => builder.include('dpl-paper-card').exclude(CARD_BADGE);
const BADGE_RULE_SET_ASIDE = ['label-content-name-mismatch'];
const cardBadge = (builder: AxeBuilder) => builder.include(CARD_BADGE).disableRules(BADGE_RULE_SET_ASIDE);
/** The page's badges (a listing's, a README's), with every rule but the one set aside. */
const pageBadges = (builder: AxeBuilder) => builder.include('dpl-paper-badge').disableRules(BADGE_RULE_SET_ASIDE);

test('the popup, the options page and what arXiv and GitHub pages gain pass axe’s WCAG checks, in light and dark', async ({ server, openPopup, context, extensionId }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const items = popup.locator('.paper');
  await expect(items.first()).toBeVisible();
  // A saved paper, a read one, an abstract open: every state a toggle has.
  await items.nth(0).getByRole('button', { name: 'Save' }).click();
  await expect(items.nth(0).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  await items.nth(1).getByRole('button', { name: 'Mark read' }).click();
  await expect(items.nth(1).getByRole('button', { name: 'Mark read' })).toHaveAttribute('aria-pressed', 'true');
  await items.nth(2).getByRole('button', { name: 'Abstract' }).click();
  for (const look of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: look });
    expect(await violations(popup), `popup, today, ${look}`).toEqual([]);
  }
  await popup.emulateMedia({ colorScheme: 'light' });
  for (const tab of ['Week', 'Trending']) {
    await popup.getByRole('tab', { name: tab }).click();
    await expect(popup.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(popup.locator('.paper').first()).toBeVisible();
    expect(await violations(popup), `popup, ${tab}`).toEqual([]);
  }
  await popup.getByRole('tab', { name: 'Saved' }).click();
  await expect(popup.locator('.paper')).toHaveCount(1);
  expect(await violations(popup), 'popup, saved').toEqual([]);
  const [first] = fixturePapers(server.data);
  await popup.getByRole('searchbox').fill(first!.title.split(' ')[0]!);
  await expect(popup.locator('.paper').first()).toBeVisible();
  expect(await violations(popup), 'popup, search').toEqual([]);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('button', { name: 'Save settings' })).toBeVisible();
  for (const look of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: look });
    expect(await violations(options), `options, ${look}`).toEqual([]);
  }

  // The abstract page's card: only what the extension put in is checked (arXiv's own page is not ours).
  const today = fixturePapers(server.data).filter((p) => p.date === server.data.today);
  const paper = today[0]!;
  server.pages.set(`arxiv.org/abs/${paper.id}`, absPage({ id: paper.id, title: paper.title, abstract: paper.summary, authors: ['Jiatao Gu'] }));
  const abs = await context.newPage();
  await abs.goto(`https://arxiv.org/abs/${paper.id}`);
  await expect(abs.getByTestId('dpl-card')).toBeVisible();
  expect(await violations(abs, cardOnly), 'abstract page card').toEqual([]);
  expect(await violations(abs, cardBadge), 'abstract page card, its badge').toEqual([]);
  await expect(abs.getByRole('link', { name: `Daily Papers Lens: ${paper.upvotes} upvotes, ${paper.numComments} comments on Hugging Face Daily Papers` })).toBeVisible();

  // The card in a dark page (an HTML paper in arXiv's dark theme): its colours against the page's.
  server.pages.set(`arxiv.org/html/${paper.id}v1`, htmlPaper({ id: paper.id, title: paper.title, abstract: paper.summary, authors: ['Jiatao Gu'], theme: 'dark' }));
  const dark = await context.newPage();
  await dark.goto(`https://arxiv.org/html/${paper.id}v1`);
  await expect(dark.getByTestId('dpl-card')).toBeVisible();
  await expect(dark.locator('dpl-paper-card')).toHaveAttribute('data-dpl-theme', 'dark');
  expect(await violations(dark, cardOnly), 'HTML paper card, dark').toEqual([]);
  expect(await violations(dark, cardBadge), 'HTML paper card, dark, its badge').toEqual([]);

  // A listing: the toolbar, and the badges (but for the rule set aside above).
  server.pages.set('arxiv.org/list/cs.CL/new', newListingPage({
    category: 'cs.CL',
    categoryName: 'Computation and Language',
    announced: 'Friday, 6 June 2025',
    newSubmissions: [listingEntry(paper), unknownEntry(1), listingEntry(today[1]!)],
    crossLists: [],
    replacements: [],
  }));
  const listing = await context.newPage();
  await listing.goto('https://arxiv.org/list/cs.CL/new');
  await expect(listing.locator('dpl-paper-badge')).toHaveCount(2);
  await expect(listing.locator('dpl-toolbar')).toHaveCount(1);
  expect(await violations(listing, (b) => b.include('dpl-toolbar')), 'listing toolbar').toEqual([]);
  expect(await violations(listing, pageBadges), 'listing badges').toEqual([]);
  // Beside the first heading in a narrow window: without its brand and its button's last words (its name whole).
  await listing.setViewportSize({ width: 560, height: 800 });
  await expect(listing.getByRole('button', { name: 'Sort by upvotes' })).toHaveText('Sort', { useInnerText: true });
  expect(await violations(listing, (b) => b.include('dpl-toolbar')), 'listing toolbar, 560 px').toEqual([]);

  // Search results: the toolbar at the end of arXiv's sort row, whole, and shortened to "Sort" where
  // the row is short (its name stays whole); below 769 px, under arXiv's box.
  server.pages.set('arxiv.org/search/', searchPage({ query: 'flows', results: [paper, today[1]!].map((p) => ({ id: p.id, title: p.title, authors: ['A. Author'], abstract: p.summary })) }));
  const search = await context.newPage();
  for (const width of [1280, 800, 720]) {
    await search.setViewportSize({ width, height: 800 });
    await search.goto('https://arxiv.org/search/?query=flows&searchtype=all');
    await expect(search.getByRole('button', { name: 'Sort by upvotes' })).toBeVisible();
    expect(await violations(search, (b) => b.include('dpl-toolbar')), `search toolbar, ${width} px`).toEqual([]);
  }

  // A GitHub repository a paper names: its papers in the About box, and a README link's badge.
  const star = fixturePapers(server.data).find((p) => p.id === '2506.06276')!;
  server.pages.set('github.com/lens-fixtures/repo-2506-06276', repoHomePage({
    repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' },
    description: 'Code',
    readme: `<p><a href="https://arxiv.org/abs/${star.id}">the paper</a></p>`,
  }));
  const repo = await context.newPage();
  await repo.goto('https://github.com/lens-fixtures/repo-2506-06276');
  await expect(repo.locator('dpl-repo-papers')).toHaveCount(1);
  await expect(repo.locator('.markdown-body dpl-paper-badge')).toHaveCount(1);
  expect(await violations(repo, (b) => b.include('dpl-repo-papers')), 'repository card').toEqual([]);
  expect(await violations(repo, pageBadges), 'README badge').toEqual([]);

  // The popup when something went wrong: Hugging Face rate-limited the sync (its alert, its Retry).
  server.hfOverride = () => ({ status: 429, body: 'slow down', headers: { RateLimit: '"api";r=0;t=60' }, contentType: 'text/plain' });
  const limited = await openPopup();
  await limited.getByRole('button', { name: 'Refresh' }).click();
  await expect(limited.getByRole('alert')).toContainText('rate limited');
  for (const look of ['light', 'dark'] as const) {
    await limited.emulateMedia({ colorScheme: look });
    expect(await violations(limited), `popup, rate limited, ${look}`).toEqual([]);
  }
  server.hfOverride = undefined;
});
