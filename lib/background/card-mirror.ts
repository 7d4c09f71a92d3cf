/**
 * A copy of the paper card, in `storage.local`, for every stored paper of the sync window: an abstract
 * page reads its paper's card from one small key (`card:<id>`) and never wakes the background worker
 * (starting a stopped worker costs hundreds of ms on a busy machine). Local only; the database stays the
 * truth: the sync writes the copy after its own write committed, a failed copy never fails the sync
 * (the next run writes the whole window again), papers that left the window are evicted once a run,
 * "Clear the cache" and a database the browser wiped clear it. A paper the copy lacks is asked about as
 * before.
 */
import type { PapersDB } from '../shared/db';
import type { Paper } from '../shared/paper';
import { addDays, utcDay } from '../shared/utc-day';
import { cardMirrorKey, clearCardMirror, mirrorKeys, storedCard, type MirrorStorage } from '../shared/card-copy';
import { CARD_MIRROR_META_KEY } from '../shared/storage-keys';

/**
 * The copy holds at most this many days (of a sync window of up to 90): about 0.7 KB a paper, 100 to
 * 150 papers a day, so 2–3 MB, beside the copy of the marks (up to 4 MB, ./user-state-backup.ts), in
 * the 10 MB storage.local has. Older papers are asked about as before.
 */
export const MAX_MIRROR_DAYS = 30;

/** The first day of the copy's window: the sync window's last `backfillDays` days (lib/background/sync/plan.ts), 30 at most. */
export function mirrorWindowStart(now: number, backfillDays: number): string {
  return addDays(utcDay(now), -(Math.min(MAX_MIRROR_DAYS, Math.max(1, backfillDays)) - 1));
}

const inWindow = (paper: Paper, from: string) => paper.dailyDate !== undefined && paper.dailyDate >= from;

/** Writes the changed papers of one sync step into the copy; never throws. */
export class CardMirrorWriter {
  /** Writes that failed (the sync went on; the copy is written whole by the next run). */
  failures = 0;

  constructor(
    private readonly area: MirrorStorage,
    private readonly options: { now: () => number; backfillDays: number },
  ) {}

  async write(papers: Paper[]): Promise<void> {
    const from = mirrorWindowStart(this.options.now(), this.options.backfillDays);
    const items: Record<string, string> = {};
    for (const paper of papers) if (inWindow(paper, from)) items[cardMirrorKey(paper.id)] = storedCard(paper);
    if (!Object.keys(items).length) return;
    try {
      await this.area.set(items);
    } catch (error) {
      this.failures++;
      console.debug('[Daily Papers Lens] card copy not written', error);
      // The copy may now be behind the database: the next run writes it whole.
      await this.area.remove(CARD_MIRROR_META_KEY).catch(() => undefined);
    }
  }
}

/**
 * Once a run: evicts the papers that left the window since the last run (only those: the database keeps
 * older papers for years), or writes the whole window when the copy is new, was cleared, failed, or the
 * window grew.
 */
export async function maintainCardMirror(db: PapersDB, area: MirrorStorage, options: { now: number; backfillDays: number }): Promise<void> {
  const from = mirrorWindowStart(options.now, options.backfillDays);
  const meta = (await area.get(CARD_MIRROR_META_KEY))[CARD_MIRROR_META_KEY] as { from?: unknown } | undefined;
  const previous = typeof meta?.from === 'string' ? meta.from : undefined;
  if (previous === undefined || from < previous) {
    const papers = await db.papers.where('dailyDate').aboveOrEqual(from).toArray();
    const items: Record<string, unknown> = {};
    for (const paper of papers) items[cardMirrorKey(paper.id)] = storedCard(paper);
    const stale = previous === undefined ? (await mirrorKeys(area)).filter((key) => !(key in items)) : [];
    if (stale.length) await area.remove(stale);
    await area.set(items);
  } else if (from > previous) {
    const gone = await db.papers.where('dailyDate').between(previous, from, true, false).primaryKeys();
    if (gone.length) await area.remove(gone.map((id) => cardMirrorKey(String(id))));
  }
  if (from !== previous) await area.set({ [CARD_MIRROR_META_KEY]: { from } });
}

/**
 * Before a sync: a database with no synced day (the browser deleted it; or a fresh install, a cleared
 * cache) must not leave cards of papers it lost. One count when the database has days.
 */
export async function clearCardMirrorIfWiped(db: PapersDB, area: MirrorStorage): Promise<boolean> {
  if ((await db.days.count()) > 0) return false;
  await clearCardMirror(area);
  return true;
}

