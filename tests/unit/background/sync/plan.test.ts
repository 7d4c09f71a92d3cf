import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../../lib/shared/db';
import { planSync, type SyncTask } from '../../../../lib/background/sync/plan';
import { addDays, lastDays, utcDay } from '../../../../lib/shared/utc-day';
import { HOUR, MINUTE } from '../../support/builders';

/** A Wednesday. */
const NOW = Date.parse('2025-06-11T12:00:00Z');
const TODAY = '2025-06-11';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** What a finished sync at `at` leaves: every day of the window stored, today still open. */
function storedWindow(at: number, backfillDays = 30): DayRecord[] {
  return lastDays(at, backfillDays).map((date) => ({
    date,
    fetchedAt: at,
    count: isWeekend(date) ? 0 : 12,
    dropped: 0,
    status: date === utcDay(at) ? 'open' : 'complete',
  }));
}

const day = (date: string): SyncTask => ({ kind: 'day', date });
const TRENDING: SyncTask = { kind: 'trending' };

/** Writes the outcome of running `tasks` at `at` into the records, as the engine would. */
function apply(days: DayRecord[], tasks: SyncTask[], at: number): DayRecord[] {
  const next = new Map(days.map((d) => [d.date, d]));
  for (const task of tasks) {
    if (task.kind !== 'day') continue;
    const date = task.date;
    next.set(date, {
      date,
      fetchedAt: at,
      count: isWeekend(date) ? 0 : 12,
      dropped: 0,
      status: date < utcDay(at) ? 'complete' : 'open',
    });
  }
  return [...next.values()];
}

describe('planSync', () => {
  it('on a fresh install plans today, trending, then the 29 older days newest first', () => {
    const tasks = planSync({ now: NOW, backfillDays: 30, days: [] });
    expect(tasks).toHaveLength(31);
    expect(tasks.slice(0, 4)).toEqual([day(TODAY), TRENDING, day('2025-06-10'), day('2025-06-09')]);
    expect(tasks.at(-1)).toEqual(day('2025-05-13'));
    const dates = tasks.flatMap((t) => (t.kind === 'day' ? [t.date] : []));
    expect(dates).toEqual(Array.from({ length: 30 }, (_, i) => addDays(TODAY, -i)));
  });

  it('honours a smaller backfill window', () => {
    const tasks = planSync({ now: NOW, backfillDays: 7, days: [] });
    expect(tasks).toHaveLength(8);
    expect(tasks.at(-1)).toEqual(day('2025-06-05'));
  });

  it('plans nothing right after everything was stored', () => {
    expect(planSync({ now: NOW, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW })).toEqual([]);
    expect(
      planSync({ now: NOW + 10 * MINUTE, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW }),
    ).toEqual([]);
  });

  it('30 minutes later plans only today', () => {
    expect(
      planSync({ now: NOW + 30 * MINUTE, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW }),
    ).toEqual([day(TODAY)]);
  });

  it('still finds today due when the 30-minute alarm fires a few minutes early', () => {
    expect(
      planSync({ now: NOW + 26 * MINUTE, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW }),
    ).toEqual([day(TODAY)]);
  });

  it('60 minutes later plans today, the previous list day and trending', () => {
    expect(planSync({ now: NOW + HOUR, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW })).toEqual([
      day(TODAY),
      day('2025-06-10'),
      TRENDING,
    ]);
  });

  it('spends at most 4 calls in any hour when run every 30 minutes for two days, midnights included', () => {
    let days = storedWindow(NOW);
    let trendingFetchedAt = NOW;
    const runs: { at: number; calls: number }[] = [];
    for (let at = NOW + 30 * MINUTE; at <= NOW + 48 * HOUR; at += 30 * MINUTE) {
      const tasks = planSync({ now: at, backfillDays: 30, days, trendingFetchedAt });
      days = apply(days, tasks, at);
      if (tasks.some((t) => t.kind === 'trending')) trendingFetchedAt = at;
      runs.push({ at, calls: tasks.length });
    }
    expect(runs.length).toBe(96);
    for (const { at } of runs) {
      const inHour = runs.filter((r) => r.at > at - HOUR && r.at <= at).reduce((sum, r) => sum + r.calls, 0);
      expect(inHour, new Date(at).toISOString()).toBeLessThanOrEqual(4);
    }
    // …and still refreshes today every run, and finishes the day that ended.
    expect(runs.every((r) => r.calls >= 1)).toBe(true);
    expect(days.find((d) => d.date === '2025-06-12')?.status).toBe('complete');
  });

  it('with force plans today, the previous list day and trending however fresh they are', () => {
    expect(
      planSync({ now: NOW, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW, force: true }),
    ).toEqual([day(TODAY), day('2025-06-10'), TRENDING]);
  });

  it('force does not refetch complete older days', () => {
    const tasks = planSync({ now: NOW, backfillDays: 30, days: storedWindow(NOW), trendingFetchedAt: NOW, force: true });
    expect(tasks).toHaveLength(3);
  });

  it('refetches a day stored as open once it is over', () => {
    const lateYesterday = Date.parse('2025-06-10T23:50:00Z');
    const days = storedWindow(lateYesterday);
    expect(days.find((d) => d.date === '2025-06-10')?.status).toBe('open');
    const tasks = planSync({ now: Date.parse('2025-06-11T00:10:00Z'), backfillDays: 30, days, trendingFetchedAt: lateYesterday });
    expect(tasks).toEqual([day(TODAY), day('2025-06-10')]);
  });

  it('lets a day fetched just before midnight settle a few minutes before refetching it', () => {
    const justBefore = Date.parse('2025-06-10T23:58:00Z');
    const days = storedWindow(justBefore);
    const args = { backfillDays: 30, days, trendingFetchedAt: justBefore };
    expect(planSync({ now: Date.parse('2025-06-11T00:01:00Z'), ...args })).toEqual([day(TODAY)]);
    expect(planSync({ now: Date.parse('2025-06-11T00:30:00Z'), ...args })).toContainEqual(day('2025-06-10'));
  });

  it('plans each day at most once', () => {
    const lateYesterday = Date.parse('2025-06-10T23:00:00Z');
    const tasks = planSync({ now: Date.parse('2025-06-11T00:30:00Z'), backfillDays: 30, days: storedWindow(lateYesterday) });
    const dates = tasks.flatMap((t) => (t.kind === 'day' ? [t.date] : []));
    expect(dates).toEqual([TODAY, '2025-06-10']);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('on a Monday takes Friday as the previous list day, not the empty weekend', () => {
    const monday = Date.parse('2025-06-09T12:00:00Z');
    const days = storedWindow(monday - 2 * HOUR);
    expect(days.find((d) => d.date === '2025-06-08')?.count).toBe(0);
    const tasks = planSync({ now: monday, backfillDays: 30, days, trendingFetchedAt: monday - 2 * HOUR });
    expect(tasks).toEqual([day('2025-06-09'), day('2025-06-06'), TRENDING]);
  });

  it('backfills a day missing in the middle of the window, and only that day', () => {
    const days = storedWindow(NOW).filter((d) => d.date !== '2025-05-20');
    expect(planSync({ now: NOW + MINUTE, backfillDays: 30, days, trendingFetchedAt: NOW })).toEqual([day('2025-05-20')]);
  });

  it('tries a past day HF did not serve again after six hours, not before', () => {
    const days = storedWindow(NOW).map((d): DayRecord =>
      d.date === '2025-06-02' ? { ...d, status: 'not-open', count: 0 } : d,
    );
    const args = { backfillDays: 30, days, trendingFetchedAt: NOW };
    expect(planSync({ now: NOW + 5 * HOUR, ...args })).not.toContainEqual(day('2025-06-02'));
    expect(planSync({ now: NOW + 6 * HOUR, ...args })).toContainEqual(day('2025-06-02'));
  });

  it('ignores stored days outside the window', () => {
    const old: DayRecord = { date: '2025-04-01', fetchedAt: NOW - 60 * 24 * HOUR, count: 5, dropped: 0, status: 'open' };
    const tasks = planSync({ now: NOW + MINUTE, backfillDays: 30, days: [...storedWindow(NOW), old], trendingFetchedAt: NOW });
    expect(tasks).toEqual([]);
  });

  it('plans a partial day again at once, every page of it, until it is stored whole', () => {
    const days = storedWindow(NOW).map((d): DayRecord => (d.date === '2025-06-02' ? { ...d, status: 'partial' } : d));
    expect(planSync({ now: NOW + MINUTE, backfillDays: 30, days, trendingFetchedAt: NOW })).toEqual([day('2025-06-02')]);
  });

  it('plans a partial today before its 30 minutes are up', () => {
    const days = storedWindow(NOW).map((d): DayRecord => (d.date === TODAY ? { ...d, status: 'partial' } : d));
    expect(planSync({ now: NOW + MINUTE, backfillDays: 30, days, trendingFetchedAt: NOW })).toEqual([day(TODAY)]);
  });

});
