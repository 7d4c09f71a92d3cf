import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../lib/shared/numbers';

describe('formatCount', () => {
  it('groups thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 1_234_567_890, -4_321, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
  it('leaves fractions and non-numbers to toLocaleString', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
