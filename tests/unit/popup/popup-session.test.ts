import { describe, expect, it } from 'vitest';
import { isNewSince, isSameSession, nextPopupOpened, SESSION_GAP_MS } from '../../../lib/popup/popup-session';

const T = Date.parse('2025-06-11T08:00:00Z');

describe('nextPopupOpened', () => {
  it('marks nothing new at the very first opening', () => {
    expect(nextPopupOpened(undefined, T)).toEqual({ lastOpenedAt: T });
  });
  it('starts a new session after a long gap: new means since the previous opening', () => {
    expect(nextPopupOpened({ lastOpenedAt: T - 5 * 3_600_000, since: T - 48 * 3_600_000 }, T)).toEqual({ lastOpenedAt: T, since: T - 5 * 3_600_000 });
  });
  it('keeps the session’s reference when reopened soon (after opening a link)', () => {
    const first = nextPopupOpened({ lastOpenedAt: T - 10 * 3_600_000 }, T);
    const again = nextPopupOpened(first, T + 60_000);
    expect(again).toEqual({ lastOpenedAt: T + 60_000, since: T - 10 * 3_600_000 });
  });
  it('reads a damaged record as none', () => {
    expect(nextPopupOpened({ lastOpenedAt: 'yesterday' }, T)).toEqual({ lastOpenedAt: T });
    expect(nextPopupOpened({ lastOpenedAt: T - SESSION_GAP_MS * 3, since: 'x' }, T)).toEqual({ lastOpenedAt: T, since: T - SESSION_GAP_MS * 3 });
  });
});

describe('isSameSession / isNewSince', () => {
  it('has a half-hour session, and a clock set back starts a new one', () => {
    expect(isSameSession(T - SESSION_GAP_MS + 1, T)).toBe(true);
    expect(isSameSession(T - SESSION_GAP_MS, T)).toBe(false);
    expect(isSameSession(T + 1000, T)).toBe(false);
    expect(isSameSession(undefined, T)).toBe(false);
  });
  it('calls a paper new when first seen after the reference', () => {
    expect(isNewSince(T + 1, T)).toBe(true);
    expect(isNewSince(T, T)).toBe(false);
    expect(isNewSince(undefined, T)).toBe(false);
    expect(isNewSince(T + 1, undefined)).toBe(false);
  });
});
