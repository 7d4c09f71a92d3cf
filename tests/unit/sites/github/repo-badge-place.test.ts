// @vitest-environment happy-dom
/** Where a repository's papers go: the About box of its home page (every markup GitHub served), else the header row. */
import { describe, expect, it, vi } from 'vitest';
import { repoBadgePlace, watchParsedAboutBox } from '../../../../lib/sites/github/repo-badge-place';
import { heading, paragraph } from '../../../fixtures/github/markdown';
import { REPO_PAGE_2026_CLASSES, repoPage2026 } from '../../../fixtures/github/repo-page-2026';
import { FIXTURES, fixtureDocument, parse, README, STARFLOW } from './fixture-documents';
import { parsingDocument } from '../../support/parsing-document';

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

/** Frames run when the test says: the watch's checks, one a frame. */
function frames() {
  const queue: (() => void)[] = [];
  return { frame: (check: () => void) => void queue.push(check), run: () => queue.splice(0).forEach((check) => check()), pending: () => queue.length };
}

describe('watchParsedAboutBox', () => {
  it.each(['repo-page-2026', 'repo-page'] as const)('calls back once, with the About box whole, at the first node the parser puts after it (%s)', (fixture) => {
    const whole = repoBadgePlace(fixtureDocument(fixture))!.container;
    const parsing = parsingDocument(FIXTURES[fixture]());
    const { frame, run } = frames();
    const found = vi.fn();
    watchParsedAboutBox(parsing.doc, found, new AbortController().signal, frame);
    let last: Node | undefined;
    // A frame after every node: the check runs as often as it can.
    while (!found.mock.calls.length && (last = parsing.step())) run();
    expect(found).toHaveBeenCalledTimes(1);
    const about = found.mock.calls[0]![0] as Element;
    expect(about.outerHTML).toBe(whole.outerHTML);
    expect(repoBadgePlace(parsing.doc)?.container).toBe(about);
    expect(about.contains(last!)).toBe(false);
    expect(about.compareDocumentPosition(last!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    parsing.loaded();
    run();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('is not taken in by a README heading "About", parsed before the sidebar', () => {
    const html = repoPage2026({ repository: STARFLOW, description: 'x', readme: [heading(2, 'About'), paragraph('Our project.')].join('\n') });
    const parsing = parsingDocument(html);
    const { frame, run } = frames();
    const found = vi.fn();
    watchParsedAboutBox(parsing.doc, found, new AbortController().signal, frame);
    while (!found.mock.calls.length && parsing.step()) run();
    const about = found.mock.calls[0]![0] as Element;
    expect(about.classList.contains(REPO_PAGE_2026_CLASSES.sidebarSection)).toBe(true);
    expect(parsing.doc.querySelectorAll('article.markdown-body h2')).toHaveLength(1);
  });

  it('stops at DOMContentLoaded (the page view places the badge then) and when aborted; does nothing on a page already parsed', () => {
    const found = vi.fn();
    const loaded = parsingDocument(FIXTURES['repo-page-2026']());
    const first = frames();
    watchParsedAboutBox(loaded.doc, found, new AbortController().signal, first.frame);
    loaded.parseUntil(() => loaded.doc.querySelector('article.markdown-body') !== null);
    first.run();
    loaded.loaded();
    first.run();
    expect(first.pending()).toBe(0);

    const aborted = parsingDocument(FIXTURES['repo-page-2026']());
    const second = frames();
    const stop = new AbortController();
    watchParsedAboutBox(aborted.doc, found, stop.signal, second.frame);
    stop.abort();
    while (aborted.step()) second.run();

    const third = frames();
    watchParsedAboutBox(fixtureDocument('repo-page-2026'), found, new AbortController().signal, third.frame);
    expect(third.pending()).toBe(0);
    expect(found).not.toHaveBeenCalled();
  });
});
