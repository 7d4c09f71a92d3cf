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
import type { PaperCardData } from '../shared/messages';
import type { Paper } from '../shared/paper';
import { addDays, utcDay } from '../shared/utc-day';

export const CARD_KEY_PREFIX = 'card:';
/** `{ from }`: the first day of the window the copy holds. Absent: the copy must be written whole again. */
export const CARD_MIRROR_META_KEY = 'cardMirror';

/**
 * The part of `browser.storage.local` the copy uses. (Named `area` in this module: a free identifier
 * `storage` would make the build pull WXT's storage helper into the content script.)
 */
export interface MirrorStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chromium 130+: the keys alone (else everything is read to list them). */
  getKeys?: () => Promise<string[]>;
}

export const cardMirrorKey = (id: string) => `${CARD_KEY_PREFIX}${id}`;

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

/** Exactly what the card shows, nothing more (absent fields left out). */
export function mirroredCard(paper: PaperCardData): PaperCardData {
  const { id, upvotes, numComments, aiSummary, aiKeywords, githubRepo, githubStars, projectPage, organization, dailyDate, withdrawnAt } = paper;
  const card: PaperCardData = { id, upvotes, numComments, aiSummary, aiKeywords, githubRepo, githubStars, projectPage, organization, dailyDate, withdrawnAt };
  for (const key of Object.keys(card) as (keyof PaperCardData)[]) if (card[key] === undefined) delete card[key];
  return card;
}

/**
 * A card as stored: one JSON string. Chromium turns an object value into its own structure field by
 * field, several times slower than a string (measured: 2,100 cards as objects ~300–600 ms, as strings
 * ~90–200 ms), and the sync writes the copy after each step.
 */
export function storedCard(paper: PaperCardData): string {
  return JSON.stringify(mirroredCard(paper));
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

async function mirrorKeys(area: MirrorStorage): Promise<string[]> {
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((key) => key.startsWith(CARD_KEY_PREFIX));
}

/** Removes the whole copy ("Clear the cache", a wiped database); the next run writes it again. */
export async function clearCardMirror(area: MirrorStorage): Promise<void> {
  await area.remove([CARD_MIRROR_META_KEY, ...(await mirrorKeys(area))]);
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * A stored copy read back (by the content script, without the schemas): only fields of the right type
 * pass; the card renders them as text and checks the links as it always does. Undefined when unusable.
 */
export function readMirroredCard(value: unknown, id: string): PaperCardData | undefined {
  if (typeof value !== 'string') return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(stored) || stored.id !== id) return undefined;
  const upvotes = count(stored.upvotes);
  if (upvotes === undefined) return undefined;
  const keywords = Array.isArray(stored.aiKeywords) ? stored.aiKeywords.filter((k): k is string => typeof k === 'string') : undefined;
  const org = isRecord(stored.organization) && typeof stored.organization.name === 'string' ? stored.organization : undefined;
  return mirroredCard({
    id,
    upvotes,
    numComments: count(stored.numComments),
    aiSummary: text(stored.aiSummary),
    aiKeywords: keywords,
    githubRepo: text(stored.githubRepo),
    githubStars: count(stored.githubStars),
    projectPage: text(stored.projectPage),
    organization: org ? { name: org.name as string, fullname: text(org.fullname) } : undefined,
    dailyDate: text(stored.dailyDate),
    withdrawnAt: text(stored.withdrawnAt),
  });
}
