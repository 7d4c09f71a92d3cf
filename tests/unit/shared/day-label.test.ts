import { describe, expect, it } from 'vitest';
import { dayLabel, isWeekendDay, weekLabel } from '../../../lib/shared/day-label';

describe('day labels', () => {
  it('names a day by its UTC date, whatever the local zone', () => {
    expect(dayLabel('2025-06-09')).toBe('Mon 9 Jun');
    expect(weekLabel('2025-06-09', '2025-06-15')).toBe('9 Jun – 15 Jun 2025');
  });
  it('knows weekends', () => {
    expect(isWeekendDay('2025-06-07')).toBe(true);
    expect(isWeekendDay('2025-06-08')).toBe(true);
    expect(isWeekendDay('2025-06-09')).toBe(false);
  });
});
