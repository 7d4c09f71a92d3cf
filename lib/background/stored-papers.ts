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
 *
 * What pages can read is only what public lists hold: the papers of the synced Daily Papers days and
 * of the trending list. A paper stored because the person opened it (a live lookup) or saved a search
 * result is answered only to a question that could have asked Hugging Face itself (live lookups allowed,
 * a few ids): otherwise a script on a page could list candidate ids and read off what the person read.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { encodeBadgeIndex } from '../shared/badge-index';
import { tablesChanged } from './database-changes';
import { encodeTitleIndex } from '../shared/title-index';
import type { PapersDB, TrendingList } from '../shared/db';
import { toOverview, type PaperOverview } from '../shared/messages';
import type { Paper } from '../shared/paper';
import { TRENDING_KEY } from '../shared/storage-keys';

/** Up to this many ids, a question to a view not filled yet reads those ids only. */
export const DIRECT_READ_MAX = 3;

interface View {
  papers: Map<string, PaperOverview>;
  /** The ids on a synced Daily Papers day's list or on the trending list: what any page may read. */
  listed: Set<string>;
}

/** Whether a stored paper is on a public list the sync fetched: a synced list day, or the trending list. */
function isListed(paper: Paper, listDays: Set<string>, trending: Set<string>): boolean {
  return trending.has(paper.id) || (paper.dailyDates ?? []).some((day) => listDays.has(day));
}

export class StoredPapers {
  private view: View | undefined;
  private index: string | undefined;
  private titles: string | undefined;
  private loading: Promise<View> | undefined;
  /** Bumped by every change to the tables the view reads: a load begun before it is not kept. */
  private generation = 0;
  private readonly onMutated = (parts: ObservabilitySet) => {
    const changed = tablesChanged(parts, this.db.name);
    if (!changed.has('papers') && !changed.has('days') && !changed.has('kv')) return;
    this.generation++;
    this.view = undefined;
    this.index = undefined;
    this.titles = undefined;
    this.loading = undefined;
  };

  constructor(private readonly db: PapersDB) {
    Dexie.on('storagemutated', this.onMutated);
  }

  /**
   * The stored papers among `ids` that a page may read: the listed ones, and with `unlisted` (a
   * question that may ask Hugging Face live anyway) any stored one.
   */
  async get(ids: readonly string[], options: { unlisted?: boolean } = {}): Promise<Map<string, PaperOverview>> {
    const found = new Map<string, PaperOverview>();
    if (!this.view && ids.length <= DIRECT_READ_MAX) {
      const rows = (await this.db.papers.bulkGet([...ids])).filter((row): row is Paper => row !== undefined);
      const listed = options.unlisted ? rows : await this.listedRows(rows);
      // The answer first; then the view fills for the listings to come.
      setTimeout(() => void this.load().catch(() => undefined));
      for (const row of listed) found.set(row.id, toOverview(row));
      return found;
    }
    const view = await this.load();
    for (const id of ids) {
      const paper = view.papers.get(id);
      if (paper && (options.unlisted || view.listed.has(id))) found.set(id, paper);
    }
    return found;
  }

  /** The badge of every listed paper, encoded (./badge-index.ts): built once per change of the tables. */
  async badgeIndex(): Promise<string> {
    const view = await this.load();
    // The index is dropped with the view it was built from: kept only while that view is current.
    if (this.index !== undefined && this.view === view) return this.index;
    const listed: PaperOverview[] = [];
    for (const id of view.listed) listed.push(view.papers.get(id)!);
    const index = encodeBadgeIndex(listed);
    if (this.view === view) this.index = index;
    return index;
  }

  /**
   * Every listed paper's normalised title (../shared/title-index.ts), for the sites that match titles:
   * built once per change of the view, from the same public papers as the badge index.
   */
  async titleIndex(): Promise<string> {
    const view = await this.load();
    if (this.titles !== undefined && this.view === view) return this.titles;
    const listed: PaperOverview[] = [];
    for (const id of view.listed) listed.push(view.papers.get(id)!);
    const titles = encodeTitleIndex(listed);
    if (this.view === view) this.titles = titles;
    return titles;
  }

  /** Of a few rows read directly, those on a public list: their days' records and the trending list, read for them. */
  private async listedRows(rows: Paper[]): Promise<Paper[]> {
    if (!rows.length) return rows;
    const days = [...new Set(rows.flatMap((row) => row.dailyDates ?? []))];
    const [records, trending] = await Promise.all([this.db.days.bulkGet(days), this.db.kv.get(TRENDING_KEY)]);
    const listDays = new Set(records.filter((day) => day !== undefined && day.count > 0).map((day) => day!.date));
    const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
    return rows.filter((row) => isListed(row, listDays, trendingIds));
  }

  /** Of `papers`, those on a public list (a repository's card shows only those: see above). */
  async listedOf<T extends { id: string }>(papers: T[]): Promise<T[]> {
    const { listed } = await this.load();
    return papers.filter((paper) => listed.has(paper.id));
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  private load(): Promise<View> {
    if (this.view) return Promise.resolve(this.view);
    if (this.loading) return this.loading;
    const generation = this.generation;
    const read = this.db.transaction('r', [this.db.papers, this.db.days, this.db.kv], () =>
      Promise.all([this.db.papers.toArray(), this.db.days.toArray(), this.db.kv.get(TRENDING_KEY)]),
    );
    const loading = read.then(([rows, days, trending]) => {
      const listDays = new Set(days.filter((day) => day.count > 0).map((day) => day.date));
      const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
      const view: View = { papers: new Map(), listed: new Set() };
      for (const row of rows) {
        view.papers.set(row.id, toOverview(row));
        if (isListed(row, listDays, trendingIds)) view.listed.add(row.id);
      }
      if (generation === this.generation) this.view = view;
      if (this.loading === loading) this.loading = undefined;
      return view;
    });
    this.loading = loading;
    return loading;
  }
}
