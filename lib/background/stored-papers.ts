/**
 * The background's in-memory view of the stored papers, for pages: a listing asks about up to 2000
 * ids at once, and reading each from IndexedDB takes longer than a page should wait. Filled from the
 * database on first use (one read of the table), dropped whenever the papers table changes (a sync
 * step, a live lookup), so it never answers with older data than the database holds. It keeps what
 * pages are sent (papers without their abstracts), so it costs a fraction of the table's size.
 *
 * Listings and GitHub pages get the badge index (./badge-index.ts) built from it, once per change of
 * the table. A paper page asking about a single id before the view is filled (a worker just started)
 * is answered by reading that id, not the whole table: the view fills after.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { encodeBadgeIndex } from '../shared/badge-index';
import type { PapersDB } from '../shared/db';
import { toOverview, type PaperOverview } from '../shared/messages';

/** Up to this many ids, a question to a view not filled yet reads those ids only. */
export const DIRECT_READ_MAX = 3;

export class StoredPapers {
  private papers: Map<string, PaperOverview> | undefined;
  private index: string | undefined;
  private loading: Promise<Map<string, PaperOverview>> | undefined;
  /** Bumped by every change to the papers table: a load begun before it is not kept. */
  private generation = 0;
  private readonly tablePart: string;
  private readonly onMutated = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(this.tablePart))) return;
    this.generation++;
    this.papers = undefined;
    this.index = undefined;
    this.loading = undefined;
  };

  constructor(private readonly db: PapersDB) {
    this.tablePart = `idb://${db.name}/${db.papers.name}/`;
    Dexie.on('storagemutated', this.onMutated);
  }

  /** The stored papers among `ids`. */
  async get(ids: readonly string[]): Promise<Map<string, PaperOverview>> {
    if (!this.papers && ids.length <= DIRECT_READ_MAX) {
      const rows = await this.db.papers.bulkGet([...ids]);
      // The answer first; then the view fills for the listings to come.
      setTimeout(() => void this.load().catch(() => undefined));
      const found = new Map<string, PaperOverview>();
      for (const row of rows) if (row) found.set(row.id, toOverview(row));
      return found;
    }
    const all = await this.load();
    const found = new Map<string, PaperOverview>();
    for (const id of ids) {
      const paper = all.get(id);
      if (paper) found.set(id, paper);
    }
    return found;
  }

  /** Every stored paper's badge, encoded (./badge-index.ts): built once per change of the table. */
  async badgeIndex(): Promise<string> {
    const all = await this.load();
    // The index is dropped with the view it was built from: kept only while that view is current.
    if (this.index !== undefined && this.papers === all) return this.index;
    const index = encodeBadgeIndex(all.values());
    if (this.papers === all) this.index = index;
    return index;
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  private load(): Promise<Map<string, PaperOverview>> {
    if (this.papers) return Promise.resolve(this.papers);
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.db.papers.toArray().then((rows) => {
      const papers = new Map(rows.map((row) => [row.id, toOverview(row)]));
      if (generation === this.generation) this.papers = papers;
      if (this.loading === loading) this.loading = undefined;
      return papers;
    });
    this.loading = loading;
    return loading;
  }
}
