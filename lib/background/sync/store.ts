/**
 * Writing HF answers into the database. Each write is one transaction: a run stopped half-way leaves
 * whole days or nothing. Papers are merged, never deleted; the person's own state is not touched.
 */
import type { DayRecord, PapersDB, TrendingList, UpvoteSample } from '../../shared/db';
import { mergePaper, samePaperData, type Paper } from '../../shared/paper';
import { TRENDING_KEY } from '../../shared/storage-keys';
import { DAILY_ITEM_FIELDS, PAPER_OBJECT_FIELDS } from '../hf/schemas';

/**
 * Told the papers a step wrote, after its transaction committed (lib/background/card-mirror.ts's CardMirrorWriter):
 * it must never throw, so a copy that fails never fails the sync.
 */
export interface StoredPapersListener {
  write(papers: Paper[]): Promise<void>;
}

/**
 * The stored papers of `ids` (undefined where none). One request first asks which of them are stored
 * (the keys between the smallest and the largest id): on a first sync none are, and asking for each
 * absent paper on its own costs a request per paper.
 */
async function readStored(db: PapersDB, ids: string[]): Promise<(Paper | undefined)[]> {
  const sorted = [...ids].sort();
  const keys = await db.papers.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).primaryKeys();
  const present = new Set<string>(keys);
  const wanted = ids.filter((id) => present.has(id));
  if (!wanted.length) return ids.map(() => undefined);
  const found = new Map((await db.papers.bulkGet(wanted)).flatMap((paper) => (paper ? [[paper.id, paper] as const] : [])));
  return ids.map((id) => found.get(id));
}

interface Upsert {
  /** The papers to write: new ones, and stored ones the fresh answer changed, merged into what was stored. */
  papers: Paper[];
  /** What was stored of each fresh paper before (undefined where nothing). */
  previous: (Paper | undefined)[];
  /** An upvote sample for each stored paper whose count changed (a new paper's is its `firstSeen`). */
  samples: UpvoteSample[];
}

/**
 * The paper with every Daily Papers day that listed it: the days stored, the day of this answer (a
 * day's list) or the day HF gave (`dailyDate` of a trending item or a lookup). `dailyDate` is the latest.
 */
function withListDays(stored: Paper | undefined, paper: Paper, day: string | undefined): Paper {
  const days = new Set(stored?.dailyDates ?? (stored?.dailyDate ? [stored.dailyDate] : []));
  if (day) days.add(day);
  else if (paper.dailyDate) days.add(paper.dailyDate);
  if (!days.size) return paper;
  const dailyDates = [...days].sort();
  return { ...paper, dailyDate: dailyDates.at(-1), dailyDates };
}

/**
 * Reads what is stored of `fresh` and merges: nothing is written yet. `answers`: the fields the answer's
 * endpoint speaks for (../hf/schemas.ts), replaced whole, removed where the answer lacks them. A paper
 * the answer does not change is not written again (a periodic sync mostly brings the same papers).
 */
async function mergeWithStored(db: PapersDB, fresh: Paper[], now: number, answers: readonly (keyof Paper)[], dailyDate?: string): Promise<Upsert> {
  if (!fresh.length) return { papers: [], previous: [], samples: [] };
  const previous = await readStored(db, fresh.map((p) => p.id));
  const papers: Paper[] = [];
  const samples: UpvoteSample[] = [];
  fresh.forEach((paper, i) => {
    const stored = previous[i];
    const incoming = withListDays(stored, paper, dailyDate);
    if (!stored) {
      papers.push({ ...incoming, firstSeen: { at: now, upvotes: incoming.upvotes } });
      return;
    }
    const merged = mergePaper(stored, incoming, answers);
    if (samePaperData(stored, merged)) return;
    papers.push(merged);
    if (merged.upvotes !== stored.upvotes) samples.push({ id: merged.id, at: now, upvotes: merged.upvotes });
  });
  return { papers, previous, samples };
}

const listedOn = (paper: Paper | undefined, day: string) => paper?.dailyDates?.includes(day) ?? paper?.dailyDate === day;

/** The writes of an upsert, sent together (two tables): one wait rather than two. */
function writeUpsert(db: PapersDB, upsert: Upsert): Promise<unknown> {
  return Promise.all([
    upsert.papers.length ? db.papers.bulkPut(upsert.papers) : undefined,
    upsert.samples.length ? db.upvoteHistory.bulkPut(upsert.samples) : undefined,
  ]);
}

/**
 * Stores one answer for a day. `continued`: the answer holds the later pages of a day whose first
 * page was just stored, so its dropped items add to the record's rather than replace them.
 *
 * Every request waits its turn in the browser's database process, and a busy machine makes each wait
 * long, so the reads go out together, then the writes together: four waits a day, commit included.
 */
export async function storeDay(
  db: PapersDB,
  day: { date: string; papers: Paper[]; dropped: number; status: DayRecord['status']; continued?: boolean },
  now: number,
  mirror?: StoredPapersListener,
): Promise<DayRecord> {
  const { record, written } = await db.transaction('rw', [db.papers, db.upvoteHistory, db.days], async () => {
    const [upsert, countBefore, stored] = await Promise.all([
      mergeWithStored(db, day.papers, now, DAILY_ITEM_FIELDS, day.date),
      db.papers.where('dailyDates').equals(day.date).count(),
      day.continued ? db.days.get(day.date) : undefined,
    ]);
    // What is stored for the day, so an answer that lost papers never shrinks the record: what was
    // there, plus the papers this answer brings to the day (nothing else writes inside this transaction).
    const count = countBefore + upsert.previous.filter((paper) => !listedOn(paper, day.date)).length;
    const dropped = day.continued ? (stored?.dropped ?? 0) + day.dropped : day.dropped;
    const record: DayRecord = { date: day.date, fetchedAt: now, count, dropped, status: day.status };
    await Promise.all([writeUpsert(db, upsert), db.days.put(record)]);
    return { record, written: upsert.papers };
  });
  if (mirror && written.length) await mirror.write(written);
  return record;
}

export async function storeTrending(db: PapersDB, papers: Paper[], now: number, mirror?: StoredPapersListener): Promise<void> {
  const written = await db.transaction('rw', [db.papers, db.upvoteHistory, db.kv], async () => {
    const upsert = await mergeWithStored(db, papers, now, DAILY_ITEM_FIELDS);
    const list: TrendingList = { fetchedAt: now, ids: papers.map((p) => p.id) };
    await Promise.all([writeUpsert(db, upsert), db.kv.put({ key: TRENDING_KEY, value: list })]);
    return upsert.papers;
  });
  if (mirror && written.length) await mirror.write(written);
}

export async function readTrending(db: PapersDB): Promise<TrendingList | undefined> {
  return (await db.kv.get(TRENDING_KEY))?.value as TrendingList | undefined;
}

/**
 * Caches a paper from a live lookup (abstract pages of papers not yet synced) or a search result kept:
 * read as a paper object (a search item's comment count, when it has one, still replaces the stored).
 */
export async function storeLookedUpPaper(db: PapersDB, paper: Paper, now: number): Promise<Paper> {
  return db.transaction('rw', [db.papers, db.upvoteHistory, db.misses], async () => {
    await writeUpsert(db, await mergeWithStored(db, [paper], now, PAPER_OBJECT_FIELDS));
    await db.misses.delete(paper.id);
    return (await db.papers.get(paper.id)) ?? paper;
  });
}
