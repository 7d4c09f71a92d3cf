import { describe, expect, it } from 'vitest';
import {
  KEPT_FIRST_SCREEN_MAX_AGE_MS,
  keepFirstScreen,
  readKeptFirstScreen,
  sameFirstScreen,
  type FirstScreenAnswers,
} from '../../../lib/popup/kept-first-screen';
import { FIRST_SCREEN_KEY } from '../../../lib/shared/storage-keys';
import { makePaper } from '../support/builders';

const NOW = Date.parse('2025-06-09T09:00:00Z');

/** A page's localStorage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

function answers(overrides: Partial<FirstScreenAnswers> = {}): FirstScreenAnswers {
  return {
    list: {
      listDay: '2025-06-09',
      previous: '2025-06-06',
      papers: [makePaper({ id: '2506.00002', upvotes: 40 }), makePaper({ id: '2506.00001', upvotes: 12 })],
    },
    userStates: new Map([
      ['2506.00001', { id: '2506.00001', readAt: 5 }],
      ['2412.99999', { id: '2412.99999', savedAt: 3 }],
    ]),
    syncState: { running: false, lastSuccessAt: NOW - 60_000 },
    ...overrides,
  };
}

describe('the kept first screen', () => {
  it('keeps a day’s list without abstracts, the marks of its papers only, and the sync state; read back for that day', () => {
    const storage = memoryStorage();
    keepFirstScreen(storage, '2025-06-09', answers(), NOW);
    const text = storage.getItem(FIRST_SCREEN_KEY)!;
    expect(text).not.toContain(makePaper().summary.slice(0, 40));
    expect(text).not.toContain('2412.99999');

    const kept = readKeptFirstScreen(storage, '2025-06-09', NOW + 1_000)!;
    expect(kept.day).toBe('2025-06-09');
    expect(kept.list).toMatchObject({ listDay: '2025-06-09', previous: '2025-06-06' });
    expect(kept.list.papers.map((p) => [p.id, p.upvotes, p.summary])).toEqual([
      ['2506.00002', 40, undefined],
      ['2506.00001', 12, undefined],
    ]);
    expect([...kept.userStates.values()]).toEqual([{ id: '2506.00001', readAt: 5 }]);
    expect(kept.syncState).toEqual({ running: false, lastSuccessAt: NOW - 60_000 });
  });

  it('serves only the day it was kept for, and not when too old, or written in the future (a clock set back)', () => {
    const storage = memoryStorage();
    keepFirstScreen(storage, '2025-06-09', answers(), NOW);
    expect(readKeptFirstScreen(storage, '2025-06-10', NOW)).toBeUndefined();
    expect(readKeptFirstScreen(storage, '2025-06-09', NOW + KEPT_FIRST_SCREEN_MAX_AGE_MS + 1)).toBeUndefined();
    expect(readKeptFirstScreen(storage, '2025-06-09', NOW - 1)).toBeUndefined();
    expect(readKeptFirstScreen(undefined, '2025-06-09', NOW)).toBeUndefined();
  });

  it('ignores a damaged or foreign entry instead of drawing it', () => {
    const storage = memoryStorage();
    const kept = () => readKeptFirstScreen(storage, '2025-06-09', NOW);
    keepFirstScreen(storage, '2025-06-09', answers(), NOW);
    const good = JSON.parse(storage.getItem(FIRST_SCREEN_KEY)!) as Record<string, unknown>;
    const variants: unknown[] = [
      '{not json',
      null,
      [],
      { ...good, v: 2 },
      { ...good, savedAt: 'yesterday' },
      { ...good, list: { ...(good.list as object), papers: [{ id: 7, title: 'x', authors: [], upvotes: 1 }] } },
      { ...good, list: { ...(good.list as object), papers: [{ id: '1', title: '<b>x</b>', authors: [1], upvotes: 1 }] } },
      { ...good, list: { ...(good.list as object), listDay: 'javascript:alert(1)' } },
      { ...good, marks: [{ readAt: 1 }] },
      { ...good, syncState: { running: 'yes' } },
    ];
    for (const variant of variants) {
      storage.setItem(FIRST_SCREEN_KEY, typeof variant === 'string' ? variant : JSON.stringify(variant));
      expect(kept(), JSON.stringify(variant).slice(0, 80)).toBeUndefined();
    }
  });

  it('never throws when the storage refuses (full), and keeps nothing rather than a huge list', () => {
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => keepFirstScreen(full, '2025-06-09', answers(), NOW)).not.toThrow();

    const storage = memoryStorage();
    keepFirstScreen(storage, '2025-06-09', answers(), NOW);
    const huge = answers({ list: { listDay: '2025-06-09', papers: Array.from({ length: 400 }, (_, i) => makePaper({ id: `2506.${String(i).padStart(5, '0')}`, title: 'A long title '.repeat(60) })) } });
    keepFirstScreen(storage, '2025-06-09', huge, NOW);
    expect(storage.getItem(FIRST_SCREEN_KEY)).toBeNull();
  });

  it('tells whether the database’s answers show what the kept screen showed', () => {
    const storage = memoryStorage();
    keepFirstScreen(storage, '2025-06-09', answers(), NOW);
    const kept = readKeptFirstScreen(storage, '2025-06-09', NOW)!;
    // The same answers, abstracts and marks of other papers included: the same screen.
    expect(sameFirstScreen(kept, answers())).toBe(true);
    expect(sameFirstScreen(kept, answers({ userStates: new Map([['2506.00001', { id: '2506.00001', readAt: 5 }]]) }))).toBe(true);
    // A count moved, a mark changed, the order changed, the sync ran: replaced.
    const moved = answers();
    moved.list.papers[1] = makePaper({ id: '2506.00001', upvotes: 13 });
    expect(sameFirstScreen(kept, moved)).toBe(false);
    expect(sameFirstScreen(kept, answers({ userStates: new Map([['2506.00001', { id: '2506.00001', readAt: 5, savedAt: 9 }]]) }))).toBe(false);
    const reordered = answers();
    reordered.list.papers.reverse();
    expect(sameFirstScreen(kept, reordered)).toBe(false);
    expect(sameFirstScreen(kept, answers({ syncState: { running: false, lastSuccessAt: NOW } }))).toBe(false);
  });
});
