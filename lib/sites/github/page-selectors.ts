/**
 * Every GitHub selector the overlay relies on, in one place. Each is checked against the fixture pages
 * in tests/fixtures/github/ (which copy the real pages' structure; the real URL each was modelled on is
 * named below) by tests/unit/sites/github/page-selectors.test.ts. When GitHub changes and one stops matching,
 * the part that needs it quietly does nothing.
 */

/** `<head>` facts GitHub states on every page (Rails and React views alike). */
export const PAGE_META = {
  /**
   * `owner/repo` of the repository a page belongs to, on every repository page (code, issues, pulls…).
   * Fixtures: repo-page (https://github.com/apple/ml-starflow), issue-page
   * (https://github.com/huggingface/transformers/issues/12345), pull-page.
   */
  repositoryNwo: 'meta[name="octolytics-dimension-repository_nwo"]',
  /** Rails' route, e.g. `/:user_id/:repository` or `/:user_id/:repository/issues/:id`. Fixtures: all. */
  routePattern: 'meta[name="route-pattern"]',
} as const;

/** Route patterns (values of `PAGE_META.routePattern`) of pages inside a repository. */
export const REPOSITORY_ROUTE_PREFIX = '/:user_id/:repository';

/** A repository's pages: the header over all of them, and the About sidebar of the home page. */
export const REPO_PAGE = {
  /**
   * The repository name in the header of every repository page; the header badge goes at the end of
   * its row. Fixtures: repo-page, repo-tree-page (https://github.com/apple/ml-starflow/tree/main/src),
   * issue-page.
   */
  headerName: '#repository-container-header strong[itemprop="name"]',
  /**
   * The About box of the home page's sidebar up to 2025 (Rails `.Layout-sidebar`, or a React PageLayout
   * pane holding the Rails `.BorderGrid`): the repository badge is appended to its cell. Fixtures:
   * repo-page, repo-page-pane (home only).
   */
  aboutCell: ':is(.Layout-sidebar, [class*="PageLayout-Pane"]) .BorderGrid .BorderGrid-row:first-child > .BorderGrid-cell',
  /**
   * The sections of the home page's sidebar in the 2026 React code view (About, Releases, Languages…);
   * the About box is the one whose heading says ABOUT_HEADING. Class names end in a build hash, so
   * they are matched by prefix. Fixture: repo-page-2026 (https://github.com/microsoft/playwright, 2026-08-09).
   */
  sidebarSection: '[class*="CodeViewSidebar-module__borderGrid"] > [class*="SidebarSection-module__sidebarSection"]',
  /** A 2026 sidebar section's heading (`h2 > span`, the section's name). Fixture: repo-page-2026. */
  sidebarSectionHeading: '[class*="SidebarSection-module__sectionHeading"]',
} as const;

/** The heading of the About box in the 2026 sidebar (GitHub's UI is English only). */
export const ABOUT_HEADING = 'About';

/**
 * Links to papers inside rendered Markdown: READMEs (`article.markdown-body`), issue and pull request
 * bodies and comments (React `.markdown-body`, Rails `.comment-body.markdown-body`), discussions, wikis,
 * releases. Only hrefs that can name a paper are matched; lib/sites/github/paper-links.ts reads the id.
 * Fixtures: repo-page (README), issue-page (body and comments), pull-page (Rails timeline).
 */
export const MARKDOWN_PAPER_LINK = [
  ':is(.markdown-body, .comment-body) a[href*="arxiv.org/" i]',
  ':is(.markdown-body, .comment-body) a[href*="huggingface.co/papers/" i]',
  ':is(.markdown-body, .comment-body) a[href*="alphaxiv.org/" i]',
].join(', ');
