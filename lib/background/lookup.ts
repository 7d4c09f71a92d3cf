/**
 * Finding papers for a page: the local database first; for a few ids of an opened paper, HF itself
 * (when the person allows live lookups), with answers cached and misses remembered for a day.
 */
import { isHfPaperId } from '../shared/arxiv-id';
import type { PapersDB } from '../shared/db';
import type { HfClient } from './hf/client';
import { MAX_LIVE_LOOKUPS, toOverview, type PaperOverview } from '../shared/messages';
import type { StoredPapers } from './stored-papers';
import { storeLookedUpPaper } from './sync/store';

export const MISS_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * From this many ids on (a listing page: up to 2000, most of them unknown), one scan of the stored
 * keys finds which ids are stored, and only those papers are read: a read per unknown id costs more.
 */
export const KEY_SCAN_FROM = 50;

export interface LookupOptions {
  live: boolean;
  client?: HfClient;
  now: number;
  /** The background's in-memory view of the table; without it the table itself is read. */
  stored?: StoredPapers;
}

/** Papers as pages get them: without their abstracts. */
export async function lookupPapers(db: PapersDB, rawIds: string[], options: LookupOptions): Promise<Map<string, PaperOverview>> {
  const ids = [...new Set(rawIds.filter(isHfPaperId))];
  const found = options.stored ? await options.stored.get(ids) : await readStored(db, ids);
  let missing = ids.filter((id) => !found.has(id));

  if (!options.live || !options.client || missing.length === 0 || missing.length > MAX_LIVE_LOOKUPS) return found;
  // A question that may ask HF: a paper an earlier lookup stored (not on a public list, so not answered
  // above) answers first, as HF itself would.
  if (options.stored) {
    for (const [id, paper] of await options.stored.get(missing, { unlisted: true })) found.set(id, paper);
    missing = missing.filter((id) => !found.has(id));
    if (!missing.length) return found;
  }
  const misses = await db.misses.bulkGet(missing);
  const toAsk = missing.filter((_, i) => {
    const miss = misses[i];
    return !miss || options.now - miss.at >= MISS_TTL_MS;
  });
  for (const id of toAsk) {
    try {
      const paper = await options.client.paper(id);
      if (paper) found.set(id, toOverview(await storeLookedUpPaper(db, paper, options.now)));
      else await db.misses.put({ id, at: options.now });
    } catch {
      // A failed live lookup only means no badge now; the next page view asks again.
    }
  }
  return found;
}

async function readStored(db: PapersDB, ids: string[]): Promise<Map<string, PaperOverview>> {
  const storedIds = ids.length >= KEY_SCAN_FROM ? new Set(await db.papers.toCollection().primaryKeys()) : undefined;
  const toRead = storedIds ? ids.filter((id) => storedIds.has(id)) : ids;
  const found = new Map<string, PaperOverview>();
  for (const paper of await db.papers.bulkGet(toRead)) if (paper) found.set(paper.id, toOverview(paper));
  return found;
}
