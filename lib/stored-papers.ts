/**
 * The background's in-memory view of the stored papers, for pages: a listing asks about up to 2000
 * ids at once, and reading each from IndexedDB takes longer than a page should wait. Filled from the
 * database on first use (one read of the table), dropped whenever the papers table changes (a sync
 * step, a live lookup), so it never answers with older data than the database holds. It keeps what
 * pages are sent (papers without their abstracts), so it costs a fraction of the table's size.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { PapersDB } from './db';
import { toOverview, type PaperOverview } from './messages';

export class StoredPapers {
  private papers: Map<string, PaperOverview> | undefined;
  private loading: Promise<Map<string, PaperOverview>> | undefined;
  /** Bumped by every change to the papers table: a load begun before it is not kept. */
  private generation = 0;
  private readonly tablePart: string;
  private readonly onMutated = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(this.tablePart))) return;
    this.generation++;
    this.papers = undefined;
    this.loading = undefined;
  };

  constructor(private readonly db: PapersDB) {
    this.tablePart = `idb://${db.name}/${db.papers.name}/`;
    Dexie.on('storagemutated', this.onMutated);
  }

  /** The stored papers among `ids`. */
  async get(ids: readonly string[]): Promise<Map<string, PaperOverview>> {
    const all = await this.load();
    const found = new Map<string, PaperOverview>();
    for (const id of ids) {
      const paper = all.get(id);
      if (paper) found.set(id, paper);
    }
    return found;
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
