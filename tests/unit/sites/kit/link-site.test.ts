// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLinkSite } from '../../../../components/sites/kit/link-site';
import { findPaperLinks } from '../../../../lib/sites/kit/paper-links';
import { sendRequest } from '../../../../lib/shared/messages';
import { encodeTitleIndex, TitleIndex, type TitleMatcher } from '../../../../lib/shared/title-index';
import { BadgeIndex } from '../../../../lib/shared/badge-index';
import type { PaperMention } from '../../../../lib/sites/kit/link-badges';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../../../lib/shared/storage-keys';

vi.mock('../../../../lib/shared/messages', async (original) => ({ ...(await original<typeof import('../../../../lib/shared/messages')>()), sendRequest: vi.fn() }));

const asked = vi.mocked(sendRequest);
const INDEX = new BadgeIndex('2501.00042 3\n2506.06276 12 3');
/** The index's newest line, sent with the first answer: an id from 2506.06276 on is answered in the page. */
const NEWEST = '2506.06276 12 3';
const TITLES = encodeTitleIndex([{ id: '2506.06276', title: 'STARFlow: Scaling Latent Normalizing Flows' }]);
const badged = () => [...document.querySelectorAll('dpl-paper-badge')].map((host) => host.previousElementSibling?.getAttribute('href') ?? host.previousElementSibling?.textContent);
const frames = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Paper links, and (as X's cards) `.card` elements naming a paper by their title. */
function find(root: ParentNode, titles: TitleMatcher | undefined): PaperMention[] {
  const cards = [...(root instanceof Element && root.matches('.card') ? [root] : root.querySelectorAll('.card'))].flatMap((card) => {
    const id = titles?.match(card.textContent ?? '');
    return id ? [{ link: card, id }] : [];
  });
  return [...findPaperLinks(root), ...cards];
}

/** The background's answers (lib/background/request-handler.ts), from the badge and title indexes. */
function answer(byTitle: boolean) {
  const titles = new TitleIndex(TITLES);
  const badgeOf = (id: string | undefined) => (id === undefined ? null : (INDEX.get(id) ?? null));
  return (async (request: { type: string; ids?: string[]; titles?: string[]; newest?: true }) =>
    request.type === 'matchTitles'
      ? { badges: request.titles!.map((title) => badgeOf(titles.match(title))) }
      : {
          enabled: true,
          highlightThreshold: 0,
          badges: request.ids!.map(badgeOf),
          ...(byTitle ? { byTitle: true } : {}),
          ...(request.newest ? { newest: NEWEST } : {}),
        }) as never;
}

function run(site: 'hackernews' | 'x' | 'reddit' | 'scholar' | undefined, aboveCardLinks = false, whileParsed?: string) {
  const controller = new AbortController();
  void runLinkSite({ signal: controller.signal, isInvalid: false }, { site, css: '', find, watchAdded: !whileParsed, aboveCardLinks, ...(whileParsed ? { whileParsed } : {}) });
  return controller;
}

/** The document as the parser leaves it until DOMContentLoaded (`parsed` ends that). */
function stillParsed(): { parsed(): void } {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
  return {
    parsed() {
      Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
      document.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}

afterEach(() => {
  delete (document as { readyState?: string }).readyState;
  document.body.innerHTML = '';
});

describe('runLinkSite', () => {
  it('asks at once whether to show badges, with the newest badges; then the badges of the older ids the page links to, each id once, for the page and what is added', async () => {
    asked.mockImplementation(answer(false));
    document.body.innerHTML =
      '<a href="https://arxiv.org/abs/2506.06276">paper</a><a href="https://arxiv.org/abs/2501.00077">unknown</a><a href="https://arxiv.org/abs/2511.00001">newer, unknown</a><a href="https://example.org/">elsewhere</a>';
    const controller = run('hackernews');
    // No copy of the newest badges in local storage: the background is asked, once storage said so.
    await vi.waitFor(() => expect(asked).toHaveBeenCalledWith({ type: 'linkBadges', site: 'hackernews', ids: [], newest: true }));
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/pdf/2506.06276v2">pdf</a><a href="https://arxiv.org/abs/2501.00077v2">again</a><a href="https://arxiv.org/abs/2501.00042">older, known</a>');
    await vi.waitFor(() => expect(badged()).toHaveLength(3));
    await frames();
    // The newest badges answered 2506.06276 and 2511.00001 (none): only the older ids were asked about.
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { type: 'linkBadges', site: 'hackernews', ids: [], newest: true },
      { type: 'linkBadges', site: 'hackernews', ids: ['2501.00077'] },
      { type: 'linkBadges', site: 'hackernews', ids: ['2501.00042'] },
    ]);
    expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276', 'https://arxiv.org/pdf/2506.06276v2', 'https://arxiv.org/abs/2501.00042']);
    controller.abort();
    expect(badged()).toEqual([]);
  });

  it("reads its first answer from the newest badges' local copy and the settings, with no message: only older ids are asked about", async () => {
    asked.mockImplementation(answer(false));
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { highlightThreshold: 10, sites: { hackernews: true } } });
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a><a href="https://arxiv.org/abs/2511.00001">newer, unknown</a>';
    const controller = run('hackernews');
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    await frames();
    expect(asked).not.toHaveBeenCalled();
    // Highlighted: 12 upvotes, the threshold 10.
    expect(document.querySelector('dpl-paper-badge')!.shadowRoot!.querySelector('a[data-highlighted]')).not.toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2501.00042">older, known</a>');
    await vi.waitFor(() => expect(badged()).toHaveLength(2));
    expect(asked.mock.calls.map(([request]) => request)).toEqual([{ type: 'linkBadges', site: 'hackernews', ids: ['2501.00042'] }]);
    controller.abort();
  });

  it('with the copy, a site turned off shows nothing and asks nothing; a site matching titles on every page still wakes the worker for its titles', async () => {
    asked.mockImplementation(answer(true));
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { hackernews: false, scholar: true, x: true } } });
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    let controller = run('hackernews');
    await frames();
    expect(badged()).toEqual([]);
    expect(asked).not.toHaveBeenCalled();
    controller.abort();
    // Scholar (byTitle 'with-badges'): badged from the copy, and one question with no id, which readies the title index.
    controller = run('scholar');
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    expect(asked.mock.calls.map(([request]) => request)).toEqual([{ type: 'linkBadges', site: 'scholar', ids: [] }]);
    controller.abort();
    // X (titles when seen): no question.
    asked.mockClear();
    controller = run('x');
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    await frames();
    expect(asked).not.toHaveBeenCalled();
    controller.abort();
  });

  it('a page badged on request names no site', async () => {
    asked.mockImplementation(answer(false));
    document.body.innerHTML = '<a href="https://huggingface.co/papers/2506.06276">paper</a><a href="https://huggingface.co/papers/2501.00042">older</a>';
    const controller = run(undefined);
    await vi.waitFor(() => expect(badged()).toEqual(['https://huggingface.co/papers/2506.06276', 'https://huggingface.co/papers/2501.00042']));
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { type: 'linkBadges', ids: [], newest: true },
      { type: 'linkBadges', ids: ['2501.00042'] },
    ]);
    controller.abort();
  });

  it('asks the background about the titles the page shows (byTitle): those of a pass in one message, each once, then badges them', async () => {
    // The background matches them against the titles of the papers it holds (lib/background/request-handler.ts).
    asked.mockImplementation(answer(true));
    document.body.innerHTML = '<p>No card here.</p>';
    const controller = run('x');
    await frames();
    expect(asked.mock.calls.map(([request]) => request.type)).toEqual(['linkBadges']);
    document.body.insertAdjacentHTML('beforeend', '<div class="card">STARFlow: Scaling Latent Normalizing Flows</div><div class="card">Another title</div>');
    await vi.waitFor(() => expect(badged()).toEqual(['STARFlow: Scaling Latent Normalizing Flows']));
    document.body.insertAdjacentHTML('beforeend', '<div class="card">starflow scaling latent normalizing flows</div><div class="card">Another title</div>');
    await vi.waitFor(() => expect(badged()).toHaveLength(2));
    await frames();
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { type: 'linkBadges', site: 'x', ids: [], newest: true },
      { type: 'matchTitles', site: 'x', titles: ['STARFlow: Scaling Latent Normalizing Flows', 'Another title'] },
      { type: 'matchTitles', site: 'x', titles: ['starflow scaling latent normalizing flows'] },
    ]);
    controller.abort();
  });

  it("puts each badge in a host that takes the font of the text it follows (the badge is sized in em), its style written as one short line", async () => {
    asked.mockImplementation(answer(false));
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    let controller = run('hackernews');
    await vi.waitFor(() => expect(badged()).toHaveLength(1));
    expect(document.querySelector('dpl-paper-badge')!.getAttribute('style')).toBe('all: initial; font: inherit; display: inline;');
    controller.abort();
    // Above a card's full-size link (Reddit's): raised over it, in the same line of style.
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    controller = run('reddit', true);
    await vi.waitFor(() => expect(badged()).toHaveLength(1));
    expect(document.querySelector('dpl-paper-badge')!.getAttribute('style')).toBe('all: initial; font: inherit; display: inline; position: relative; z-index: 1;');
    controller.abort();
  });

  it('badges the links of a page still parsed as the parser adds them (whileParsed), each right after its link; an older id once its answer comes', async () => {
    asked.mockImplementation(answer(false));
    const page = stillParsed();
    document.body.innerHTML = '<p>The thread</p>';
    const controller = run('hackernews', false, 'div.commtext a');
    await frames();
    // A comment parsed: its link badged at once (the newest badges answer it), before the text after it.
    document.body.insertAdjacentHTML('beforeend', '<div class="commtext"><a href="https://arxiv.org/abs/2506.06276">paper</a> is good</div>');
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    expect(document.querySelector('dpl-paper-badge')!.nextSibling!.textContent).toBe(' is good');
    // An older id: asked about, badged when its answer comes, the page still parsed; an unknown one never.
    document.body.insertAdjacentHTML('beforeend', '<div class="commtext"><a href="https://arxiv.org/abs/2501.00042">older</a>, <a href="https://arxiv.org/abs/2501.00077">unknown</a></div>');
    await vi.waitFor(() => expect(badged()).toHaveLength(2));
    // A link the selector leaves out waits for DOMContentLoaded.
    document.body.insertAdjacentHTML('beforeend', '<p><a href="https://arxiv.org/pdf/2506.06276v2">elsewhere</a></p>');
    await frames();
    expect(badged()).toHaveLength(2);
    expect(document.readyState).toBe('loading');
    // DOMContentLoaded reads the whole page: the rest, and nothing twice.
    page.parsed();
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276', 'https://arxiv.org/abs/2501.00042', 'https://arxiv.org/pdf/2506.06276v2']));
    controller.abort();
  });

  it('badges nothing before DOMContentLoaded without whileParsed', async () => {
    asked.mockImplementation(answer(false));
    const page = stillParsed();
    const controller = run('hackernews');
    document.body.innerHTML = '<div class="commtext"><a href="https://arxiv.org/abs/2506.06276">paper</a></div>';
    await frames();
    expect(badged()).toEqual([]);
    page.parsed();
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    controller.abort();
  });

  it('badges nothing when the site is off', async () => {
    asked.mockResolvedValue({ enabled: false, highlightThreshold: 0, badges: [] } as never);
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    const controller = run('hackernews');
    await frames();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276v3">again</a>');
    await frames();
    expect(badged()).toEqual([]);
    controller.abort();
  });
});
