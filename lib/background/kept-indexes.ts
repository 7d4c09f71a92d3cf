/**
 * The badge and title indexes as kept in the kv table between two wakes of the worker
 * (./stored-papers.ts), each with the stamp of the tables it was built from (./index-stamp.ts): a woken
 * worker answers a listing from the copy, or from the copy patched with what a sync changed, rather than
 * reading a year of papers.
 *
 * A stamp names what a sync writes, not papers deleted or written otherwise. A writer that deletes
 * papers takes care of the copies in its own transaction: a pruning run takes the papers it deletes out
 * of them (`takeOutOfKeptIndexes`, a day's few hundred lines), "Clear the cache" and an import that adds
 * papers delete them (`dropKeptIndexes`). The worker that sees such a transaction (`keptIndexesWritten`)
 * leaves the copies as that writer left them.
 */
import type { ObservabilitySet } from 'dexie';
import { kvKeysWritten } from './database-changes';
import type { PapersDB } from '../shared/db';
import { patchBadgeIndex } from '../shared/badge-index';
import { patchTitleIndex } from '../shared/title-index';
import { BADGE_INDEX_KEY, TITLE_INDEX_KEY } from '../shared/storage-keys';
import { parseStamp, stampText } from './index-stamp';

/** The badge index as kept, with the stamp of the tables it was built from. */
export interface KeptIndex {
  stamp: string;
  index: string;
}

/** The title index as kept, with the stamp of the badge index it was built beside. */
export interface KeptTitles {
  stamp: string;
  titles: string;
}

const KEYS = [BADGE_INDEX_KEY, TITLE_INDEX_KEY];

/** The kept badge index; undefined when there is none or the row is not one (damaged, another version's). */
export async function readKeptIndex(db: PapersDB): Promise<KeptIndex | undefined> {
  const value = (await db.kv.get(BADGE_INDEX_KEY))?.value as Partial<KeptIndex> | undefined;
  return typeof value?.stamp === 'string' && typeof value.index === 'string' ? { stamp: value.stamp, index: value.index } : undefined;
}

/** The kept title index, read as `readKeptIndex` reads the badge index. */
export async function readKeptTitles(db: PapersDB): Promise<KeptTitles | undefined> {
  const value = (await db.kv.get(TITLE_INDEX_KEY))?.value as Partial<KeptTitles> | undefined;
  return typeof value?.stamp === 'string' && typeof value.titles === 'string' ? { stamp: value.stamp, titles: value.titles } : undefined;
}

export const keepIndex = (db: PapersDB, kept: KeptIndex) => db.kv.put({ key: BADGE_INDEX_KEY, value: kept });

export const keepTitles = (db: PapersDB, kept: KeptTitles) => db.kv.put({ key: TITLE_INDEX_KEY, value: kept });

/** Both copies deleted: the next question reads the window. In the transaction of a change no stamp shows. */
export const dropKeptIndexes = (db: PapersDB) => db.kv.bulkDelete(KEYS);

/**
 * In the transaction that deletes the stored papers `ids` (the kv table in its scope): their lines taken
 * out of both copies, and their number out of each copy's stamp, which counts the papers stored (fewer
 * papers than a stamp counts means a deletion it cannot name: no patch). So the copy stays what
 * building it from the tables would give, and the next wake takes it or patches it. A copy whose stamp
 * is not of this format is deleted (it would be read anew anyway).
 */
export async function takeOutOfKeptIndexes(db: PapersDB, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const [index, titles] = await Promise.all([readKeptIndex(db), readKeptTitles(db)]);
  const restamp = (text: string) => {
    const stamp = parseStamp(text);
    return stamp && stampText({ ...stamp, papers: stamp.papers - ids.length });
  };
  const indexStamp = index && restamp(index.stamp);
  const titlesStamp = titles && restamp(titles.stamp);
  await Promise.all([
    index && (indexStamp ? keepIndex(db, { stamp: indexStamp, index: patchBadgeIndex(index.index, ids, []) }) : db.kv.delete(BADGE_INDEX_KEY)),
    titles && (titlesStamp ? keepTitles(db, { stamp: titlesStamp, titles: patchTitleIndex(titles.titles, ids, []) }) : db.kv.delete(TITLE_INDEX_KEY)),
  ]);
}

/**
 * Whether a committed transaction wrote or deleted a kept copy: one that also wrote papers is a writer
 * that took care of the copies itself (see the header), so the copies are to be left as it left them.
 */
export function keptIndexesWritten(parts: ObservabilitySet, databaseName: string): boolean {
  return kvKeysWritten(parts, databaseName, KEYS);
}
