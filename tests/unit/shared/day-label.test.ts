import { describe, expect, it } from 'vitest';
import { dateLabel, dayLabel, isWeekendDay, weekLabel } from '../../../lib/shared/day-label';

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

describe('day labels written out', () => {
  it('spell every day of a leap year as Intl en-GB does (the card no longer sets Intl up)', () => {
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2025, 0, 1); time += 86_400_000) {
      const day = new Date(time).toISOString().slice(0, 10);
      expect(dayLabel(day)).toBe(weekday.format(time).replace(',', ''));
      expect(dateLabel(day)).toBe(full.format(time));
      expect(dateLabel(`${day}T23:59:59.000Z`)).toBe(full.format(time));
    }
  });
  it('answers nothing for a date it cannot read, and refuses a day that is none', () => {
    expect(dateLabel('June 6')).toBeUndefined();
    expect(dateLabel('2025-13-45')).toBeUndefined();
    expect(() => dayLabel('soon')).toThrow(RangeError);
  });
});
