/**
 * Reading the synced Daily Papers lists: which day a view shows (weekends and empty days fall back to
 * the latest list before them), day and week navigation, and the upvote ranking. The pure functions
 * take the day records; the Dexie readers are for the background.
 */
import type { DayRecord, PapersDB } from './db';
import type { Paper } from './paper';
import { addDays } from './utc-day';

/** Most upvoted first; equal upvotes by title, so the order is stable. */
export function compareByUpvotes(a: Pick<Paper, 'upvotes' | 'title'>, b: Pick<Paper, 'upvotes' | 'title'>): number {
  return b.upvotes - a.upvotes || a.title.localeCompare(b.title);
}

type DayCount = Pick<DayRecord, 'date' | 'count'>;

/** The newest day on or before `date` that has a list: a Saturday or Sunday gives Friday's. */
export function listDayOnOrBefore(days: DayCount[], date: string): string | undefined {
  let best: string | undefined;
  for (const day of days) if (day.count > 0 && day.date <= date && (!best || day.date > best)) best = day.date;
  return best;
}

/** The list days just before and just after `date` (days without a list are skipped). */
export function neighbourListDays(days: DayCount[], date: string): { previous?: string; next?: string } {
  let previous: string | undefined;
  let next: string | undefined;
  for (const day of days) {
    if (day.count === 0) continue;
    if (day.date < date && (!previous || day.date > previous)) previous = day.date;
    if (day.date > date && (!next || day.date < next)) next = day.date;
  }
  return { previous, next };
}

/** The Monday-to-Sunday week (UTC) that holds `date`. */
export function weekOf(date: string): { start: string; end: string } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const start = addDays(date, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/** The newest day that has a list (on a weekend, Friday's). */
export async function latestListDay(db: PapersDB): Promise<DayRecord | undefined> {
  return db.days
    .orderBy('date')
    .reverse()
    .filter((day) => day.count > 0)
    .first();
}

/** A day's papers, most upvoted first. */
export async function papersOfDay(db: PapersDB, date: string): Promise<Paper[]> {
  const papers = await db.papers.where('dailyDate').equals(date).toArray();
  return papers.sort(compareByUpvotes);
}
