/**
 * What counts as news: the papers of the two newest list days (on a Monday, Monday's and Friday's).
 * The sync refreshes exactly those days, so a paper outside them is old news, however it arrived (a
 * back-fill, a live lookup): watch matches and the toolbar badge only look here.
 */
import type { DayRecord, PapersDB } from '../../shared/db';
import type { Paper } from '../../shared/paper';

export const NEWS_LIST_DAYS = 2;

export async function newsListDays(db: PapersDB): Promise<DayRecord[]> {
  return db.days
    .orderBy('date')
    .reverse()
    .filter((day) => day.count > 0)
    .limit(NEWS_LIST_DAYS)
    .toArray();
}

/** The papers of the news window; `days` newest first. */
export async function newsPapers(db: PapersDB, days: DayRecord[]): Promise<Paper[]> {
  if (!days.length) return [];
  return db.papers
    .where('dailyDate')
    .anyOf(days.map((d) => d.date))
    .toArray();
}
