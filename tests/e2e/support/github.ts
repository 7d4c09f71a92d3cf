/**
 * What the GitHub e2e specs share: the fixture data shaped for them (a repository several papers name,
 * written in different ways, one with a hostile title), and reading the badges off a page.
 */
import type { Page } from '@playwright/test';
import { arxivIdFromUrl } from '../../../lib/shared/arxiv-id';
import { buildDailyPapers, type DailyPapersFixture } from '../../fixtures/hf-data';
import type { FixtureWindow } from '../../fixtures/github/soft-navigation';
import { expect, test as base } from './extension-test';
import { fixturePapersById, todaysPapers, type FixturePaper } from './fixture-papers';
import { FixtureServer } from './fixture-server';

export { collectPageErrors, expect } from './extension-test';

export const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"> STARFlow, hostile edition';

/** The repository today's first paper names (as hf-data.ts writes it), and two more papers that name it otherwise. */
export const PAPER_REPO = 'lens-fixtures/repo-2506-06276';
export const PAPER_REPO_ALIASES = {
  1: 'https://github.com/Lens-Fixtures/Repo-2506-06276.git',
  3: 'https://github.com/LENS-FIXTURES/repo-2506-06276/tree/main/training/',
} as const;

/** Shapes the standard fixture data: today's papers 1 and 3 share paper 0's repository; paper 3 has a hostile title. */
export function shapeForGithub(data: DailyPapersFixture): DailyPapersFixture {
  const today = data.days.get(data.today)!;
  for (const [index, repo] of Object.entries(PAPER_REPO_ALIASES)) {
    (today[Number(index)]!.paper as Record<string, unknown>).githubRepo = repo;
  }
  const hostile = today[3]!;
  hostile.title = HOSTILE_TITLE;
  (hostile.paper as Record<string, unknown>).title = HOSTILE_TITLE;
  return data;
}

export const test = base.extend<{
  papers: Map<string, FixturePaper>;
  /** Today's ids in the fixture's order, once they are stored (the install-time sync's first call; the popup lists them). */
  todays: string[];
}>({
  server: async ({}, use) => {
    const server = new FixtureServer(shapeForGithub(buildDailyPapers(Date.now())));
    await server.start();
    await use(server);
    await server.stop();
  },
  papers: async ({ server }, use) => {
    await use(fixturePapersById(server.data));
  },
  todays: async ({ server, openPopup }, use) => {
    const ids = todaysPapers(server.data).map((paper) => paper.id);
    const popup = await openPopup();
    await expect(popup.locator('.paper .title')).toHaveCount(ids.length);
    await popup.close();
    await use(ids);
  },
});

/** The arXiv id a link points to (undefined: not a paper link). */
export const paperIdOfLink = (href: string) => arxivIdFromUrl(href)?.id;

export interface BadgeState {
  /** Each inline badge host, in document order: the link before it and what it shows. */
  inline: { link: string | null; hf: string | null; text: string }[];
  /** Hosts without a live badge inside (a snapshot's husk) or not right after a link. */
  broken: number;
  repo: { place: string; ids: string[]; titles: string[] }[];
}

/** Reads every badge of the extension off the page (their shadow roots are open). */
export async function badgeState(page: Page): Promise<BadgeState> {
  return page.evaluate(() => {
    // The About box: the older `.BorderGrid` cell, or the 2026 sidebar section headed "About".
    const isAboutBox = (box: Element | null) =>
      Boolean(box?.matches('.BorderGrid-cell')) ||
      (Boolean(box?.matches('[class*="CodeViewSidebar-module__borderGrid"] > [class*="SidebarSection-module__sidebarSection"]')) &&
        box?.querySelector('h2')?.textContent?.trim() === 'About');
    const inlineHosts = [...document.querySelectorAll('dpl-paper-badge')];
    const linkBefore = (host: Element) => {
      const previous = host.previousSibling;
      return previous instanceof HTMLAnchorElement ? previous.href : null;
    };
    return {
      inline: inlineHosts.map((host) => ({
        link: linkBefore(host),
        hf: host.shadowRoot?.querySelector('a')?.getAttribute('href') ?? null,
        text: [...(host.shadowRoot?.querySelector('a')?.children ?? [])].map((part) => part.textContent?.trim()).join(' '),
      })),
      broken: inlineHosts.filter((host) => !host.shadowRoot?.querySelector('a') || linkBefore(host) === null).length,
      repo: [...document.querySelectorAll('dpl-repo-papers')].map((host) => ({
        place: isAboutBox(host.parentElement) ? 'about' : host.parentElement?.id ?? 'elsewhere',
        ids: [...(host.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.getAttribute('data-paper-id') ?? ''),
        titles: [...(host.shadowRoot?.querySelectorAll('.dpl-repo-title') ?? [])].map((a) => a.textContent ?? ''),
      })),
    };
  });
}

/** The badges a page should carry: one per link to a known paper, in document order. */
export function expectedInline(links: string[], papers: Map<string, FixturePaper>) {
  return links.flatMap((href) => {
    const id = paperIdOfLink(href);
    const paper = id ? papers.get(id) : undefined;
    return paper
      ? [{ link: href, hf: `https://huggingface.co/papers/${paper.id}`, text: `▲ ${paper.upvotes} 💬 ${paper.numComments}` }]
      : [];
  });
}

/** The hrefs of the page's own links in rendered Markdown (not inside the extension's shadow roots). */
export async function markdownLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.markdown-body a, .comment-body a')].map((a) => a.href));
}

/** Drives the page's soft navigation the way GitHub's own code does. */
export const nav = {
  visit: (page: Page, url: string) => page.evaluate((to) => (window as unknown as FixtureWindow).fixtureNav.visit(to), url),
  frameVisit: (page: Page, url: string) => page.evaluate((to) => (window as unknown as FixtureWindow).fixtureNav.frameVisit(to), url),
  back: (page: Page) => page.evaluate(() => (window as unknown as FixtureWindow).fixtureNav.back()),
  forward: (page: Page) => page.evaluate(() => (window as unknown as FixtureWindow).fixtureNav.forward()),
  reactNavigate: (page: Page, url: string) => page.evaluate((to) => (window as unknown as FixtureWindow).fixtureNav.reactNavigate(to), url),
  rerender: (page: Page, selector: string) => page.evaluate((s) => (window as unknown as FixtureWindow).fixtureNav.rerender(s), selector),
  loadMore: (page: Page) => page.evaluate(() => (window as unknown as FixtureWindow).fixtureNav.loadMore()),
};
