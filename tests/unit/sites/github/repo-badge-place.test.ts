// @vitest-environment happy-dom
/** Where a repository's papers go: the About box of its home page (every markup GitHub served), else the header row. */
import { describe, expect, it } from 'vitest';
import { repoBadgePlace } from '../../../../lib/sites/github/repo-badge-place';
import { REPO_PAGE_2026_CLASSES, repoPage2026 } from '../../../fixtures/github/repo-page-2026';
import { fixtureDocument, parse, README, STARFLOW } from './fixture-documents';

const page2026 = (options: Partial<Parameters<typeof repoPage2026>[0]> = {}) =>
  repoPage2026({ repository: STARFLOW, description: 'Scalable normalizing flows', readme: README, ...options });

/** The About section's heading text, as the person reads it. */
const headingOf = (container: Element | undefined) =>
  container?.querySelector('h2')?.textContent?.trim();

describe('repoBadgePlace', () => {
  it('on the 2026 home page: the sidebar section headed "About", inside the code view’s sidebar grid', () => {
    const doc = fixtureDocument('repo-page-2026');
    const place = repoBadgePlace(doc);
    expect(place?.placement).toBe('about');
    expect(place?.container.classList.contains(REPO_PAGE_2026_CLASSES.sidebarSection)).toBe(true);
    expect(headingOf(place?.container)).toBe('About');
    expect(place?.container.parentElement?.classList.contains(REPO_PAGE_2026_CLASSES.borderGrid)).toBe(true);
    expect(place?.container.closest('react-app[app-name="code-view"]')).not.toBeNull();
  });

  it('matches the class names by prefix: another build’s hashes change nothing', () => {
    let html = page2026();
    // Every class's 5-character hash changes, as with GitHub's next deploy: `…borderGrid__Wm3zR` → `…borderGrid__Zz9_q`.
    for (const name of Object.values(REPO_PAGE_2026_CLASSES)) html = html.split(name).join(`${name.slice(0, -5)}Zz9_q`);
    expect(html).not.toContain(REPO_PAGE_2026_CLASSES.sidebarSection);
    const place = repoBadgePlace(parse(html));
    expect(place?.placement).toBe('about');
    expect(headingOf(place?.container)).toBe('About');
  });

  it('goes by the heading’s text: not the first section when About is not first, and no About box without one', () => {
    const C = REPO_PAGE_2026_CLASSES;
    const reordered = parse(page2026());
    const grid = reordered.querySelector(`.${C.borderGrid}`)!;
    const about = grid.firstElementChild!;
    grid.append(about);
    expect(repoBadgePlace(reordered)?.container).toBe(about);

    const unnamed = parse(page2026());
    unnamed.querySelector(`.${C.sectionHeading} span`)!.textContent = 'Releases';
    const place = repoBadgePlace(unnamed);
    expect(place?.placement).toBe('header');
    expect(place?.container.querySelector('strong[itemprop="name"]')?.textContent?.trim()).toBe(STARFLOW.name);
  });

  it.each(['repo-page', 'repo-page-pane'] as const)('keeps the older markup working (%s): the About cell of `.BorderGrid`', (fixture) => {
    const place = repoBadgePlace(fixtureDocument(fixture));
    expect(place?.placement).toBe('about');
    expect(place?.container.matches('.BorderGrid-cell')).toBe(true);
    expect(headingOf(place?.container)).toBe('About');
  });

  it('on a repository’s other pages: the header’s name row', () => {
    const place = repoBadgePlace(fixtureDocument('repo-tree-page'));
    expect(place?.placement).toBe('header');
    expect(place?.container.id).toBe('repo-title-component');
  });

  it('nowhere on pages outside repositories', () => {
    expect(repoBadgePlace(fixtureDocument('dashboard-page'))).toBeUndefined();
    expect(repoBadgePlace(fixtureDocument('profile-page'))).toBeUndefined();
  });
});
