/**
 * The day boundary: Daily Papers days are UTC days whatever the person's time zone. Run the same
 * moments under time zones on both sides of UTC and get the same days and the same plan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planSync } from '../../../lib/background/sync/plan';
import { lastDays, utcDay } from '../../../lib/shared/utc-day';

const ORIGINAL_TZ = process.env.TZ;
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/Los_Angeles'];
// Just before and just after midnight UTC, when local calendars disagree with UTC.
const MOMENTS = [Date.parse('2026-11-23T23:59:30Z'), Date.parse('2026-11-24T00:00:30Z'), Date.parse('2026-03-08T10:30:00Z')];

afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

describe('the day boundary is UTC, whatever the time zone', () => {
  it('utcDay and lastDays give the same days in every zone', () => {
    const reference = MOMENTS.map((now) => [utcDay(now), lastDays(now, 3)]);
    const localDates = new Set<number>();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      localDates.add(new Date(MOMENTS[0]!).getDate());
      expect(MOMENTS.map((now) => [utcDay(now), lastDays(now, 3)]), zone).toEqual(reference);
    }
    // The zones really differed: local calendars disagreed about the day.
    expect(localDates.size).toBeGreaterThan(1);
    expect(reference[0]![0]).toBe('2026-11-23');
    expect(reference[1]![0]).toBe('2026-11-24');
  });

  it('the sync plans the same days in every zone, switching exactly at midnight UTC', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      const before = planSync({ now: MOMENTS[0]!, backfillDays: 2, days: [] });
      const after = planSync({ now: MOMENTS[1]!, backfillDays: 2, days: [] });
      expect(before, zone).toEqual([{ kind: 'day', date: '2026-11-23' }, { kind: 'trending' }, { kind: 'day', date: '2026-11-22' }]);
      expect(after, zone).toEqual([{ kind: 'day', date: '2026-11-24' }, { kind: 'trending' }, { kind: 'day', date: '2026-11-23' }]);
    }
  });
});
