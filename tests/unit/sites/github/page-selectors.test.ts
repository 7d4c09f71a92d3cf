// @vitest-environment happy-dom
/** Each selector of lib/sites/github/page-selectors.ts, on each fixture page it was written for, and off the others. */
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../../lib/sites/github/page-selectors';
import { fixtureDocument, type FixtureName } from './fixture-documents';

const { PAGE_META, REPO_PAGE, MARKDOWN_PAPER_LINK } = selectors;

const EXPECTED: [name: string, selector: string, counts: Partial<Record<FixtureName, number>>][] = [
  ['PAGE_META.repositoryNwo', PAGE_META.repositoryNwo, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 0, 'profile-page': 0 }],
  ['PAGE_META.routePattern', PAGE_META.routePattern, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 1, 'profile-page': 1 }],
  ['REPO_PAGE.headerName', REPO_PAGE.headerName, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-tree-page': 1, 'issue-page': 1, 'pull-page': 1, 'dashboard-page': 0, 'profile-page': 0 }],
  ['REPO_PAGE.aboutCell', REPO_PAGE.aboutCell, { 'repo-page': 1, 'repo-page-pane': 1, 'repo-tree-page': 0, 'issue-page': 0, 'pull-page': 0, 'dashboard-page': 0, 'profile-page': 0 }],
  // README: shield, abs-version, pdf, html, old-style, listing, and the example.org link that only looks like arXiv.
  ['MARKDOWN_PAPER_LINK', MARKDOWN_PAPER_LINK, { 'repo-page': 7, 'repo-page-pane': 7, 'repo-tree-page': 0, 'issue-page': 10, 'pull-page': 2, 'dashboard-page': 0, 'profile-page': 0 }],
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
    expect(Object.keys(selectors).sort()).toEqual(['MARKDOWN_PAPER_LINK', 'PAGE_META', 'REPOSITORY_ROUTE_PREFIX', 'REPO_PAGE']);
  });

  it('the about cell is the About box, the header name is the repository name', () => {
    const repo = fixtureDocument('repo-page');
    expect(repo.querySelector(REPO_PAGE.aboutCell)?.querySelector('h2')?.textContent).toBe('About');
    expect(fixtureDocument('repo-page-pane').querySelector(REPO_PAGE.aboutCell)?.querySelector('h2')?.textContent).toBe('About');
    expect(repo.querySelector(REPO_PAGE.headerName)?.textContent?.trim()).toBe('ml-starflow');
    expect(repo.querySelector<HTMLMetaElement>(PAGE_META.repositoryNwo)?.content).toBe('apple/ml-starflow');
  });
});
