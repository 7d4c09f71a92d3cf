import { describe, expect, it } from 'vitest';
import { addDays, isUtcDay, lastDays, utcDay } from '../../../lib/shared/utc-day';

describe('UTC days', () => {
  it('names the UTC day of a moment', () => {
    expect(utcDay(Date.parse('2025-06-09T00:00:00Z'))).toBe('2025-06-09');
    expect(utcDay(Date.parse('2025-06-09T23:59:59.999Z'))).toBe('2025-06-09');
    expect(utcDay(Date.parse('2025-06-09T20:00:00-05:00'))).toBe('2025-06-10');
  });

  it('checks the YYYY-MM-DD form and the calendar', () => {
    expect(isUtcDay('2025-06-09')).toBe(true);
    expect(isUtcDay('2024-02-29')).toBe(true);
    for (const text of ['2025-02-29', '2025-13-01', '2025-06-32', '2025-00-10', '2025-6-9', '2025-06-09T00:00:00Z', '', 'today']) {
      expect(isUtcDay(text), text).toBe(false);
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-06-09', 1)).toBe('2025-06-10');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-06-09', 0)).toBe('2025-06-09');
  });

  it('lists the last days, newest first, today included', () => {
    expect(lastDays(Date.parse('2025-03-02T08:00:00Z'), 4)).toEqual(['2025-03-02', '2025-03-01', '2025-02-28', '2025-02-27']);
    expect(lastDays(Date.parse('2025-06-09T12:00:00Z'), 30)).toHaveLength(30);
  });
});
