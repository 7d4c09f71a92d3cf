// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { watchAddedContent } from '../../../../lib/sites/kit/added-content';
import { LinkBadges } from '../../../../lib/sites/kit/link-badges';
import { findPaperLinks } from '../../../../lib/sites/kit/paper-links';

const KNOWN: Record<string, number> = { '2506.06276': 12, '2404.02905': 3 };

/** Ids whose badge is not known yet (asked of the background, not answered). */
const asking = new Set<string>();

function setUp(html: string) {
  document.body.innerHTML = html;
  asking.clear();
  const badges = new LinkBadges({
    find: (root) => findPaperLinks(root),
    badgeOf: (id) => (asking.has(id) ? undefined : id in KNOWN ? { id, upvotes: KNOWN[id]! } : null),
    mount: ({ link }, paper) => {
      const host = document.createElement('dpl-paper-badge');
      host.textContent = String(paper.upvotes);
      link.after(host);
      return host;
    },
  });
  return badges;
}

const hosts = () => [...document.querySelectorAll('dpl-paper-badge')].map((host) => `${(host.previousElementSibling as HTMLAnchorElement).href} ${host.textContent}`);

describe('LinkBadges', () => {
  it('badges each link the local copy knows, once, however often the page is read', () => {
    const badges = setUp('<a href="https://arxiv.org/abs/2506.06276">a</a> <a href="https://arxiv.org/abs/2501.00077">unknown</a> <a href="https://huggingface.co/papers/2404.02905">b</a>');
    expect(badges.badge(document)).toBe(2);
    expect(badges.badge(document)).toBe(0);
    expect(hosts()).toEqual(['https://arxiv.org/abs/2506.06276 12', 'https://huggingface.co/papers/2404.02905 3']);
    expect(badges.count).toBe(2);
  });

  it('badges only the links `only` takes, and leaves the others for a later read', () => {
    const badges = setUp('<a href="https://arxiv.org/abs/2506.06276">a</a> <a href="https://huggingface.co/papers/2404.02905">b</a>');
    expect(badges.badge(document, ({ id }) => id === '2404.02905')).toBe(1);
    expect(hosts()).toEqual(['https://huggingface.co/papers/2404.02905 3']);
    expect(badges.badge(document)).toBe(1);
    expect(hosts()).toEqual(['https://arxiv.org/abs/2506.06276 12', 'https://huggingface.co/papers/2404.02905 3']);
  });

  it('takes every badge away at once, and badges afresh after', () => {
    const badges = setUp('<a href="https://arxiv.org/abs/2506.06276">a</a>');
    badges.badge(document);
    badges.clear();
    expect(hosts()).toEqual([]);
    expect(badges.count).toBe(0);
    expect(badges.badge(document)).toBe(1);
  });

  it('leaves a link whose badge is not known yet waiting, and badges it once, when known, unless it left the page', () => {
    const badges = setUp('<a href="https://arxiv.org/abs/2506.06276">a</a> <a href="https://huggingface.co/papers/2404.02905">b</a> <a href="https://arxiv.org/abs/2501.00077">unknown</a>');
    asking.add('2506.06276').add('2404.02905').add('2501.00077');
    expect(badges.badge(document)).toBe(0);
    // Read again while still unknown: still waiting, once.
    expect(badges.badge(document)).toBe(0);
    document.querySelector('a[href*="2404.02905"]')!.remove();
    asking.clear();
    expect(badges.retry()).toBe(1);
    expect(hosts()).toEqual(['https://arxiv.org/abs/2506.06276 12']);
    expect(badges.retry()).toBe(0);
    expect(badges.badge(document)).toBe(0);
    expect(hosts()).toHaveLength(1);
  });

  it('a retry before the answer keeps the link waiting; turning off forgets it', () => {
    const badges = setUp('<a href="https://arxiv.org/abs/2506.06276">a</a>');
    asking.add('2506.06276');
    badges.badge(document);
    expect(badges.retry()).toBe(0);
    badges.clear();
    asking.clear();
    expect(badges.retry()).toBe(0);
    expect(hosts()).toEqual([]);
  });
});

describe('watchAddedContent', () => {
  it('hands on what was added once a frame, outermost elements only, never the extension own elements', async () => {
    document.body.innerHTML = '<main></main>';
    const frames: (() => void)[] = [];
    const seen: string[][] = [];
    const stop = new AbortController();
    watchAddedContent(document.body, (added) => seen.push(added.map((el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ''))), stop.signal, {
      ownTags: ['dpl-paper-badge'],
      schedule: (callback) => void frames.push(callback),
    });
    const main = document.querySelector('main')!;
    for (let i = 0; i < 20; i++) {
      const post = document.createElement('article');
      post.id = `p${i}`;
      main.append(post);
      post.append(document.createElement('p'));
    }
    main.append(document.createElement('dpl-paper-badge'));
    await Promise.resolve();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([Array.from({ length: 20 }, (_, i) => `article#p${i}`)]);

    stop.abort();
    main.append(document.createElement('article'));
    await Promise.resolve();
    expect(frames).toHaveLength(0);
  });

  it('reports nothing for a batch whose elements left the page before the frame', async () => {
    document.body.innerHTML = '';
    const onAdded = vi.fn();
    const frames: (() => void)[] = [];
    watchAddedContent(document.body, onAdded, new AbortController().signal, { ownTags: [], schedule: (callback) => void frames.push(callback) });
    const gone = document.createElement('div');
    document.body.append(gone);
    await Promise.resolve();
    gone.remove();
    frames.shift()!();
    expect(onAdded).not.toHaveBeenCalled();
  });
});
