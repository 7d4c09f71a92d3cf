/**
 * A copy of the person's marks outside IndexedDB. When the browser cannot open the database (a full disk
 * can leave it corrupt), Chromium deletes it whole: every saved and read mark would be gone, and no sync
 * brings them back. The copy is a saved-papers file (as Export writes it, without abstracts) plus the
 * marks the file cannot hold (read-only marks, a saved id whose paper is not stored); it is put back
 * only into a database that looks wiped (no marks and no synced day) or that is not the one the copy
 * was taken from (each database gets an id when it is made: lib/shared/db.ts), so a person who unsaved
 * everything never sees marks come back, and a database deleted while a sync was still writing (whose
 * rows then go into the new one) gets its marks back all the same. Read back, the copy is checked like
 * an imported file: a bad copy is ignored.
 *
 * Where it lives: one file in the extension origin's private file system (lib/shared/origin-files.ts).
 * The marks say which papers the person reads, so the copy must be out of reach of content scripts:
 * they run in web pages' renderer processes, and a subverted content script (or a compromised page
 * process) can read and write all of `storage.local`. Chrome can restrict a storage area to the
 * extension's own pages (`setAccessLevel`), but per area: `storage.local` must stay open to the content
 * scripts (the card copy, the card's collapsed state); `storage.session` is restricted but forgotten
 * when the browser closes; `storage.sync` is small and leaves the machine. A second IndexedDB database
 * is no copy at all: every database of an origin is one LevelDB store, and Chromium's recovery from a
 * damaged one deletes that store whole. A file of the origin's private file system is none of these:
 * only the extension's pages and worker open it, and that recovery leaves it. What it shares with the
 * database is the origin's storage: were the browser to clear the extension's site data (it has not,
 * even on a full disk: tests/e2e/storage-full.spec.ts), the copy would go too — the price of keeping
 * the marks from content scripts. Where the browser has no such file system, no copy is kept.
 */
import { z } from '../shared/zod-no-eval';
import type { PapersDB, UserPaperState } from '../shared/db';
import { isHfPaperId } from '../shared/arxiv-id';
import type { OriginFiles } from '../shared/origin-files';
import { importSavedPapers, readSavedPapers } from '../shared/saved-papers';
import { listingRow, parseSavedPapersFile, savedPapersFile, type SavedPaper } from '../shared/saved-papers-file';
import { DATABASE_ID_KEY, LEGACY_USER_STATE_BACKUP_KEY, USER_STATE_BACKUP_FILE, USER_STATE_RESTORED_KEY } from '../shared/storage-keys';

export const USER_STATE_BACKUP_FORMAT = 'daily-papers-lens/user-state-backup';
/** The copy is read whole on restore: it stays a few MB at most. */
export const MAX_BACKUP_BYTES = 4 * 1024 * 1024;
/** Enough to find the paper again in Saved; the rest comes back with the next sync or lookup. */
const MAX_AUTHORS = 5;
const MAX_TITLE = 300;

/** Where the copy and its traces live. */
export interface BackupPlaces {
  /** The copy itself, a file (lib/shared/origin-files.ts). */
  files: OriginFiles;
  /** `browser.storage.local`: when marks were last restored; and the copy 0.2 kept there, removed. */
  local: { set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
}

/** A mark the saved-papers file cannot hold: [id, savedAt or null, readAt or null]. */
type Mark = [string, number | null, number | null];

interface Backup {
  format: typeof USER_STATE_BACKUP_FORMAT;
  version: 1;
  writtenAt: number;
  /** The id of the database it was taken from (absent in copies 0.3 wrote before ids). */
  databaseId?: string;
  /** A saved-papers file (lib/shared/saved-papers-file.ts), as an object. */
  saved: unknown;
  marks: Mark[];
}

const time = z.number().int().positive().nullable();
const BackupSchema = z.object({
  format: z.literal(USER_STATE_BACKUP_FORMAT),
  version: z.literal(1),
  writtenAt: z.number(),
  databaseId: z.string().max(100).optional(),
  saved: z.unknown(),
  marks: z.array(z.unknown()).max(200_000),
});
const MarkSchema = z.tuple([z.string().refine(isHfPaperId), time, time]);
/** What a backup needs of the stored copy: the database it was taken from (its marks are checked only to be put back). */
const OriginSchema = z.object({ format: z.literal(USER_STATE_BACKUP_FORMAT), version: z.literal(1), databaseId: z.string().max(100).optional() });

const byteLength = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The copy of the marks now in `db`: most recent first, as many as fit in `maxBytes`, with the id of the
 * database it was read from, all in one read. Undefined when the database looks wiped: nothing to copy.
 */
export async function userStateBackup(db: PapersDB, now: number, maxBytes = MAX_BACKUP_BYTES): Promise<Backup | undefined> {
  const [savedPapers, states, databaseId, days] = await db.transaction('r', [db.papers, db.userState, db.kv, db.days], () =>
    Promise.all([readSavedPapers(db), db.userState.toArray(), databaseIdOf(db), db.days.count()]),
  );
  if (isWiped(states.length, days)) return undefined;
  const inFile = new Set(savedPapers.map((entry) => entry.paper.id));
  const marks = states
    .filter((s) => !inFile.has(s.id) && (s.savedAt !== undefined || s.readAt !== undefined))
    .map((s): Mark => [s.id, s.savedAt ?? null, s.readAt ?? null])
    .sort((a, b) => Math.max(b[1] ?? 0, b[2] ?? 0) - Math.max(a[1] ?? 0, a[2] ?? 0));
  // What a restore reads back (a listing row, as Import does): HF's data comes back with the sync.
  const slim = savedPapers.map(({ paper, savedAt, readAt }): SavedPaper => {
    const { id, title, authors, upvotes } = paper;
    const paperRow = listingRow({ id, title: title.slice(0, MAX_TITLE), authors: authors.slice(0, MAX_AUTHORS), summary: '', upvotes, fetchedAt: 0 });
    return { paper: paperRow, savedAt, ...(readAt !== undefined ? { readAt } : {}) };
  });
  // Saved papers first, then the other marks, each most recent first, until the budget is spent.
  let budget = maxBytes - 512;
  const keptSaved: SavedPaper[] = [];
  for (const entry of slim) {
    budget -= byteLength(entry) + 64;
    if (budget < 0) break;
    keptSaved.push(entry);
  }
  const keptMarks: Mark[] = [];
  for (const mark of marks) {
    if (budget < 0) break;
    budget -= byteLength(mark) + 1;
    if (budget >= 0) keptMarks.push(mark);
  }
  const saved: unknown = JSON.parse(savedPapersFile(keptSaved, now));
  return { format: USER_STATE_BACKUP_FORMAT, version: 1, writtenAt: now, ...(databaseId ? { databaseId } : {}), saved, marks: keptMarks };
}

/** The copy as read back and checked. */
interface StoredCopy {
  saved: SavedPaper[];
  marks: UserPaperState[];
  databaseId?: string;
}

/** The stored copy, checked; undefined when absent or not valid (never throws). */
export async function readUserStateBackup(files: OriginFiles): Promise<StoredCopy | undefined> {
  try {
    const text = await files.read(USER_STATE_BACKUP_FILE);
    if (text === undefined) return undefined;
    const backup = BackupSchema.safeParse(JSON.parse(text));
    if (!backup.success) return undefined;
    const file = parseSavedPapersFile(JSON.stringify(backup.data.saved));
    if (!file.ok) return undefined;
    const saved = file.entries;
    const seen = new Set(saved.map((entry) => entry.paper.id));
    const marks: UserPaperState[] = [];
    for (const item of backup.data.marks) {
      const mark = MarkSchema.safeParse(item);
      if (!mark.success || seen.has(mark.data[0])) continue;
      const [id, savedAt, readAt] = mark.data;
      if (savedAt === null && readAt === null) continue;
      seen.add(id);
      marks.push({ id, ...(savedAt !== null ? { savedAt } : {}), ...(readAt !== null ? { readAt } : {}) });
    }
    const { databaseId } = backup.data;
    return { saved, marks, ...(databaseId ? { databaseId } : {}) };
  } catch {
    return undefined;
  }
}

/** The id of the database the stored copy was taken from; undefined when absent, unreadable or from before ids (never throws). */
async function copiedDatabaseId(files: OriginFiles): Promise<string | undefined> {
  try {
    const text = await files.read(USER_STATE_BACKUP_FILE);
    const origin = text === undefined ? undefined : OriginSchema.safeParse(JSON.parse(text));
    return origin?.success ? origin.data.databaseId : undefined;
  } catch {
    return undefined;
  }
}

/** No mark and no synced day: a fresh install, or a database the browser deleted. */
const isWiped = (marks: number, days: number) => marks === 0 && days === 0;

async function looksWiped(db: PapersDB): Promise<boolean> {
  const [marks, days] = await Promise.all([db.userState.count(), db.days.count()]);
  return isWiped(marks, days);
}

/** The id the database got when it was made (lib/shared/db.ts); undefined for one made before ids. */
async function databaseIdOf(db: PapersDB): Promise<string | undefined> {
  const value = (await db.kv.get(DATABASE_ID_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The database's id, given one now if it was made before ids. */
async function stampedDatabaseId(db: PapersDB): Promise<string> {
  return db.transaction('rw', [db.kv], async () => {
    const id = await databaseIdOf(db);
    if (id) return id;
    const made = crypto.randomUUID();
    await db.kv.put({ key: DATABASE_ID_KEY, value: made });
    return made;
  });
}

async function writeCopy(places: BackupPlaces, backup: Backup): Promise<void> {
  await places.files.write(USER_STATE_BACKUP_FILE, JSON.stringify(backup));
  await places.local.remove(LEGACY_USER_STATE_BACKUP_KEY).catch(() => undefined);
}

/**
 * Writes the copy of the marks. Not from a database that looks wiped: that would replace the copy of a
 * deleted database's marks with nothing before they were put back. Nor over a copy of another database:
 * this one was made again since (its first rows may be those of a sync that was still writing when the
 * old one went), so the copy's marks go in first. The database can go at any moment, even between two
 * reads here: the stored copy's origin is read first, and the marks and the id it is compared with come
 * from one read after it, so what is written is always one database's marks, never a newer, emptier
 * one's under the old one's name. Only the copy's origin is read (a heavy reader's copy holds thousands
 * of marks, checked one by one when read whole): the whole copy only to be put back. Once written, the
 * copy 0.2 kept in `storage.local` (where content scripts could read it) goes.
 */
export async function backUpUserState(db: PapersDB, places: BackupPlaces, now: number): Promise<boolean> {
  const copiedFrom = await copiedDatabaseId(places.files);
  await stampedDatabaseId(db);
  const backup = await userStateBackup(db, now);
  if (!backup) return false;
  if (copiedFrom === undefined || copiedFrom === backup.databaseId) {
    await writeCopy(places, backup);
    return true;
  }
  // Another database's copy: its marks go in first (putting them back writes the copy anew, from this
  // database); a copy that cannot be read back is replaced.
  const copy = await readUserStateBackup(places.files);
  if (copy) await putBack(db, places, now, copy);
  else await writeCopy(places, backup);
  return true;
}

/**
 * Puts the copy back when the database looks wiped or is not the one the copy was taken from; answers
 * how many marks were put back (0: none). Marks already in the database win; saved papers come back
 * with their short paper record, and the sync refills the rest. Put back into a database made again,
 * the copy is then written anew from it.
 */
export async function restoreUserStateIfWiped(db: PapersDB, places: BackupPlaces, now: number): Promise<number> {
  const backup = await readUserStateBackup(places.files);
  return backup ? putBack(db, places, now, backup) : 0;
}

/** `restoreUserStateIfWiped` with the copy already read. */
async function putBack(db: PapersDB, places: BackupPlaces, now: number, backup: StoredCopy): Promise<number> {
  const [wiped, id] = await db.transaction('r', [db.userState, db.days, db.kv], () => Promise.all([looksWiped(db), databaseIdOf(db)]));
  const madeAgain = backup.databaseId !== undefined && id !== undefined && backup.databaseId !== id;
  if (!wiped && !madeAgain) return 0;
  const restored = backup.saved.length + backup.marks.length > 0 ? await mergeCopy(db, backup, madeAgain) : 0;
  if (restored > 0) await places.local.set({ [USER_STATE_RESTORED_KEY]: { at: now, marks: restored } }).catch(() => undefined);
  if (madeAgain) {
    // Only from the database the marks went into (not one made yet again since).
    const current = await userStateBackup(db, now);
    if (current && current.databaseId === id) await writeCopy(places, current);
  }
  return restored;
}

/** Puts the copy's marks in, those already in the database winning; answers how many (0: none, the database no longer wiped). */
function mergeCopy(db: PapersDB, backup: StoredCopy, madeAgain: boolean): Promise<number> {
  // The kv table for importSavedPapers (the kept page indexes go when it adds papers).
  return db.transaction('rw', [db.papers, db.days, db.userState, db.kv], async () => {
    if (!madeAgain && !(await looksWiped(db))) return 0;
    await importSavedPapers(db, backup.saved);
    const existing = await db.userState.bulkGet(backup.marks.map((m) => m.id));
    await db.userState.bulkPut(
      backup.marks.map((mark, i) => {
        const state = existing[i];
        const savedAt = state?.savedAt ?? mark.savedAt;
        const readAt = state?.readAt ?? mark.readAt;
        return { ...state, id: mark.id, ...(savedAt !== undefined ? { savedAt } : {}), ...(readAt !== undefined ? { readAt } : {}) };
      }),
    );
    return backup.saved.length + backup.marks.length;
  });
}

/**
 * Coalesces backups: many changes in a short while make one write, after `delayMs`; a change during a
 * write makes one more write after it. Failures are swallowed (the copy is a safety net, never in the way).
 */
export function userStateBackupScheduler(write: () => Promise<unknown>, delayMs = 500): { schedule: () => void; flush: () => Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const start = (): Promise<void> => {
    timer = undefined;
    if (running) {
      again = true;
      return running;
    }
    running = write()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
    return running;
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(() => void start(), delayMs);
  };
  const flush = async () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      await start();
    }
    while (running) await running;
  };
  return { schedule, flush };
}
