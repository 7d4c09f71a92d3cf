// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLinkSite } from '../../../../components/sites/kit/link-site';
import { findPaperLinks } from '../../../../lib/sites/kit/paper-links';
import { sendRequest } from '../../../../lib/shared/messages';
import { encodeTitleIndex, TitleIndex, type TitleMatcher } from '../../../../lib/shared/title-index';
import type { PaperMention } from '../../../../lib/sites/kit/link-badges';

vi.mock('../../../../lib/shared/messages', async (original) => ({ ...(await original<typeof import('../../../../lib/shared/messages')>()), sendRequest: vi.fn() }));

const asked = vi.mocked(sendRequest);
const ANSWER = { enabled: true, highlightThreshold: 0, index: '2506.06276 12 3' };
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

function run(site: 'hackernews' | 'x') {
  const controller = new AbortController();
  void runLinkSite({ signal: controller.signal, isInvalid: false }, { site, css: '', find, watchAdded: true });
  return controller;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('runLinkSite', () => {
  it('asks for the badge index at once, and badges the paper links of the page and of what is added', async () => {
    asked.mockResolvedValue(ANSWER as never);
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a><a href="https://example.org/">elsewhere</a>';
    const controller = run('hackernews');
    expect(asked).toHaveBeenCalledWith({ type: 'badgeIndex', site: 'hackernews' });
    await vi.waitFor(() => expect(badged()).toEqual(['https://arxiv.org/abs/2506.06276']));
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/pdf/2506.06276v2">pdf</a>');
    await vi.waitFor(() => expect(badged()).toHaveLength(2));
    expect(asked).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(badged()).toEqual([]);
  });

  it('asks the background about the titles the page shows (byTitle): those of a pass in one message, each once, then badges them', async () => {
    // The background matches them against the titles of the papers it holds (lib/background/request-handler.ts).
    const index = new TitleIndex(TITLES);
    asked.mockImplementation((async (request: { type: string; titles?: string[] }) =>
      request.type === 'matchTitles' ? { ids: request.titles!.map((title) => index.match(title) ?? null) } : { ...ANSWER, byTitle: true }) as never);
    document.body.innerHTML = '<p>No card here.</p>';
    const controller = run('x');
    await frames();
    expect(asked.mock.calls.map(([request]) => request.type)).toEqual(['badgeIndex']);
    document.body.insertAdjacentHTML('beforeend', '<div class="card">STARFlow: Scaling Latent Normalizing Flows</div><div class="card">Another title</div>');
    await vi.waitFor(() => expect(badged()).toEqual(['STARFlow: Scaling Latent Normalizing Flows']));
    document.body.insertAdjacentHTML('beforeend', '<div class="card">starflow scaling latent normalizing flows</div><div class="card">Another title</div>');
    await vi.waitFor(() => expect(badged()).toHaveLength(2));
    await frames();
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { type: 'badgeIndex', site: 'x' },
      { type: 'matchTitles', site: 'x', titles: ['STARFlow: Scaling Latent Normalizing Flows', 'Another title'] },
      { type: 'matchTitles', site: 'x', titles: ['starflow scaling latent normalizing flows'] },
    ]);
    controller.abort();
  });

  it('badges nothing when the site is off', async () => {
    asked.mockResolvedValue({ enabled: false, highlightThreshold: 0, index: '' } as never);
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    const controller = run('hackernews');
    await frames();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276v3">again</a>');
    await frames();
    expect(badged()).toEqual([]);
    controller.abort();
  });
});
