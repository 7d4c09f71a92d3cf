/**
 * One count of the papers table for the checks that follow a wake. Two of them count it, 3 s after
 * the first answer (./start-up-chores.ts): the kept badge index's check (./stored-papers.ts) and the
 * search index's catch-up (./search-index.ts). Chromium counts a table by reading every row, 110 ms
 * at 40,000 papers, and the database answers one request at a time: two counts were 220 ms of it per
 * wake for one number. A count is shared while it runs and for `keepMs` after, unless papers were
 * written since it began (Dexie's `storagemutated`, as ./stored-papers.ts follows it).
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { PapersDB } from '../shared/db';
import { tablesChanged } from './database-changes';
import { timedAsync, type TimingsSource } from './timings';

/** A count is handed to a later asker this long after it began (both checks ask within a few ms). */
export const SHARED_COUNT_MS = 5_000;

export class PaperCount {
  private last: { at: number; count: Promise<number> } | undefined;
  private readonly onMutated = (parts: ObservabilitySet) => {
    if (tablesChanged(parts, this.db.name).has('papers')) this.last = undefined;
  };

  constructor(
    private readonly db: PapersDB,
    /** `timings`: the benchmark's sink for each count's time (./timings.ts). */
    private readonly options: { keepMs?: number; now?: () => number; timings?: TimingsSource } = {},
  ) {
    Dexie.on('storagemutated', this.onMutated);
  }

  /** The number of stored papers: counted now, or the count begun less than `keepMs` ago with no papers written since. */
  count(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    if (this.last && now - this.last.at < (this.options.keepMs ?? SHARED_COUNT_MS)) return this.last.count;
    const last = { at: now, count: timedAsync(this.options.timings, 'count', () => this.db.papers.count()) };
    this.last = last;
    // A failed count is not handed on: the next asker counts again.
    last.count.catch(() => {
      if (this.last === last) this.last = undefined;
    });
    return last.count;
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }
}
