import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_STATE, firstListedDay, initialUiState, parseUiState } from '../../../lib/popup/popup-view';
import { formatRoute, parseRoute } from '../../../lib/shared/popup-route';

describe('parseRoute / formatRoute', () => {
  it.each([
    ['#day=2025-06-09', { kind: 'day', date: '2025-06-09' }],
    ['#week=2025-06-11', { kind: 'week', date: '2025-06-11' }],
    ['#saved', { kind: 'saved' }],
    ['#trending', { kind: 'trending' }],
    ['#today', { kind: 'today' }],
    ['day=2025-06-09', { kind: 'day', date: '2025-06-09' }],
  ])('reads %s', (hash, view) => {
    expect(parseRoute(hash)).toEqual(view);
  });

  it.each(['', '#', '#day=2025-02-30', '#day=yesterday', '#day=2025-06-09&x=1', '#<img src=x onerror=alert(1)>', '#settings'])(
    'ignores %s',
    (hash) => {
      expect(parseRoute(hash)).toBeUndefined();
    },
  );

  it('writes what it reads', () => {
    for (const hash of ['#day=2025-06-09', '#week=2025-06-09', '#saved', '#trending', '#today']) {
      expect(formatRoute(parseRoute(hash)!)).toBe(hash);
    }
  });
});

describe('parseUiState', () => {
  it('keeps a good state', () => {
    const state = { view: { kind: 'day', date: '2025-06-09' }, order: 'rising', query: 'flows' };
    expect(parseUiState(state)).toEqual(state);
  });
  it('repairs a damaged one field by field', () => {
    expect(parseUiState({ view: { kind: 'day', date: 'soon' }, order: 'sideways', query: 42 })).toEqual(DEFAULT_UI_STATE);
    expect(parseUiState('junk')).toEqual(DEFAULT_UI_STATE);
    expect(parseUiState({ query: 'x'.repeat(400) }).query).toHaveLength(250);
  });
});

describe('initialUiState', () => {
  const kept = { view: { kind: 'trending' as const }, order: 'top' as const, query: 'flows' };
  it('follows the address when it names a view', () => {
    expect(initialUiState('#day=2025-06-09', kept)).toEqual({ view: { kind: 'day', date: '2025-06-09' }, order: 'top', query: '' });
  });
  it('else comes back to the kept state, else to today', () => {
    expect(initialUiState('', kept)).toEqual(kept);
    expect(initialUiState('', undefined)).toEqual(DEFAULT_UI_STATE);
  });
});

describe('firstListedDay', () => {
  const now = Date.parse('2025-06-11T23:59:00Z');
  it('is the day a day view lists first, today for Today, and nothing for the other views or a search', () => {
    expect(firstListedDay(DEFAULT_UI_STATE, now)).toBe('2025-06-11');
    expect(firstListedDay({ ...DEFAULT_UI_STATE, view: { kind: 'day', date: '2025-06-07' } }, now)).toBe('2025-06-07');
    expect(firstListedDay({ ...DEFAULT_UI_STATE, view: { kind: 'week', date: '2025-06-07' } }, now)).toBeUndefined();
    expect(firstListedDay({ ...DEFAULT_UI_STATE, view: { kind: 'saved' } }, now)).toBeUndefined();
    expect(firstListedDay({ ...DEFAULT_UI_STATE, query: 'flow' }, now)).toBeUndefined();
  });
});
