/** Saved papers in and out of the database, for Export and Import on the options page. */
import type { PapersDB } from './db';
import { listingRow, mergeImportedState, type SavedPaper } from './saved-papers-file';
import { BADGE_INDEX_KEY, TITLE_INDEX_KEY } from './storage-keys';

/** The saved papers, most recently saved first; a saved id without a stored paper is left out. */
export async function readSavedPapers(db: PapersDB): Promise<SavedPaper[]> {
  const states = await db.userState.orderBy('savedAt').reverse().toArray();
  const papers = await db.papers.bulkGet(states.map((s) => s.id));
  return states.flatMap((state, i) => {
    const paper = papers[i];
    return paper && state.savedAt !== undefined ? [{ paper, savedAt: state.savedAt, ...(state.readAt ? { readAt: state.readAt } : {}) }] : [];
  });
}

export interface ImportResult {
  /** Papers newly saved by the import. */
  saved: number;
  /** Papers already saved before. */
  alreadySaved: number;
}

/**
 * Restores marks, in one transaction: the person's marks already there win; a stored paper is never
 * touched (HF's data is HF's); a saved paper not stored gets its listing row only, whatever else the
 * entry holds (see ./saved-papers-file.ts). Papers added so go with the background's kept page
 * indexes: no stamp shows them (lib/background/index-stamp.ts), and the options page imports while the
 * background may be asleep, so the indexes are read anew when next asked.
 */
export async function importSavedPapers(db: PapersDB, entries: SavedPaper[]): Promise<ImportResult> {
  return db.transaction('rw', [db.papers, db.userState, db.kv], async () => {
    const ids = entries.map((e) => e.paper.id);
    const [papers, states] = await Promise.all([db.papers.bulkGet(ids), db.userState.bulkGet(ids)]);
    const added = entries.filter((_, i) => !papers[i]).map((e) => listingRow(e.paper));
    if (added.length) await Promise.all([db.papers.bulkAdd(added), db.kv.bulkDelete([BADGE_INDEX_KEY, TITLE_INDEX_KEY])]);
    await db.userState.bulkPut(entries.map((entry, i) => mergeImportedState(states[i], entry)));
    const alreadySaved = states.filter((s) => s?.savedAt !== undefined).length;
    return { saved: entries.length - alreadySaved, alreadySaved };
  });
}
