/**
 * Reading the synced Daily Papers lists: the upvote ranking, weeks, and (for the background, through
 * Dexie) the latest list and a day's papers. Which day a popup view shows is read by the popup itself
 * (lib/popup/popup-store.ts `dayList`).
 */
import type { DayRecord, PapersDB } from './db';
import type { Paper } from './paper';
import { addDays } from './utc-day';

/** Most upvoted first; equal upvotes by title, so the order is stable. */
export function compareByUpvotes(a: Pick<Paper, 'upvotes' | 'title'>, b: Pick<Paper, 'upvotes' | 'title'>): number {
  return b.upvotes - a.upvotes || a.title.localeCompare(b.title);
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
  const papers = await db.papers.where('dailyDates').equals(date).toArray();
  return papers.sort(compareByUpvotes);
}
