/**
 * What the GitHub e2e specs share: the fixture data shaped for them (a repository several papers name,
 * written in different ways, one with a hostile title), reading the badges off a page, and a record of
 * the lookups the background received.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { buildDailyPapers, type DailyPapersFixture } from '../../fixtures/hf-data';
import type { FixtureWindow } from '../../fixtures/github/soft-navigation';
import { expect, test as base } from './extension-test';
import { FixtureServer } from './fixture-server';

export { collectPageErrors, expect } from './extension-test';

export interface FixturePaper {
  id: string;
  title: string;
  upvotes: number;
  numComments: number;
  githubRepo?: string;
  date: string;
}

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

export function fixturePapers(data: DailyPapersFixture): Map<string, FixturePaper> {
  const papers = new Map<string, FixturePaper>();
  for (const [date, items] of data.days) {
    for (const item of items) {
      const paper = item.paper as { id: string; title: string; upvotes: number; githubRepo?: string };
      papers.set(paper.id, { ...paper, numComments: item.numComments as number, date });
    }
  }
  return papers;
}

export const test = base.extend<{ papers: Map<string, FixturePaper> }>({
  server: async ({}, use) => {
    const server = new FixtureServer(shapeForGithub(buildDailyPapers(Date.now())));
    await server.start();
    await use(server);
    await server.stop();
  },
  papers: async ({ server }, use) => {
    await use(fixturePapers(server.data));
  },
});

/** Today's papers are stored once the popup lists them (the first call of the install-time sync). */
/** The ids of today's papers, in the fixture's order (the ones a fresh install stores first). */
export function todaysIds(data: DailyPapersFixture): string[] {
  return data.days.get(data.today)!.map((item) => (item.paper as { id: string }).id);
}

export async function waitForTodaysPapers(openPopup: () => Promise<Page>, count: number): Promise<void> {
  const popup = await openPopup();
  await expect(popup.locator('.paper .title')).toHaveCount(count);
  await popup.close();
}

/** The whole back-fill is stored once the popup says "Synced". */
export async function waitForFullSync(openPopup: () => Promise<Page>): Promise<void> {
  const popup = await openPopup();
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 60_000 });
  await popup.close();
}

/** The one `chrome.*` call the specs make inside the service worker. */
interface ChromeApi {
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
}

/** Records every message the background receives (an observer: it never answers). */
export async function recordRequests(background: Worker): Promise<void> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as { __dplRequests?: unknown[]; chrome: ChromeApi };
    if (scope.__dplRequests) return;
    scope.__dplRequests = [];
    scope.chrome.runtime.onMessage.addListener((message: unknown) => {
      scope.__dplRequests!.push(message);
    });
  });
}

/** Sets a checkbox of the options page and saves, the way a person does. */
export async function setOption(context: BrowserContext, extensionId: string, label: string, checked: boolean): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(label).setChecked(checked);
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText(/^Saved/);
  await options.close();
}

export interface RecordedRequest {
  type: string;
  ids?: string[];
  live?: boolean;
  repo?: string;
}

export async function recordedRequests(background: Worker): Promise<RecordedRequest[]> {
  return background.evaluate(() => (globalThis as unknown as { __dplRequests: RecordedRequest[] }).__dplRequests);
}

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
export function expectedInline(links: string[], papers: Map<string, FixturePaper>, idOf: (href: string) => string | undefined) {
  return links.flatMap((href) => {
    const id = idOf(href);
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
