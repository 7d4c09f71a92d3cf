/**
 * The extension's one IndexedDB database. Only extension pages and the background open it; content
 * scripts ask the background (their IndexedDB would be the page's).
 *
 * Every schema change is a new `version(n)` with its upgrade; a released version is never edited.
 */
import { Dexie, type DBCore, type DBCoreMutateRequest, type EntityTable, type Table } from 'dexie';
import { DATABASE_NAME } from './db-name';
import { DATABASE_ID_KEY } from './storage-keys';
import type { Paper } from './paper';

/** What the sync knows of one Daily Papers day. */
export interface DayRecord {
  /** YYYY-MM-DD (UTC). */
  date: string;
  fetchedAt: number;
  /** Papers stored for the day by that fetch. */
  count: number;
  /** Items HF sent that failed validation. */
  dropped: number;
  /**
   * `complete`: every page was fetched and the day is over; `open`: fetched, but the day's list can
   * still grow; `not-open`: HF does not serve the day yet; `partial`: only its first page(s) were
   * fetched and they were full, so more may exist: the next run fetches the day again, every page.
   * (A status is not indexed: adding one needs no schema version.)
   */
  status: 'complete' | 'open' | 'not-open' | 'partial';
}

export interface UpvoteSample {
  id: string;
  at: number;
  upvotes: number;
}

/** The person's own state: written only by the person's actions, never by a sync. */
export interface UserPaperState {
  id: string;
  /** When saved (ms), absent when not saved. */
  savedAt?: number;
  readAt?: number;
  notifiedAt?: number;
}

/** The cached answer of a live `/api/papers/{id}` lookup that found nothing, or failed. */
export interface MissRecord {
  id: string;
  at: number;
  /** The lookup failed (HF down, too slow, a broken answer): remembered briefly, not for a day. Not indexed. */
  failed?: true;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

/**
 * A row of the search index's table (`SEARCH_INDEX_KEY`, `SEARCH_INDEX_META_KEY` in ./storage-keys.ts):
 * the index itself (./search/local-index.ts `SearchIndexSnapshot`) and a small record of what it holds,
 * apart, so a waking worker checks the index without reading it.
 */
export interface SearchIndexRow {
  key: string;
  value: unknown;
}

/** The kv row of Hugging Face's trending list (`TRENDING_KEY`, ./storage-keys.ts). */
export interface TrendingList {
  fetchedAt: number;
  /** Paper ids in HF's trending order. */
  ids: string[];
}

/** A paper as written: its `dailyDate` among its `dailyDates` (an import or a backup may bring only the former). */
function withDailyDates(paper: Paper): Paper {
  if (!paper.dailyDate || paper.dailyDates?.includes(paper.dailyDate)) return paper;
  return { ...paper, dailyDates: [...(paper.dailyDates ?? []), paper.dailyDate].sort() };
}

/**
 * Every write of a paper, whoever makes it (sync, lookup, import, restore, tests), lists it on its own
 * day: the day lists read the multi-entry `dailyDates` index. A middleware, not a hook: hooks make Dexie
 * read each row before a put.
 */
const listDaysOnEveryWrite = {
  stack: 'dbcore' as const,
  name: 'listDaysOnEveryWrite',
  create: (down: DBCore): DBCore => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      if (name !== 'papers') return table;
      return {
        ...table,
        mutate: (request: DBCoreMutateRequest) =>
          table.mutate(request.type === 'put' || request.type === 'add' ? { ...request, values: (request.values as Paper[]).map(withDailyDates) } : request),
      };
    },
  }),
};

export class PapersDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  days!: EntityTable<DayRecord, 'date'>;
  upvoteHistory!: Table<UpvoteSample, [string, number]>;
  userState!: EntityTable<UserPaperState, 'id'>;
  misses!: EntityTable<MissRecord, 'id'>;
  kv!: EntityTable<KeyValue, 'key'>;
  searchIndex!: EntityTable<SearchIndexRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    // Relaxed durability: a power cut may lose the last sync write (re-fetched next run), never corrupt it.
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores({
      papers: 'id, dailyDate, upvotes, githubRepoKey',
      days: 'date',
      upvoteHistory: '[id+at], id',
      userState: 'id, savedAt, readAt',
      misses: 'id',
      kv: 'key',
    });
    // 0.3: a paper can be on several days' lists (`dailyDates`, multi-entry). Papers keep `dailyDate`.
    this.version(2)
      .stores({ papers: 'id, dailyDate, *dailyDates, upvotes, githubRepoKey' })
      .upgrade((tx) =>
        tx
          .table<Paper, string>('papers')
          .toCollection()
          .modify((paper) => {
            if (paper.dailyDate && !paper.dailyDates) paper.dailyDates = [paper.dailyDate];
          }),
      );
    // 0.3: the search index, built by the background as papers are written (lib/background/search-index.ts).
    // Its own table, not kv: a kv write drops the background's view of the papers (../background/stored-papers.ts).
    // The upgrade adds no rows: the background builds the index once after it (it reads every paper, which
    // inside the upgrade would hold every context's open for seconds).
    this.version(3)
      .stores({ searchIndex: 'key' })
      .upgrade(() => undefined);
    // An id for each database made, whatever made it (a first install, or the browser deleting a damaged
    // one): the copy of the marks says which database it was taken from (lib/background/user-state-backup.ts).
    this.on('populate', (tx) => {
      void tx.table('kv').put({ key: DATABASE_ID_KEY, value: crypto.randomUUID() } satisfies KeyValue);
    });
    this.use(listDaysOnEveryWrite);
  }
}

let shared: PapersDB | undefined;

/** The database of this extension context, opened once. */
export function papersDb(): PapersDB {
  shared ??= new PapersDB();
  return shared;
}
