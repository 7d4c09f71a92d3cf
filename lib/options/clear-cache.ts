/**
 * "Clear the cache" on the options page: the synced lists go, the person's own things stay — saved
 * papers (with their paper rows and upvote history) and every mark (saved, read, told) — unless the
 * person asks to delete those too. The copies pages read (the cards, lib/background/card-mirror.ts; the
 * newest badges, lib/background/newest-copy.ts) go whole. The next sync
 * fetches the lists again and writes the copy anew.
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import type { PapersDB } from '../shared/db';
import { clearCardMirror, type MirrorStorage } from '../shared/card-copy';
import type { OriginFiles } from '../shared/origin-files';
import { PERSISTED, type PersistedKey } from '../shared/storage-keys';

const keysIn = (area: PersistedKey['area'], cleared: PersistedKey['cleared']) =>
  Object.values(PERSISTED as Record<string, PersistedKey>)
    .filter((entry) => entry.area === area && entry.cleared === cleared && !entry.prefix)
    .map((entry) => entry.key);

export interface ClearResult {
  papersRemoved: number;
  savedKept: number;
}

export interface ClearOptions {
  keepSaved: boolean;
  /** `browser.storage.local`: the card copy, and the copy of the marks when they go too. */
  local?: MirrorStorage;
  /** The extension origin's localStorage (the popup's kept view and its last HF searches). */
  pageStorage?: Pick<Storage, 'removeItem'>;
  /** The extension origin's files (lib/shared/origin-files.ts): the copy of the marks, when they go too. */
  files?: Pick<OriginFiles, 'remove'>;
}

/**
 * Deletes every row of `table` but those whose primary key is kept: one range delete for each gap
 * between the kept keys, in ascending order (`range` maps a gap's ends to primary keys). IndexedDB
 * deletes a range natively; `noneOf(kept).delete()` made Dexie walk and delete a year of rows one
 * key at a time (17 s at 40,000 papers, year bench).
 */
async function deleteAllBut<T, K extends IndexableType>(
  table: Table<T, K>,
  kept: readonly string[],
  range: (after: string | undefined, before: string | undefined) => { from: IndexableType; to: IndexableType },
): Promise<void> {
  if (!kept.length) return table.clear();
  const sorted = [...new Set(kept)].sort();
  const gaps: [string | undefined, string | undefined][] = [[undefined, sorted[0]], ...sorted.map((key, i): [string, string | undefined] => [key, sorted[i + 1]])];
  for (const [after, before] of gaps) {
    const { from, to } = range(after, before);
    await table.where(':id').between(from, to, after === undefined, before === undefined).delete();
  }
}

export async function clearCache(db: PapersDB, options: ClearOptions): Promise<ClearResult> {
  // Marks deleted on purpose: their copy goes first, or a worker waking in between would restore them.
  if (!options.keepSaved) {
    for (const name of keysIn('originFile', 'with-marks')) await options.files?.remove(name);
    await options.local?.remove(keysIn('local', 'with-marks'));
  }
  const result = await db.transaction('rw', [db.papers, db.days, db.upvoteHistory, db.userState, db.misses, db.kv, db.searchIndex], async () => {
    const before = await db.papers.count();
    const saved = options.keepSaved ? ((await db.userState.orderBy('savedAt').primaryKeys()) as string[]) : [];
    // Papers by id; upvote points by [id, at]: a gap runs from the last point of one kept id to the first of the next.
    await deleteAllBut(db.papers, saved, (after, before) => ({ from: after ?? Dexie.minKey, to: before ?? Dexie.maxKey }));
    await deleteAllBut(db.upvoteHistory, saved, (after, before) => ({
      from: after === undefined ? Dexie.minKey : [after, Dexie.maxKey],
      to: before === undefined ? Dexie.maxKey : [before, Dexie.minKey],
    }));
    // The search index holds the words of every paper: it goes whole, and the background builds it anew from what stays.
    await Promise.all([db.days.clear(), db.misses.clear(), db.searchIndex.clear()]);
    await db.kv.bulkDelete(keysIn('kv', 'always'));
    // Rows kept per paper (linked repositories, discussions): by their prefix.
    for (const entry of Object.values(PERSISTED as Record<string, PersistedKey>)) {
      if (entry.area === 'kv' && entry.cleared === 'always' && entry.prefix) await db.kv.where('key').startsWith(entry.key).delete();
    }
    if (!options.keepSaved) {
      await db.userState.clear();
      // With every "told" mark gone, the refill must count as an install: at most one notification.
      await db.kv.bulkDelete(keysIn('kv', 'with-marks'));
    }
    const after = await db.papers.count();
    return { papersRemoved: before - after, savedKept: after };
  });
  // After the database: a page opened in between asks the background, which answers from the database.
  if (options.local) {
    await clearCardMirror(options.local);
    // The other copies (the newest badges: lib/background/newest-copy.ts), which a stopped worker would not see go.
    await options.local.remove(keysIn('local', 'always'));
  }
  for (const key of keysIn('localStorage', 'always')) options.pageStorage?.removeItem(key);
  return result;
}
