// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GithubOverlay, MUTATION_SETTLE_MS, NAVIGATION_TIMEOUT_MS } from '../../../../lib/sites/github/overlay';
import { PageView } from '../../../../lib/sites/github/page-view';
import { NAVIGATION_ENDS, NAVIGATION_STARTS } from '../../../../lib/sites/github/soft-navigation';
import { afterPass, badgesByLink, fakeLookups, fakeUi, markdownWithLinks, overview } from './overlay-fakes';
import { repoPage2026 } from '../../../fixtures/github/repo-page-2026';
import { parsingDocument } from '../../support/parsing-document';

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

  describe('a repository’s home page while it is parsed (earlyRepo)', () => {
    const repository = { owner: 'lens-fixtures', name: 'repo-a' };
    const KEY = 'lens-fixtures/repo-a';
    const stored = [overview('2506.00001', 50, { githubRepoKey: KEY }), overview('2506.00002', 20, { githubRepoKey: KEY })];

    /** The home page being parsed, an overlay on it (not started: DOMContentLoaded starts it), and frames the test runs. */
    function parsingHome(url = `https://github.com/${KEY}`) {
      const parsing = parsingDocument(repoPage2026({ repository, description: 'x', readme: '' }));
      const ui = fakeUi(parsing.doc);
      const fake = fakeLookups(stored);
      const queue: (() => void)[] = [];
      const errors: unknown[] = [];
      overlay = new GithubOverlay({
        doc: parsing.doc,
        location: () => url,
        lookups: fake.lookups,
        ui,
        timers: { setTimeout: (handler, ms) => window.setTimeout(handler, ms), clearTimeout: (id) => window.clearTimeout(id) },
        frame: (check) => void queue.push(check),
        onError: (error) => errors.push(error),
      });
      const frame = () => queue.splice(0).forEach((check) => check());
      const about = () => [...parsing.doc.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'About')?.parentElement;
      const cards = () => [...parsing.doc.querySelectorAll('dpl-repo-papers')];
      /** Parses a node at a time, a frame after each, until the card is in (true) or the page is whole (false). */
      const parseToCard = () => parsing.parseUntil(() => (frame(), cards().length > 0));
      return { parsing, ui, fake, errors, frame, about, cards, parseToCard };
    }

    it('puts the papers at the About box’s end as soon as the parser closes it, and the first page view takes them over: one card, one question', async () => {
      const { parsing, ui, fake, about, cards, parseToCard, errors } = parsingHome();
      overlay!.earlyRepo(KEY, Promise.resolve(true), new AbortController().signal);
      expect(fake.repoCalls.map((call) => call.args)).toEqual([[KEY]]);
      await fake.answerAll();
      expect(parseToCard()).toBe(true);
      const card = cards()[0]!;
      expect(parsing.doc.readyState).toBe('loading');
      expect(card.parentElement).toBe(about());
      expect(card.parentElement!.lastElementChild).toBe(card);
      expect(card.textContent).toBe('2506.00001,2506.00002');

      parsing.loaded();
      overlay!.start();
      await settle();
      expect(cards()).toEqual([card]);
      expect(ui.mounts).toBe(1);
      expect(fake.repoCalls).toHaveLength(1);
      expect(errors).toEqual([]);
    });

    it('an answer still on its way when the page view begins is taken over, not asked again', async () => {
      const { parsing, fake, cards, about } = parsingHome();
      overlay!.earlyRepo(KEY, Promise.resolve(true), new AbortController().signal);
      parsing.loaded();
      overlay!.start();
      await fake.answerAll();
      await settle();
      expect(fake.repoCalls).toHaveLength(1);
      expect(cards()).toHaveLength(1);
      expect(cards()[0]!.parentElement).toBe(about());
    });

    it('shows nothing while the site is off, and takes the card away when the switch moves or the script leaves', async () => {
      const off = parsingHome();
      overlay!.earlyRepo(KEY, Promise.resolve(false), new AbortController().signal);
      await off.fake.answerAll();
      expect(off.parseToCard()).toBe(false);
      overlay!.stop();

      const switched = parsingHome();
      const signal = new AbortController();
      overlay!.earlyRepo(KEY, Promise.resolve(true), signal.signal);
      await switched.fake.answerAll();
      expect(switched.parseToCard()).toBe(true);
      signal.abort();
      expect(switched.cards()).toHaveLength(0);
      switched.parsing.loaded();
      overlay!.start();
      await switched.fake.answerAll();
      await settle();
      // The page view asks for itself (the early question was dropped with the card) and puts its own.
      expect(switched.fake.repoCalls).toHaveLength(2);
      expect(switched.cards()).toHaveLength(1);
    });

    it('a page whose <head> names another repository than its URL loses the early card once the page view begins', async () => {
      // The URL said lens-fixtures/repo-a; the page's <head> names repo-b: the page view trusts neither.
      const { parsing, fake, cards, parseToCard } = parsingHome();
      parsing.doc.querySelector('meta[name="octolytics-dimension-repository_nwo"]')!.setAttribute('content', 'lens-fixtures/repo-b');
      overlay!.earlyRepo(KEY, Promise.resolve(true), new AbortController().signal);
      await fake.answerAll();
      expect(parseToCard()).toBe(true);
      parsing.loaded();
      overlay!.start();
      await fake.answerAll();
      await settle();
      expect(cards()).toHaveLength(0);
      expect(fake.repoCalls.map((call) => call.args)).toEqual([[KEY]]);
    });
  });
});
