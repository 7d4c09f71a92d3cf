// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GithubOverlay, MUTATION_SETTLE_MS, NAVIGATION_TIMEOUT_MS } from '../../../../lib/sites/github/overlay';
import { PageView } from '../../../../lib/sites/github/page-view';
import { NAVIGATION_ENDS, NAVIGATION_STARTS } from '../../../../lib/sites/github/soft-navigation';
import { afterPass, badgesByLink, fakeLookups, fakeUi, markdownWithLinks, overview } from './overlay-fakes';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `2506.${String(20_000 + from + i)}`);
const settle = (ms = MUTATION_SETTLE_MS * 3) => new Promise((resolve) => setTimeout(resolve, ms));
const fire = (type: string) => document.documentElement.dispatchEvent(new CustomEvent(type, { bubbles: true }));

let overlay: GithubOverlay | undefined;
afterEach(() => {
  overlay?.stop();
  overlay = undefined;
  document.body.replaceChildren();
});

function start(stored = ids(50).map((id) => overview(id, 7))) {
  const ui = fakeUi(document);
  const fake = fakeLookups(stored);
  // The stored papers are on Daily Papers: the badge index holds them.
  for (const { id, upvotes } of stored) fake.index.set(id, { id, upvotes });
  const errors: unknown[] = [];
  overlay = new GithubOverlay({
    doc: document,
    location: () => 'https://github.com/octocat/hello',
    lookups: fake.lookups,
    ui,
    timers: { setTimeout: (handler, ms) => window.setTimeout(handler, ms), clearTimeout: (id) => window.clearTimeout(id) },
    onError: (error) => errors.push(error),
  });
  overlay.start();
  return { ui, fake, errors };
}

function showPage(ids: string[]) {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids));
}

describe('GithubOverlay', () => {
  it('annotates the page it starts on at once, in one message', async () => {
    showPage(ids(10));
    const { fake } = start();
    await afterPass();
    expect(fake.indexCalls).toHaveLength(1);
    await fake.answerAll();
    await settle();
    expect(badgesByLink(document).map(([, badge]) => badge)).toEqual(ids(10));
  });

  it('annotates late-rendered Markdown, and its own badges do not wake it again', async () => {
    showPage(ids(2));
    const { fake } = start();
    await fake.answerAll();
    await settle();
    const reconcile = vi.spyOn(PageView.prototype, 'reconcile');
    await settle();
    expect(reconcile).not.toHaveBeenCalled();

    document.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids(3, 2)));
    await settle();
    expect(fake.indexCalls).toEqual([ids(2), ids(3, 2)]);
    await fake.answerAll();
    await settle();
    expect(badgesByLink(document).map(([, badge]) => badge)).toEqual([...ids(2), ...ids(3, 2)]);
    const runs = reconcile.mock.calls.length;
    await settle();
    expect(reconcile.mock.calls.length).toBe(runs);
  });

  it.each(NAVIGATION_STARTS)('clears its badges the moment a navigation starts (%s), before Turbo snapshots the page', async (start_) => {
    showPage(ids(3));
    const { fake } = start();
    await fake.answerAll();
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(3);
    fire(start_);
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
  });

  it.each(NAVIGATION_ENDS)('annotates the new page when the navigation ends (%s), dropping the old page’s late answers', async (end) => {
    showPage(ids(2));
    const { fake } = start();
    await afterPass();
    fire('turbo:visit');
    showPage(ids(2, 10));
    await fake.answerAll();
    fire(end);
    await settle();
    expect(fake.indexCalls).toEqual([ids(2), ids(2, 10)]);
    await fake.answerAll();
    await settle();
    expect(badgesByLink(document).map(([, badge]) => badge)).toEqual(ids(2, 10));
  });

  it('one navigation announced by several end events still gives one badge per link', async () => {
    showPage(ids(4));
    const { fake } = start();
    await fake.answerAll();
    fire('soft-nav:start');
    showPage(ids(4));
    fire('soft-nav:end');
    fire('soft-nav:react-done');
    fire('turbo:render');
    fire('turbo:load');
    await settle();
    await fake.answerAll();
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(4);
    expect(badgesByLink(document).map(([, badge]) => badge)).toEqual(ids(4));
  });

  it('does not stay bare when a navigation never announces its end', async () => {
    vi.useFakeTimers();
    try {
      showPage(ids(2));
      const { fake } = start();
      await afterPass();
      fire('turbo:visit');
      expect(fake.indexCalls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(NAVIGATION_TIMEOUT_MS - 100);
      expect(fake.indexCalls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      expect(fake.indexCalls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stop() takes everything away and no event or mutation brings it back', async () => {
    showPage(ids(3));
    const { fake } = start();
    await fake.answerAll();
    await settle();
    overlay!.stop();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    fire('turbo:render');
    document.body.insertAdjacentHTML('beforeend', markdownWithLinks(ids(2, 30)));
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    expect(fake.indexCalls).toHaveLength(1);
    overlay!.start();
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(5);
    expect(fake.indexCalls).toEqual([ids(3), [...ids(3), ...ids(2, 30)]]);
  });

  it('a failing reconcile is reported, never thrown', async () => {
    showPage(ids(1));
    const ui = fakeUi(document);
    ui.inline = () => {
      throw new Error('boom');
    };
    const fake = fakeLookups([overview(ids(1)[0]!)]);
    const errors: unknown[] = [];
    overlay = new GithubOverlay({
      doc: document,
      location: () => 'https://github.com/',
      lookups: fake.lookups,
      ui,
      timers: { setTimeout: (handler, ms) => window.setTimeout(handler, ms), clearTimeout: (id) => window.clearTimeout(id) },
      onError: (error) => errors.push(error),
    });
    overlay.start();
    await fake.answerAll();
    await settle();
    expect(errors).toEqual([new Error('boom')]);
  });
});
