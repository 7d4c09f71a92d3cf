import { describe, expect, it, vi } from 'vitest';
import { LazyBadgeIndex } from '../../../../lib/sites/github/lazy-badge-index';

function setup(answers: (() => Promise<string>)[]) {
  let now = 0;
  const fetch = vi.fn(() => answers.shift()!());
  const index = new LazyBadgeIndex({ fetch, now: () => now, maxAgeMs: 60_000 });
  return { index, fetch, advance: (ms: number) => (now += ms) };
}

describe('LazyBadgeIndex', () => {
  it('asks for nothing until a page wants it', () => {
    const { index, fetch } = setup([]);
    expect(index.get('2506.06276')).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks once however often it is wanted while on its way, then answers without a message', async () => {
    const { index, fetch } = setup([async () => '2506.06276 42 3']);
    const first = index.want();
    expect(first).toBeInstanceOf(Promise);
    expect(index.want()).toBe(first);
    await first;
    expect(index.want()).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(index.get('2506.06276')).toEqual({ id: '2506.06276', upvotes: 42, numComments: 3 });
  });

  it('renews an index older than its maximum age while the old one still serves', async () => {
    const { index, fetch, advance } = setup([async () => '2506.06276 42', async () => '2506.06276 50']);
    await index.want();
    advance(30_000);
    expect(index.want()).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(31_000);
    expect(index.want()).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(index.get('2506.06276')?.upvotes).toBe(42);
    await Promise.resolve();
    await Promise.resolve();
    expect(index.get('2506.06276')?.upvotes).toBe(50);
  });

  it('counts a failed ask as an empty index (the page then asks about its ids), and asks again only when that is old', async () => {
    const { index, fetch, advance } = setup([() => Promise.reject(new Error('worker gone')), async () => '2506.06276 42']);
    await index.want();
    expect(index.want()).toBeUndefined();
    expect(index.get('2506.06276')).toBeUndefined();
    advance(61_000);
    index.want();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
