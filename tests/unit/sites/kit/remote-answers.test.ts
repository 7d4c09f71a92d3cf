import { describe, expect, it, vi } from 'vitest';
import { KEYS_PER_PAGE_MAX, LinkAnswers, NONE_FOR_MS, RemoteAnswers, RemoteTitles } from '../../../../lib/sites/kit/remote-answers';
import { MAX_LINK_BADGE_IDS, MAX_MATCH_TITLES, MAX_MATCHED_TITLE, type PaperBadge } from '../../../../lib/shared/messages';
import { NewestBadges } from '../../../../lib/shared/badge-index';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const BADGE: PaperBadge = { id: '2506.06276', upvotes: 21, numComments: 2 };
const LIMITS = { perMessage: 3, longest: 10 };

describe('RemoteAnswers', () => {
  it('asks about the keys of a pass in one message, each once; unknown until answered; `arrived` only when one names a paper', async () => {
    const ask = vi.fn(async (keys: string[]) => keys.map((key) => (key === 'known' ? 7 : null)));
    const arrived = vi.fn();
    const answers = new RemoteAnswers<number>(ask, arrived, LIMITS);
    expect([answers.get('known'), answers.get('unknown'), answers.get('known')]).toEqual([undefined, undefined, undefined]);
    await settle();
    expect(ask.mock.calls).toEqual([[['known', 'unknown']]]);
    expect(arrived).toHaveBeenCalledTimes(1);
    expect([answers.get('known'), answers.get('unknown')]).toEqual([7, null]);
    // Answered keys are never asked again; a message naming nothing does not call `arrived`.
    answers.get('other');
    await settle();
    expect(ask.mock.calls.slice(1)).toEqual([[['other']]]);
    expect(arrived).toHaveBeenCalledTimes(1);
  });

  it('asks in messages of at most `perMessage`, never a blank or overlong key, and counts a failed ask as none', async () => {
    const ask = vi.fn(async (keys: string[]) => {
      if (keys.includes('k0')) throw new Error('the worker went away');
      return keys.map(() => 1);
    });
    const answers = new RemoteAnswers<number>(ask, vi.fn(), LIMITS);
    for (let i = 0; i < 4; i++) answers.get(`k${i}`);
    expect(answers.get('   ')).toBeNull();
    expect(answers.get('x'.repeat(11))).toBeNull();
    // Asked and not answered yet: still unknown, not asked twice.
    expect(answers.get('k0')).toBeUndefined();
    await settle();
    await settle();
    expect(ask.mock.calls).toEqual([[['k0', 'k1', 'k2']], [['k3']]]);
    expect([answers.get('k0'), answers.get('k3')]).toEqual([null, 1]);
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('a short or malformed answer counts as none for the keys it leaves out', async () => {
    const answers = new RemoteAnswers<number>(async () => [5], vi.fn(), LIMITS);
    answers.get('a');
    answers.get('b');
    await settle();
    expect([answers.get('a'), answers.get('b')]).toEqual([5, null]);
  });

  it("asks about at most KEYS_PER_PAGE_MAX keys in a page's life, however many it shows", async () => {
    const ask = vi.fn(async (keys: string[]) => keys.map(() => null));
    const answers = new RemoteAnswers<number>(ask, vi.fn(), { perMessage: 500, longest: 20 });
    for (let i = 0; i < KEYS_PER_PAGE_MAX + 50; i++) answers.get(`key ${i}`);
    await vi.waitFor(() => expect(ask.mock.calls.flatMap(([sent]) => sent)).toHaveLength(KEYS_PER_PAGE_MAX));
    expect(answers.get('one more')).toBeNull();
    await settle();
    expect(ask.mock.calls.flatMap(([sent]) => sent)).toHaveLength(KEYS_PER_PAGE_MAX);
  });

  it('holds "none" (or a failed ask) for NONE_FOR_MS, then asks again when the key is met again; a paper found is kept', async () => {
    let now = 0;
    let listed = false;
    const ask = vi.fn(async (keys: string[]) => keys.map((key) => (key === 'known' || (listed && key === 'later') ? 7 : null)));
    const answers = new RemoteAnswers<number>(ask, vi.fn(), LIMITS, () => now);
    answers.get('known');
    answers.get('later');
    await settle();
    now += NONE_FOR_MS - 1;
    expect([answers.get('known'), answers.get('later')]).toEqual([7, null]);
    // A sync listed it meanwhile.
    listed = true;
    now += 1;
    expect([answers.get('known'), answers.get('later')]).toEqual([7, undefined]);
    await settle();
    expect(ask.mock.calls).toEqual([[['known', 'later']], [['later']]]);
    expect(answers.get('later')).toBe(7);
  });

  it('an answer learned another way is never asked', async () => {
    const ask = vi.fn(async (keys: string[]) => keys.map(() => null));
    const answers = new RemoteAnswers<number>(ask, vi.fn(), LIMITS);
    answers.learn('a', 3);
    expect(answers.get('a')).toBe(3);
    await settle();
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('LinkAnswers and RemoteTitles', () => {
  it('answers the newest papers from the lines the first answer brought, asks about older ids only, and holds the ids met before that answer', async () => {
    const ask = vi.fn(async (ids: string[]) => ids.map((id) => (id === '2501.00042' ? { id, upvotes: 3 } : null)));
    const arrived = vi.fn();
    const answers = new LinkAnswers(ask, arrived);
    // Met while the page is parsed, before the first answer: nothing asked yet.
    expect([answers.get('2506.06276'), answers.get('2501.00042')]).toEqual([undefined, undefined]);
    await settle();
    expect(ask).not.toHaveBeenCalled();
    answers.begin(new NewestBadges('2506.06276 21 2\n2506.09999 4'));
    await settle();
    // The first line's id and every later one are answered in the page; the older one was asked about.
    expect(ask.mock.calls).toEqual([[['2501.00042']]]);
    expect(arrived).toHaveBeenCalledTimes(1);
    expect([answers.get('2506.06276'), answers.get('2506.08000'), answers.get('2611.00001'), answers.get('2501.00042')]).toEqual([BADGE, null, null, { id: '2501.00042', upvotes: 3 }]);
    // An old-style id, or an older new-style one, cannot be told by the newest lines: asked.
    expect([answers.get('hep-th/9901001'), answers.get('1706.03762')]).toEqual([undefined, undefined]);
    await settle();
    expect(ask.mock.calls.slice(1)).toEqual([[['hep-th/9901001', '1706.03762']]]);
  });

  it('says "none" for a newer id for NONE_FOR_MS only: then asks about it (a paper a sync listed since), while the newest badges still answer theirs', async () => {
    let now = 1_000;
    const ask = vi.fn(async (ids: string[]) => ids.map((id) => (id === '2506.08000' ? { id, upvotes: 5 } : null)));
    const answers = new LinkAnswers(ask, vi.fn(), () => now);
    answers.begin(new NewestBadges('2506.06276 21 2'));
    expect(answers.get('2506.07000')).toBeNull();
    now += NONE_FOR_MS;
    expect([answers.get('2506.08000'), answers.get('2506.06276')]).toEqual([undefined, BADGE]);
    await settle();
    expect(ask.mock.calls).toEqual([[['2506.08000']]]);
    expect(answers.get('2506.08000')).toEqual({ id: '2506.08000', upvotes: 5 });
  });

  it("`inSpan` answers from the first answer's span alone and never asks: undefined before it, and for an id outside it", async () => {
    const ask = vi.fn(async (ids: string[]) => ids.map(() => null));
    const answers = new LinkAnswers(ask, vi.fn());
    expect(answers.inSpan('2506.06276')).toBeUndefined();
    answers.begin(new NewestBadges('2506.06276 21 2\n2506.09999 4'));
    expect([answers.inSpan('2506.06276'), answers.inSpan('2506.08000'), answers.inSpan('2501.00042')]).toEqual([BADGE, null, undefined]);
    await settle();
    expect(ask).not.toHaveBeenCalled();
  });

  it('`answered` gives what is known, from the span or an answer, and never asks: undefined until an answer is here', async () => {
    const ask = vi.fn(async (ids: string[]) => ids.map((id) => (id === '2501.00042' ? { id, upvotes: 3, numComments: 0 } : null)));
    const answers = new LinkAnswers(ask, vi.fn());
    expect(answers.answered('2506.06276')).toBeUndefined();
    answers.begin(new NewestBadges('2506.06276 21 2\n2506.09999 4'));
    expect([answers.answered('2506.06276'), answers.answered('2506.08000'), answers.answered('2501.00042')]).toEqual([BADGE, null, undefined]);
    await settle();
    expect(ask).not.toHaveBeenCalled();
    // Asked another way (`get`): once answered, `answered` has it, a none too.
    answers.get('2501.00042');
    answers.get('2501.00043');
    expect(answers.answered('2501.00042')).toBeUndefined();
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect([answers.answered('2501.00042'), answers.answered('2501.00043')]).toEqual([{ id: '2501.00042', upvotes: 3, numComments: 0 }, null]);
  });

  it('with no newest lines (an empty index), asks about every id', async () => {
    const ask = vi.fn(async (ids: string[]) => ids.map(() => null));
    const answers = new LinkAnswers(ask, vi.fn());
    answers.begin(new NewestBadges(''));
    answers.get('2611.00001');
    await settle();
    expect(ask.mock.calls).toEqual([[['2611.00001']]]);
  });

  it("ids go MAX_LINK_BADGE_IDS a message; a title's answer is the badge of the paper it names, read as its id", async () => {
    const askIds = vi.fn(async (ids: string[]) => ids.map(() => null));
    const badges = new LinkAnswers(askIds, vi.fn());
    badges.begin(new NewestBadges(''));
    for (let i = 0; i <= MAX_LINK_BADGE_IDS; i++) badges.get(`2506.${String(i).padStart(5, '0')}`);
    await settle();
    await settle();
    expect(askIds.mock.calls.map(([sent]) => sent.length)).toEqual([MAX_LINK_BADGE_IDS, 1]);

    const askTitles = vi.fn(async (titles: string[]) => titles.map((title) => (title === 'A known paper' ? BADGE : null)));
    const titles = new RemoteTitles(askTitles, vi.fn());
    for (let i = 0; i <= MAX_MATCH_TITLES; i++) titles.match(i ? `Title ${i}` : 'A known paper');
    expect(titles.match('x'.repeat(MAX_MATCHED_TITLE + 1))).toBeUndefined();
    await settle();
    await settle();
    expect(askTitles.mock.calls.map(([sent]) => sent.length)).toEqual([MAX_MATCH_TITLES, 1]);
    expect([titles.match('A known paper'), titles.match('Title 1')]).toEqual(['2506.06276', undefined]);
  });
});
