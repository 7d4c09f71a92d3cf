// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PageView } from '../../../../lib/sites/github/page-view';
import { repoHomePage, repoTreePage } from '../../../fixtures/github/repo-page';
import { REPO_PAGE_2026_CLASSES, repoPage2026 } from '../../../fixtures/github/repo-page-2026';
import { parse } from './fixture-documents';
import { afterPass, badgesByLink, fakeLookups, fakeUi, markdownWithLinks, overview } from './overlay-fakes';
import { MAX_LINK_BADGE_IDS, MAX_LIVE_LOOKUPS } from '../../../../lib/shared/messages';
import { KEYS_PER_PAGE_MAX } from '../../../../lib/sites/kit/remote-answers';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `2506.${String(10_000 + from + i)}`);

function setup(body: string, stored = ids(200).map((id, i) => overview(id, i)), location = 'https://github.com/octocat/hello') {
  const doc = parse(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  const ui = fakeUi(doc);
  const fake = fakeLookups(stored);
  const changed = vi.fn();
  let url = location;
  const view = new PageView({ doc, location: () => url, lookups: fake.lookups, ui, changed });
  return { doc, ui, fake, view, changed, goTo: (next: string) => (url = next) };
}

/** The badge index's answer (a resolved promise) handled: the ids it lacks are asked about then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PageView: badges after paper links', () => {
  it('asks the badge index about all of a page’s ids in one message, then the ids it lacks in one more, then puts one badge after each link HF knows', async () => {
    const known = ids(100);
    const unknown = ids(5, 500);
    const { doc, fake, view, changed } = setup(markdownWithLinks([...known, ...unknown, known[0]!]));
    view.reconcile();
    expect(fake.indexCalls).toEqual([]);
    await afterPass();
    expect(fake.indexCalls).toEqual([[...known, ...unknown]]);
    await settle();
    expect(fake.paperCalls).toHaveLength(1);
    expect(fake.paperCalls[0]?.args).toEqual([[...known, ...unknown], true]);

    await fake.answerAll();
    // Once: the database's answer named papers (the index's named none, so nothing was to redraw then).
    expect(changed).toHaveBeenCalledTimes(1);
    view.reconcile();
    const pairs = badgesByLink(doc);
    expect(pairs).toHaveLength(106);
    expect(pairs.filter(([, badge]) => badge !== null)).toHaveLength(101);
    for (const [text, badge] of pairs) expect(badge).toBe(known.includes(text) ? text : null);
  });

  it('puts in the badges the badge index answers, and asks the database only about the other ids', async () => {
    const indexed = ids(100);
    const unknown = ids(2, 500);
    const { doc, fake, view, changed } = setup(markdownWithLinks([...indexed, ...unknown]));
    indexed.forEach((id, i) => fake.index.set(id, { id, upvotes: i }));
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(100);
    expect(badgesByLink(doc).slice(0, 100).map(([, badge]) => badge)).toEqual(indexed);
    // The unknown ones, a few: asked in one message, live allowed (the background's rules decide).
    expect(fake.paperCalls.map((c) => c.args)).toEqual([[unknown, true]]);
    await fake.answerAll();
    // The database named none of them: nothing to redraw.
    expect(changed).toHaveBeenCalledTimes(1);
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(100);
    expect(fake.paperCalls).toHaveLength(1);
    expect(fake.indexCalls).toHaveLength(1);
  });

  it("badges the links to the newest papers' copy in the first pass, without a question; the others are asked about as before", async () => {
    const newest = ids(10);
    const older = ids(3, 500);
    const doc = parse(`<!DOCTYPE html><html><head></head><body>${markdownWithLinks([...newest, ...older])}</body></html>`);
    const fake = fakeLookups([]);
    older.forEach((id, i) => fake.index.set(id, { id, upvotes: i }));
    const copy = new Map(newest.map((id, i) => [id, { id, upvotes: 100 + i }]));
    const view = new PageView({ doc, location: () => 'https://github.com/octocat/hello', lookups: { ...fake.lookups, known: (id) => copy.get(id) }, ui: fakeUi(doc), changed: vi.fn() });
    view.reconcile();
    expect(badgesByLink(doc).filter(([, badge]) => badge !== null).map(([, badge]) => badge)).toEqual(newest);
    await settle();
    expect(fake.indexCalls).toEqual([older]);
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(13);
  });

  it('a page with more ids than a message holds asks about the rest in the next message, once the first is answered', async () => {
    const many = ids(MAX_LINK_BADGE_IDS + 3);
    const { doc, fake, view } = setup(markdownWithLinks(many), []);
    many.forEach((id) => fake.index.set(id, { id, upvotes: 1 }));
    view.reconcile();
    await afterPass();
    expect(fake.indexCalls.map((call) => call.length)).toEqual([MAX_LINK_BADGE_IDS]);
    view.reconcile();
    await settle();
    expect(fake.indexCalls.map((call) => call.length)).toEqual([MAX_LINK_BADGE_IDS, 3]);
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(MAX_LINK_BADGE_IDS + 3);
    expect(fake.indexCalls).toHaveLength(2);
  });

  it("asks about at most KEYS_PER_PAGE_MAX ids in a page view's life, however many links it has", async () => {
    const { fake, view } = setup(markdownWithLinks(ids(KEYS_PER_PAGE_MAX + 100)), []);
    for (let i = 0; i < KEYS_PER_PAGE_MAX / MAX_LINK_BADGE_IDS + 2; i++) {
      view.reconcile();
      await fake.answerAll();
    }
    expect(fake.indexCalls.flat()).toHaveLength(KEYS_PER_PAGE_MAX);
    expect(new Set(fake.indexCalls.flat()).size).toBe(KEYS_PER_PAGE_MAX);
    expect(fake.paperCalls.flatMap((call) => call.args[0] as string[])).toHaveLength(KEYS_PER_PAGE_MAX);
  });

  it('a failed ask of the badge index asks the database about every id instead', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(3)));
    fake.lookups.indexed = async () => {
      throw new Error('the worker went away');
    };
    view.reconcile();
    await settle();
    expect(fake.paperCalls.map((c) => c.args)).toEqual([[ids(3), true]]);
    await fake.answerAll();
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(3);
  });

  it('sends nothing on a page without paper links', async () => {
    const { fake, view } = setup('<article class="markdown-body"><p><a href="https://example.com/">x</a></p></article>');
    view.reconcile();
    await settle();
    expect(fake.indexCalls).toEqual([]);
    expect(fake.paperCalls).toEqual([]);
  });

  it('drops an answer of the badge index that arrives after the view was closed', async () => {
    const { fake, view, changed } = setup(markdownWithLinks(ids(2)));
    let arrive = (_: (null)[]) => {};
    fake.lookups.indexed = () => new Promise((resolve) => (arrive = resolve));
    view.reconcile();
    await afterPass();
    view.close();
    arrive([null, null]);
    await settle();
    expect(changed).not.toHaveBeenCalled();
    expect(fake.paperCalls).toEqual([]);
  });

  it('a view left before its pass’s message was sent asks nothing', async () => {
    const { fake, view } = setup(markdownWithLinks(ids(3)));
    view.reconcile();
    view.close();
    await fake.answerAll();
    expect(fake.indexCalls).toEqual([]);
    expect(fake.paperCalls).toEqual([]);
  });

  it('never doubles up and never asks again, however often it reconciles', async () => {
    const { doc, ui, fake, view } = setup(markdownWithLinks(ids(3)));
    view.reconcile();
    await fake.answerAll();
    for (let i = 0; i < 5; i++) view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(3);
    expect(ui.mounts).toBe(3);
    expect(fake.paperCalls).toHaveLength(1);
  });

  it('annotates a subtree React rendered afresh, from what it already knows, and drops the old badges', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(4)));
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    const article = doc.querySelector('article')!;
    const fresh = parse(markdownWithLinks(ids(4))).querySelector('article')!;
    article.replaceWith(doc.adoptNode(fresh));
    view.reconcile();
    expect(badgesByLink(doc).map(([, badge]) => badge)).toEqual(ids(4));
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(4);
    expect(fake.paperCalls).toHaveLength(1);
  });

  it('asks only for ids it has not asked about when new links arrive late', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(2)));
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    doc.querySelector('article')!.insertAdjacentHTML('beforeend', markdownWithLinks([...ids(3), '2506.99999']));
    view.reconcile();
    await settle();
    expect(fake.indexCalls).toEqual([ids(2), [ids(3)[2], '2506.99999']]);
    expect(fake.paperCalls.map((c) => c.args[0])).toEqual([ids(2), [ids(3)[2], '2506.99999']]);
  });

  it('sweeps away badge hosts it did not make (an old snapshot restored by "back") and annotates once', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(3)));
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    // A snapshot restored on "back": a deep clone, badge hosts included (their shadow roots are not).
    const restored = doc.body.cloneNode(true) as HTMLElement;
    doc.body.replaceWith(restored);
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(3);
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(3);
    expect(badgesByLink(doc).map(([, badge]) => badge)).toEqual(ids(3));
  });

  it('moves a badge along when a link is re-pointed at another paper', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(2)));
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    doc.querySelector('a')!.setAttribute('href', `https://arxiv.org/pdf/${ids(2)[1]}v2`);
    view.reconcile();
    expect(badgesByLink(doc).map(([, badge]) => badge)).toEqual([ids(2)[1], ids(2)[1]]);
  });

  it('once closed, drops late answers and leaves nothing behind', async () => {
    const { doc, fake, view, changed } = setup(markdownWithLinks(ids(2)));
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    doc.querySelector('article')!.insertAdjacentHTML('beforeend', markdownWithLinks(ids(1, 7)));
    view.reconcile();
    const before = changed.mock.calls.length;
    view.close();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    await fake.answerAll();
    view.reconcile();
    expect(changed).toHaveBeenCalledTimes(before);
    // The view was left before the late id's message was sent: it was never asked about.
    expect(fake.indexCalls).toHaveLength(1);
    expect(fake.paperCalls).toHaveLength(1);
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
  });

  it('asks live for a few ids per page view at most, as on arXiv', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(2)));
    view.reconcile();
    await fake.answerAll();
    doc.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids(2, 10)));
    view.reconcile();
    await fake.answerAll();
    doc.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids(1, 20)));
    view.reconcile();
    await fake.answerAll();
    expect(MAX_LIVE_LOOKUPS).toBe(3);
    expect(fake.paperCalls.map((c) => c.args[1])).toEqual([true, false, true]);
  });

  it('a big first batch may go live (the background asks HF only if at most 3 are unknown), later ones may not', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(100)));
    view.reconcile();
    await fake.answerAll();
    doc.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids(1, 300)));
    view.reconcile();
    await fake.answerAll();
    expect(fake.paperCalls.map((c) => c.args[1])).toEqual([true, false]);
  });

  it('a failed lookup means no badge, and is not repeated in a loop', async () => {
    const { doc, fake, view } = setup(markdownWithLinks(ids(2)));
    view.reconcile();
    await settle();
    fake.paperCalls[0]!.reject(new Error('Extension context invalidated.'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    view.reconcile();
    view.reconcile();
    expect(doc.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    expect(fake.paperCalls).toHaveLength(1);
  });
});

describe('PageView: the repository badge', () => {
  const repository = { owner: 'Lens-Fixtures', name: 'Repo-A' };
  const papers = [
    overview('2506.00001', 50, { githubRepoKey: 'lens-fixtures/repo-a' }),
    overview('2506.00002', 20, { githubRepoKey: 'lens-fixtures/repo-a' }),
  ];

  function page(html: string, url: string, stored = papers) {
    const doc = parse(html);
    const ui = fakeUi(doc);
    const fake = fakeLookups(stored);
    let location = url;
    const view = new PageView({ doc, location: () => location, lookups: fake.lookups, ui, changed: () => view.reconcile() });
    return { doc, ui, fake, view, goTo: (next: string) => (location = next) };
  }

  it.each(['layout', 'page-layout-pane'] as const)('lists the repository’s papers in the About box of its home page (%s sidebar)', async (sidebar) => {
    const { doc, fake, view } = page(repoHomePage({ repository, description: 'x', readme: '', sidebar }), 'https://github.com/lens-fixtures/repo-a');
    view.reconcile();
    expect(fake.repoCalls.map((c) => c.args)).toEqual([['lens-fixtures/repo-a']]);
    await fake.answerAll();
    const hosts = doc.querySelectorAll('dpl-repo-papers');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.getAttribute('data-placement')).toBe('about');
    expect(hosts[0]?.textContent).toBe('2506.00001,2506.00002');
    expect(hosts[0]?.closest('.BorderGrid-cell')?.querySelector('h2')?.textContent).toBe('About');
  });

  it('lists them in the About box of GitHub’s 2026 home page (React code view, no `.BorderGrid`), not in the header', async () => {
    const { doc, fake, view } = page(repoPage2026({ repository, description: 'x', readme: '' }), 'https://github.com/lens-fixtures/repo-a');
    view.reconcile();
    await fake.answerAll();
    const hosts = doc.querySelectorAll('dpl-repo-papers');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.getAttribute('data-placement')).toBe('about');
    const section = hosts[0]?.parentElement;
    expect(section?.classList.contains(REPO_PAGE_2026_CLASSES.sidebarSection)).toBe(true);
    expect(section?.querySelector('h2')?.textContent).toBe('About');
    expect(doc.querySelector('#repository-container-header dpl-repo-papers')).toBeNull();
  });

  it('puts the badge back once when React re-renders the 2026 sidebar', async () => {
    const html = repoPage2026({ repository, description: 'x', readme: '' });
    const { doc, fake, view } = page(html, 'https://github.com/lens-fixtures/repo-a');
    view.reconcile();
    await fake.answerAll();
    const grid = `.${REPO_PAGE_2026_CLASSES.borderGrid}`;
    doc.querySelector(grid)!.replaceWith(parse(html).querySelector(grid)!);
    view.reconcile();
    view.reconcile();
    expect(doc.querySelectorAll('dpl-repo-papers')).toHaveLength(1);
    expect(doc.querySelector(`${grid} > :first-child > dpl-repo-papers`)).not.toBeNull();
    expect(fake.repoCalls).toHaveLength(1);
  });

  it('goes into the header on the repository’s other pages', async () => {
    const { doc, fake, view } = page(repoTreePage({ repository, path: 'src' }), 'https://github.com/lens-fixtures/repo-a/tree/main/src');
    view.reconcile();
    await fake.answerAll();
    const host = doc.querySelector('dpl-repo-papers');
    expect(host?.getAttribute('data-placement')).toBe('header');
    expect(host?.parentElement?.id).toBe('repo-title-component');
  });

  it('shows nothing for a repository without papers, and asks once', async () => {
    const { doc, fake, view } = page(repoHomePage({ repository, description: 'x', readme: '' }), 'https://github.com/lens-fixtures/repo-a', []);
    view.reconcile();
    await fake.answerAll();
    view.reconcile();
    expect(doc.querySelectorAll('dpl-repo-papers')).toHaveLength(0);
    expect(fake.repoCalls).toHaveLength(1);
  });

  it('puts the badge back once when GitHub re-renders the sidebar, without asking again', async () => {
    const { doc, fake, view } = page(repoHomePage({ repository, description: 'x', readme: '' }), 'https://github.com/lens-fixtures/repo-a');
    view.reconcile();
    await fake.answerAll();
    const sidebar = doc.querySelector('.Layout-sidebar')!;
    sidebar.replaceWith(parse(repoHomePage({ repository, description: 'x', readme: '' })).querySelector('.Layout-sidebar')!);
    view.reconcile();
    view.reconcile();
    expect(doc.querySelectorAll('dpl-repo-papers')).toHaveLength(1);
    expect(doc.querySelector('.Layout-sidebar dpl-repo-papers')).not.toBeNull();
    expect(fake.repoCalls).toHaveLength(1);
  });

  it('takes the badge away when the page stops being that repository’s', async () => {
    const { doc, fake, view, goTo } = page(repoHomePage({ repository, description: 'x', readme: '' }), 'https://github.com/lens-fixtures/repo-a');
    view.reconcile();
    await fake.answerAll();
    expect(doc.querySelectorAll('dpl-repo-papers')).toHaveLength(1);
    goTo('https://github.com/lens-fixtures/repo-b');
    view.reconcile();
    expect(doc.querySelectorAll('dpl-repo-papers')).toHaveLength(0);
  });
});
