/**
 * Searching all of Hugging Face's papers for the popup, in the background (which already holds the HF
 * client and its zod edge, so the popup's bundle does not). Nothing is stored by a search; a result the
 * person saves is kept in the database so the Saved list can show it.
 */
import { isHfPaperId } from '../shared/arxiv-id';
import type { PapersDB } from '../shared/db';
import type { HfClient } from './hf/client';
import { describeHfError, HfError } from './hf/errors';
import type { Paper } from '../shared/paper';
import { lookupPapers } from './lookup';
import { storeLookedUpPaper } from './sync/store';
import type { HfErrorKind } from '../shared/sync-state';
import type { HfSearchAnswer, SearchFailure } from '../shared/messages';

/** Results shown for one search. */
export const HF_SEARCH_LIMIT = 50;
/** Results remembered for `keep` (a few searches' worth). */
const RECENT_LIMIT = 300;


export interface HfSearchDeps {
  db: PapersDB;
  /**
   * A client for one call: few retries, no long waits. `keep` asks for one paper by id, a call a page
   * could cause too: its client spends the page budget (./hf/call-limits.ts).
   */
  client: (use: 'search' | 'keep') => HfClient;
  now: () => number;
  /**
   * Whether HF may be asked for one paper by id now: the live-lookup switch and, in Firefox, consent to
   * send browsing activity (lib/shared/data-consent.ts).
   */
  mayAskForPaper: () => Promise<boolean>;
}

export class HfSearchService {
  /** The latest results by id, oldest first, so `keep` rarely needs to ask HF again. */
  private readonly recent = new Map<string, Paper>();

  constructor(private readonly deps: HfSearchDeps) {}

  async search(query: string): Promise<HfSearchAnswer> {
    try {
      const { papers } = await this.deps.client('search').searchPapers(query, HF_SEARCH_LIMIT);
      for (const paper of papers) this.remember(paper);
      return { ok: true, papers };
    } catch (error) {
      return { ok: false, error: describeSearchFailure(error) };
    }
  }

  /**
   * Makes sure a saved search result is stored: from the search's own answer, or else from HF as a live
   * lookup is (./lookup.ts: only when allowed, within the page budget, a miss remembered for a day). False
   * when it is not stored: the save itself stands, and the paper shows once a sync or a search brings it.
   */
  async keep(id: string): Promise<{ kept: boolean }> {
    if (!isHfPaperId(id)) return { kept: false };
    const { db, now } = this.deps;
    if (await db.papers.get(id)) return { kept: true };
    const recent = this.recent.get(id);
    if (recent) {
      await storeLookedUpPaper(db, recent, now());
      return { kept: true };
    }
    if (!(await this.deps.mayAskForPaper())) return { kept: false };
    const { papers } = await lookupPapers(db, [id], { live: true, client: this.deps.client('keep'), now: now() });
    return { kept: papers.has(id) };
  }

  private remember(paper: Paper): void {
    this.recent.delete(paper.id);
    this.recent.set(paper.id, paper);
    while (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }
}

function describeSearchFailure(error: unknown): SearchFailure {
  if (error instanceof HfError) {
    return { kind: error.kind, message: describeHfError(error.kind), ...(error.retryAt ? { retryAt: error.retryAt } : {}) };
  }
  return { kind: 'unknown', message: 'The search failed unexpectedly.' };
}
