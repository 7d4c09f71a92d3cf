/**
 * Finding papers for a page: the local database first; for a few ids of an opened paper, HF itself
 * (when the person allows live lookups), with answers cached and misses remembered for a day.
 */
import { isHfPaperId } from './arxiv-id';
import type { PapersDB } from './db';
import type { HfClient } from './hf/client';
import type { Paper } from './paper';
import { storeLookedUpPaper } from './sync/store';

/** Live lookups are for the paper a person opened, never for a whole listing. */
export const MAX_LIVE_LOOKUPS = 3;
export const MISS_TTL_MS = 24 * 60 * 60 * 1000;

export interface LookupOptions {
  live: boolean;
  client?: HfClient;
  now: number;
}

export async function lookupPapers(db: PapersDB, rawIds: string[], options: LookupOptions): Promise<Map<string, Paper>> {
  const ids = [...new Set(rawIds.filter(isHfPaperId))];
  const stored = await db.papers.bulkGet(ids);
  const found = new Map<string, Paper>();
  const missing: string[] = [];
  ids.forEach((id, i) => {
    const paper = stored[i];
    if (paper) found.set(id, paper);
    else missing.push(id);
  });

  if (!options.live || !options.client || missing.length === 0 || missing.length > MAX_LIVE_LOOKUPS) return found;
  const misses = await db.misses.bulkGet(missing);
  const toAsk = missing.filter((_, i) => {
    const miss = misses[i];
    return !miss || options.now - miss.at >= MISS_TTL_MS;
  });
  for (const id of toAsk) {
    try {
      const paper = await options.client.paper(id);
      if (paper) found.set(id, await storeLookedUpPaper(db, paper, options.now));
      else await db.misses.put({ id, at: options.now });
    } catch {
      // A failed live lookup only means no badge now; the next page view asks again.
    }
  }
  return found;
}
