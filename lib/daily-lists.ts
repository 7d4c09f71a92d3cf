/** Reading the synced Daily Papers lists, for extension pages (they may open the database directly). */
import type { DayRecord, PapersDB } from './db';
import type { Paper } from './paper';

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
  return papers.sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title));
}
