/**
 * What a sync run should fetch, derived only from what is stored, so a run that was cut short (MV3
 * stops idle workers) resumes by planning again: nothing to remember, nothing fetched twice. The list
 * is in priority order: the engine spends its call budget from the front (see ./engine.ts).
 */
import type { DayRecord } from '../../shared/db';
import { lastDays, utcDay } from '../../shared/utc-day';

export type SyncTask = { kind: 'day'; date: string } | { kind: 'trending' };

const MINUTE = 60_000;
/** Slack so a 30-minute alarm that fires a little early still finds its target due. */
const SLACK = 5 * MINUTE;
/** Today's list grows and its upvotes move: refreshed every run. */
export const TODAY_MAX_AGE = 30 * MINUTE;
/** The previous list day and the trending list: hourly. */
export const RECENT_MAX_AGE = 60 * MINUTE;
/** A past day HF did not serve: tried again after this long. */
const NOT_OPEN_RETRY_AGE = 6 * 60 * MINUTE;

export interface PlanInput {
  now: number;
  backfillDays: number;
  days: DayRecord[];
  trendingFetchedAt?: number;
  /** The person asked for a refresh: today, the previous list day and trending regardless of age. */
  force?: boolean;
}

export function planSync({ now, backfillDays, days, trendingFetchedAt, force = false }: PlanInput): SyncTask[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const today = utcDay(now);
  const isDue = (fetchedAt: number | undefined, maxAge: number) =>
    force || fetchedAt === undefined || now - fetchedAt >= maxAge - SLACK;

  const fresh: SyncTask[] = [];
  const backfill: SyncTask[] = [];
  // A day whose first page was full and whose other pages a run's call budget left out.
  const isPartial = (date: string) => byDate.get(date)?.status === 'partial';

  if (isDue(byDate.get(today)?.fetchedAt, TODAY_MAX_AGE) || isPartial(today)) fresh.push({ kind: 'day', date: today });

  // Upvotes of the last list keep moving after its day ends (on a Monday that is Friday's list).
  const previousListDay = days
    .filter((d) => d.date < today && d.count > 0)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (previousListDay && isDue(previousListDay.fetchedAt, RECENT_MAX_AGE)) {
    fresh.push({ kind: 'day', date: previousListDay.date });
  }

  if (isDue(trendingFetchedAt, RECENT_MAX_AGE)) fresh.push({ kind: 'trending' });

  const planned = new Set(fresh.flatMap((t) => (t.kind === 'day' ? [t.date] : [])));
  for (const date of lastDays(now, backfillDays).slice(1)) {
    if (planned.has(date)) continue;
    const record = byDate.get(date);
    if (!record || record.status === 'partial') backfill.push({ kind: 'day', date });
    // Fetched while it was still today: one more fetch once it is over makes it complete.
    else if (record.status === 'open' && now - record.fetchedAt >= SLACK) backfill.push({ kind: 'day', date });
    else if (record.status === 'not-open' && now - record.fetchedAt >= NOT_OPEN_RETRY_AGE) backfill.push({ kind: 'day', date });
  }
  // Newest first: when a first sync's call budget runs out, what waits for the next run is the oldest.
  return [...fresh, ...backfill];
}
