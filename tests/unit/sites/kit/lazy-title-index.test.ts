import { describe, expect, it, vi } from 'vitest';
import { LazyTitleIndex } from '../../../../lib/sites/kit/lazy-title-index';
import { encodeTitleIndex } from '../../../../lib/shared/title-index';

const TITLES = encodeTitleIndex([{ id: '2506.06276', title: 'STARFlow: Scaling Latent Normalizing Flows' }]);

describe('LazyTitleIndex', () => {
  it('asks for the titles only when a title is first matched, once, and lets the page be read again when they come', async () => {
    const fetch = vi.fn(async () => TITLES);
    const arrived = vi.fn();
    const titles = new LazyTitleIndex(fetch, arrived);
    expect(fetch).not.toHaveBeenCalled();
    expect(titles.match('STARFlow: Scaling Latent Normalizing Flows')).toBeUndefined();
    expect(titles.match('Another title')).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(arrived).toHaveBeenCalledTimes(1));
    expect(titles.match('starflow  scaling latent normalizing flows')).toBe('2506.06276');
    expect(titles.match('Another title')).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('counts a failed ask as an empty index: no retry, no reading again, nothing thrown', async () => {
    const fetch = vi.fn(async () => Promise.reject(new Error('worker gone')));
    const arrived = vi.fn();
    const titles = new LazyTitleIndex(fetch, arrived);
    expect(titles.match('STARFlow: Scaling Latent Normalizing Flows')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(titles.match('STARFlow: Scaling Latent Normalizing Flows')).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(arrived).not.toHaveBeenCalled();
  });
});
