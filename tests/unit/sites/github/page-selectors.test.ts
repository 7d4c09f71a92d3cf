// @vitest-environment happy-dom
/** Each selector of lib/sites/github/page-selectors.ts, on each fixture page it was written for, and off the others. */
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../../lib/sites/github/page-selectors';
import { fixtureDocument, type FixtureName } from './fixture-documents';

const { PAGE_META, REPO_PAGE, MARKDOWN_PAPER_LINK } = selectors;

const EXPECTED: [name: string, selector: string, counts: Partial<Record<FixtureName, number>>][] = [
  ['PAGE_META.repositoryNwo', PAGE_META.repositoryNwo, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-page-2026': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 0, 'profile-page': 0 }],
  ['PAGE_META.routePattern', PAGE_META.routePattern, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-page-2026': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 1, 'profile-page': 1 }],
  ['REPO_PAGE.headerName', REPO_PAGE.headerName, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-page-2026': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 0, 'profile-page': 0 }],
  ['REPO_PAGE.aboutCell', REPO_PAGE.aboutCell, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-page-2026': 0, 'repo-tree-page': 0, 'issue-page': 0, 'pull-page': 0, 'dashboard-page': 0, 'profile-page': 0 }],
  // 2026: About, Releases, Contributors, Languages.
  ['REPO_PAGE.sidebarSection', REPO_PAGE.sidebarSection, { 'repo-page': 0, 'repo-page-pane': 0, 'repo-page-2026': 4, 'repo-tree-page': 0, 'issue-page': 0, 'pull-page': 0, 'dashboard-page': 0, 'profile-page': 0 }],
  ['REPO_PAGE.sidebarSectionHeading', REPO_PAGE.sidebarSectionHeading, { 'repo-page': 0, 'repo-page-pane': 0, 'repo-page-2026': 4, 'repo-tree-page': 0, 'issue-page': 0, 'pull-page': 0, 'dashboard-page': 0, 'profile-page': 0 }],
  // README: shield, abs-version, pdf, html, old-style, listing, and the example.org link that only looks like arXiv.
  ['MARKDOWN_PAPER_LINK', MARKDOWN_PAPER_LINK, { 'repo-page': 7, 'repo-page-pane': 7, 'repo-page-2026': 7, 'repo-tree-page': 0, 'issue-page': 10, 'pull-page': 2, 'dashboard-page': 0, 'profile-page': 0 }],
];

describe('GitHub page selectors', () => {
  it.each(EXPECTED)('%s matches as expected on every fixture', (_name, selector, counts) => {
    for (const [fixture, count] of Object.entries(counts) as [FixtureName, number][]) {
      expect(fixtureDocument(fixture).querySelectorAll(selector).length, fixture).toBe(count);
    }
  });

  it('tests every selector the module exports', () => {
    const exported = [
      ...Object.values(PAGE_META),
      ...Object.values(REPO_PAGE),
      MARKDOWN_PAPER_LINK,
    ];
    expect(new Set(EXPECTED.map(([, selector]) => selector))).toEqual(new Set(exported));
    expect(Object.keys(selectors).sort()).toEqual(['ABOUT_HEADING', 'MARKDOWN_PAPER_LINK', 'PAGE_META', 'REPOSITORY_ROUTE_PREFIX', 'REPO_PAGE']);
  });

  it('the about cell is the About box, the header name is the repository name', () => {
    const repo = fixtureDocument('repo-page');
    expect(repo.querySelector(REPO_PAGE.aboutCell)?.querySelector('h2')?.textContent).toBe('About');
    expect(fixtureDocument('repo-page-pane').querySelector(REPO_PAGE.aboutCell)?.querySelector('h2')?.textContent).toBe('About');
    expect(repo.querySelector(REPO_PAGE.headerName)?.textContent?.trim()).toBe('ml-starflow');
    expect(repo.querySelector<HTMLMetaElement>(PAGE_META.repositoryNwo)?.content).toBe('apple/ml-starflow');
  });

  it('on the 2026 page: the first sidebar section is headed "About", the README is the Markdown, the header names the repository', () => {
    const repo = fixtureDocument('repo-page-2026');
    const headings = [...repo.querySelectorAll(REPO_PAGE.sidebarSection)].map((section) => section.querySelector(REPO_PAGE.sidebarSectionHeading)?.textContent?.trim());
    expect(headings).toEqual([selectors.ABOUT_HEADING, 'Releases', 'Contributors', 'Languages']);
    expect(repo.querySelector(REPO_PAGE.headerName)?.textContent?.trim()).toBe('ml-starflow');
    expect(repo.querySelector<HTMLMetaElement>(PAGE_META.repositoryNwo)?.content).toBe('apple/ml-starflow');
    // Every paper link is in the one README article (the README's copy in react-app's JSON is no element).
    expect([...repo.querySelectorAll(MARKDOWN_PAPER_LINK)].every((a) => a.closest('article.markdown-body[itemprop="text"]'))).toBe(true);
    expect(repo.querySelectorAll('article.markdown-body')).toHaveLength(1);
  });
});
