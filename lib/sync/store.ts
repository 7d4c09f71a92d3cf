/**
 * Writing HF answers into the database. Each write is one transaction: a run stopped half-way leaves
 * whole days or nothing. Papers are merged, never deleted; the person's own state is not touched.
 */
import type { DayRecord, PapersDB } from '../db';
import { mergePaper, type Paper } from '../paper';

export interface TrendingList {
  fetchedAt: number;
  /** Paper ids in HF's trending order. */
  ids: string[];
}

export const TRENDING_KEY = 'trending';

/** Upserts papers and records an upvote sample for each paper whose count changed. */
async function upsertPapers(db: PapersDB, fresh: Paper[], now: number, dailyDate?: string): Promise<void> {
  const stored = await db.papers.bulkGet(fresh.map((p) => p.id));
  const merged = fresh.map((paper, i) => {
    const dated = dailyDate ? { ...paper, dailyDate } : paper;
    return mergePaper(stored[i], dated);
  });
  const samples = merged
    .filter((paper, i) => stored[i]?.upvotes !== paper.upvotes)
    .map((paper) => ({ id: paper.id, at: now, upvotes: paper.upvotes }));
  await db.papers.bulkPut(merged);
  if (samples.length) await db.upvoteHistory.bulkPut(samples);
}

/**
 * Stores one answer for a day. `continued`: the answer holds the later pages of a day whose first
 * page was just stored, so its dropped items add to the record's rather than replace them.
 */
export async function storeDay(
  db: PapersDB,
  day: { date: string; papers: Paper[]; dropped: number; status: DayRecord['status']; continued?: boolean },
  now: number,
): Promise<DayRecord> {
  return db.transaction('rw', [db.papers, db.upvoteHistory, db.days], async () => {
    await upsertPapers(db, day.papers, now, day.date);
    // What is stored for the day, so an answer that lost papers never shrinks the record.
    const count = await db.papers.where('dailyDate').equals(day.date).count();
    const dropped = day.continued ? ((await db.days.get(day.date))?.dropped ?? 0) + day.dropped : day.dropped;
    const record: DayRecord = { date: day.date, fetchedAt: now, count, dropped, status: day.status };
    await db.days.put(record);
    return record;
  });
}

export async function storeTrending(db: PapersDB, papers: Paper[], now: number): Promise<void> {
  await db.transaction('rw', [db.papers, db.upvoteHistory, db.kv], async () => {
    await upsertPapers(db, papers, now);
    const list: TrendingList = { fetchedAt: now, ids: papers.map((p) => p.id) };
    await db.kv.put({ key: TRENDING_KEY, value: list });
  });
}

export async function readTrending(db: PapersDB): Promise<TrendingList | undefined> {
  return (await db.kv.get(TRENDING_KEY))?.value as TrendingList | undefined;
}

/** Caches a paper from a live lookup (abstract pages of papers not yet synced). */
export async function storeLookedUpPaper(db: PapersDB, paper: Paper, now: number): Promise<Paper> {
  return db.transaction('rw', [db.papers, db.upvoteHistory, db.misses], async () => {
    await upsertPapers(db, [paper], now);
    await db.misses.delete(paper.id);
    return (await db.papers.get(paper.id)) ?? paper;
  });
}
