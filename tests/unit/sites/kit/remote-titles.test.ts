import { describe, expect, it, vi } from 'vitest';
import { RemoteTitles, TITLES_PER_PAGE_MAX } from '../../../../lib/sites/kit/remote-titles';
import { MAX_MATCH_TITLES, MAX_MATCHED_TITLE } from '../../../../lib/shared/messages';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RemoteTitles', () => {
  it('asks about the titles of a pass in one message, then answers them; `arrived` only when one names a paper', async () => {
    const ask = vi.fn(async (titles: string[]) => titles.map((title) => (title === 'A known paper' ? '2506.06276' : null)));
    const arrived = vi.fn();
    const titles = new RemoteTitles(ask, arrived);
    expect([titles.match('A known paper'), titles.match('Unknown'), titles.match('A known paper')]).toEqual([undefined, undefined, undefined]);
    await settle();
    expect(ask.mock.calls).toEqual([[['A known paper', 'Unknown']]]);
    expect(arrived).toHaveBeenCalledTimes(1);
    expect([titles.match('A known paper'), titles.match('Unknown')]).toEqual(['2506.06276', undefined]);
    // Answered titles are never asked again; a pass of only unknown new ones does not read the page again.
    titles.match('Another unknown');
    await settle();
    expect(ask.mock.calls.slice(1)).toEqual([[['Another unknown']]]);
    expect(arrived).toHaveBeenCalledTimes(1);
  });

  it('asks a long page in messages of at most MAX_MATCH_TITLES, never a blank or overlong title, and counts a failed ask as no match', async () => {
    const ask = vi.fn(async (titles: string[]) => {
      if (titles.includes('Title 0')) throw new Error('the worker went away');
      return titles.map(() => null);
    });
    const titles = new RemoteTitles(ask, vi.fn());
    for (let i = 0; i <= MAX_MATCH_TITLES; i++) titles.match(`Title ${i}`);
    titles.match('   ');
    titles.match('x'.repeat(MAX_MATCHED_TITLE + 1));
    await settle();
    await settle();
    expect(ask.mock.calls.map(([sent]) => sent.length)).toEqual([MAX_MATCH_TITLES, 1]);
    // Asked while in flight, or failed: never asked again.
    expect(titles.match('Title 0')).toBeUndefined();
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it("asks about at most TITLES_PER_PAGE_MAX titles in a page's life, however many it shows", async () => {
    const ask = vi.fn(async (titles: string[]) => titles.map(() => null));
    const titles = new RemoteTitles(ask, vi.fn());
    for (let i = 0; i < TITLES_PER_PAGE_MAX + 50; i++) titles.match(`Title ${i}`);
    await vi.waitFor(() => expect(ask.mock.calls.flatMap(([sent]) => sent)).toHaveLength(TITLES_PER_PAGE_MAX));
    titles.match('One more');
    await settle();
    expect(ask.mock.calls.flatMap(([sent]) => sent)).toHaveLength(TITLES_PER_PAGE_MAX);
  });
});
