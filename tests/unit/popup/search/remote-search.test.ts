import { describe, expect, it, vi } from 'vitest';
import { CACHE_TTL_MS, RemoteSearch, searchKey } from '../../../../lib/popup/search/remote-search';
import { makePaper } from '../../support/builders';
import type { HfSearchAnswer } from '../../../../lib/shared/messages';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

function setup(answer: (q: string) => Promise<HfSearchAnswer> = async () => ({ ok: true, papers: [makePaper()] })) {
  let time = 1_000_000;
  const timers: (() => void)[] = [];
  const send = vi.fn(answer);
  const storage = memoryStorage();
  const make = () =>
    new RemoteSearch({
      send,
      now: () => time,
      storage,
      setTimer: (run) => timers.push(run) - 1,
      clearTimer: (id) => {
        timers[id as number] = () => undefined;
      },
    });
  const fire = () => timers.splice(0).forEach((run) => run());
  return { search: make(), make, send, fire, advance: (ms: number) => (time += ms) };
}

describe('RemoteSearch', () => {
  it('sends nothing until the debounce delay has passed', async () => {
    const { search, send, fire } = setup();
    const answer = search.search('normalizing flows');
    expect(send).not.toHaveBeenCalled();
    fire();
    expect(await answer).toEqual({ ok: true, papers: [makePaper()] });
    expect(send).toHaveBeenCalledWith('normalizing flows');
  });

  it('sends one request for a double press, the earlier one superseded', async () => {
    const { search, send, fire } = setup();
    const first = search.search('flows');
    const second = search.search('flows plus');
    fire();
    expect(await first).toEqual({ ok: false, superseded: true });
    expect((await second).ok).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('flows plus');
  });

  it('answers a repeated search from the cache (case and spacing do not matter), until it is stale', async () => {
    const { search, send, fire, advance } = setup();
    const first = search.search('Flows');
    fire();
    await first;
    expect(await search.search('  flows ')).toEqual({ ok: true, papers: [makePaper()] });
    expect(send).toHaveBeenCalledTimes(1);
    advance(CACHE_TTL_MS);
    const again = search.search('flows');
    fire();
    await again;
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps the cache for the next opening of the popup', async () => {
    const { search, make, send, fire } = setup();
    const first = search.search('flows');
    fire();
    await first;
    expect(make().cached('FLOWS')).toEqual([makePaper()]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failure, and turns a dead background into a plain answer', async () => {
    const { search, send, fire } = setup(async () => {
      throw new Error('Could not establish connection');
    });
    const answer = search.search('flows');
    fire();
    expect(await answer).toMatchObject({ ok: false, error: { kind: 'unknown' } });
    expect(search.cached('flows')).toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('answers an empty query with nothing and sends nothing', async () => {
    const { search, send } = setup();
    expect(await search.search('   ')).toEqual({ ok: true, papers: [] });
    expect(send).not.toHaveBeenCalled();
  });

  it('reads a damaged stored cache as empty', () => {
    const storage = { getItem: () => '{not json', setItem: () => undefined };
    const search = new RemoteSearch({ send: vi.fn(), now: () => 0, storage });
    expect(search.cached('flows')).toBeUndefined();
  });
});

describe('searchKey', () => {
  it('ignores case and spacing', () => {
    expect(searchKey('  Normalizing   FLOWS ')).toBe('normalizing flows');
  });
});
