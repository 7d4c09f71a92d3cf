/**
 * Finding papers for a page: the local database first; for a few ids of an opened paper, HF itself
 * (when the person allows live lookups, and the background's limits on page-caused calls do,
 * ./hf/call-limits.ts), with answers cached, misses remembered for a day and failures for 10 minutes.
 */
import { isHfPaperId } from '../shared/arxiv-id';
import type { PapersDB } from '../shared/db';
import type { HfClient } from './hf/client';
import { HfError } from './hf/errors';
import type { Paper } from '../shared/paper';
import { MAX_LIVE_LOOKUPS, toOverview, type PaperLinks, type PaperOverview } from '../shared/messages';
import type { StoredPapers } from './stored-papers';
import { storeLookedUpPaper } from './sync/store';

export const MISS_TTL_MS = 24 * 60 * 60 * 1000;
/** A lookup that failed (HF down, too slow, a broken answer) is not tried again for this long. */
export const FAILURE_TTL_MS = 10 * 60 * 1000;
/**
 * From this many ids on (a listing page: up to 2000, most of them unknown), one scan of the stored
 * keys finds which ids are stored, and only those papers are read: a read per unknown id costs more.
 */
export const KEY_SCAN_FROM = 50;

export interface LookupOptions {
  live: boolean;
  client?: HfClient;
  now: number;
  /** The background's index of the listed papers (./stored-papers.ts); without it the table itself is read. */
  stored?: StoredPapers;
  /** Keeps what HF links to a paper looked up live, so the card's linked part needs no second call. */
  keepLinks?: (id: string, links: PaperLinks) => Promise<void>;
}

export interface LookupResult {
  /** Papers as pages get them: without their abstracts. */
  papers: Map<string, PaperOverview>;
  /**
   * Ids HF could not be asked about now (refused by the limits, failed, or failed a moment ago): their
   * page shows nothing, not the "not on Hugging Face" link that a real "no such paper" earns.
   */
  unanswered: string[];
}

/** Kinds of failure remembered briefly: HF (or its answer) at fault, not the person's connection or our limits. */
const REMEMBERED_FAILURES = new Set<HfError['kind']>(['server', 'timeout', 'malformed', 'too-large', 'http']);

export async function lookupPapers(db: PapersDB, rawIds: string[], options: LookupOptions): Promise<LookupResult> {
  const ids = [...new Set(rawIds.filter(isHfPaperId))];
  const found = options.stored ? await options.stored.get(ids) : await readStored(db, ids);
  let missing = ids.filter((id) => !found.has(id));
  const unanswered: string[] = [];

  if (!options.live || !options.client || missing.length === 0 || missing.length > MAX_LIVE_LOOKUPS) return { papers: found, unanswered };
  // A question that may ask HF: a paper an earlier lookup stored (not on a public list, so not answered
  // above) answers first, as HF itself would.
  if (options.stored) {
    for (const [id, paper] of await options.stored.get(missing, { unlisted: true })) found.set(id, paper);
    missing = missing.filter((id) => !found.has(id));
    if (!missing.length) return { papers: found, unanswered };
  }
  const misses = await db.misses.bulkGet(missing);
  const toAsk = missing.filter((id, i) => {
    const miss = misses[i];
    if (!miss) return true;
    const fresh = options.now - miss.at < (miss.failed ? FAILURE_TTL_MS : MISS_TTL_MS);
    if (fresh && miss.failed) unanswered.push(id);
    return !fresh;
  });
  for (const id of toAsk) {
    try {
      const answer: { paper: Paper; links?: PaperLinks } | undefined = options.keepLinks
        ? await options.client.paperAndLinks(id).then((found) => found && { paper: found.paper, links: found.links.links })
        : await options.client.paper(id).then((paper) => paper && { paper });
      if (answer) {
        found.set(id, toOverview(await storeLookedUpPaper(db, answer.paper, options.now)));
        if (answer.links) await options.keepLinks?.(id, answer.links).catch(() => undefined);
      } else await db.misses.put({ id, at: options.now });
    } catch (error) {
      // No card now; a failure HF caused is not asked again for a while, a refused call when allowed.
      unanswered.push(id);
      if (error instanceof HfError && REMEMBERED_FAILURES.has(error.kind)) {
        await db.misses.put({ id, at: options.now, failed: true }).catch(() => undefined);
      }
    }
  }
  return { papers: found, unanswered };
}

async function readStored(db: PapersDB, ids: string[]): Promise<Map<string, PaperOverview>> {
  const storedIds = ids.length >= KEY_SCAN_FROM ? new Set(await db.papers.toCollection().primaryKeys()) : undefined;
  const toRead = storedIds ? ids.filter((id) => storedIds.has(id)) : ids;
  const found = new Map<string, PaperOverview>();
  for (const paper of await db.papers.bulkGet(toRead)) if (paper) found.set(paper.id, toOverview(paper));
  return found;
}
