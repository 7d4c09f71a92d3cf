/**
 * What the popup reads from the extension's database, and the person's own writes (user state, the
 * popup's kv rows), over plain IndexedDB: the tables are Dexie's (lib/shared/db.ts), but Dexie (~31 KB
 * gzipped) stays out of the popup's bundle. Changes made elsewhere are announced by notices
 * (./database-changes.ts); the first screen's reads are started early by ./first-screen.ts.
 */
import { compareByUpvotes } from '../shared/daily-lists';
import type { DayRecord, KeyValue, SearchIndexRow, UpvoteSample, UserPaperState } from '../shared/db';
import { DATABASE_NAME, type TableName } from '../shared/db-name';
import { openExistingDatabase, requestResult, transactionDone } from './idb-promise';
import type { Paper } from '../shared/paper';
import type { UpvotePoint } from './trends';
import type { UserStateWriter } from '../shared/user-state';
import type { SyncState } from '../shared/sync-state';
import { SYNC_STATE_KEY } from '../shared/storage-keys';
import type { TrendingList } from '../shared/db';
import { PAPER_LINKS_KEY_PREFIX, TRENDING_KEY } from '../shared/storage-keys';
import type { PaperLinks } from '../shared/messages';
import { linksOfRow } from '../shared/cached-links';

/** What a day view shows (see `PopupStore.dayList`). */
export interface DayList {
  /** The day whose list is shown; undefined when no stored day on or before the one asked has a list. */
  listDay: string | undefined;
  papers: Paper[];
  /** The list days just before and after `listDay` (days without a list are skipped). */
  previous?: string;
  next?: string;
  /** Without a list day: the oldest stored day (a day asked for may be older than the synced ones). */
  oldest?: string;
}

export class PopupStore implements UserStateWriter {
  private constructor(
    private readonly db: IDBDatabase,
    readonly name: string,
  ) {}

  /** The store, or undefined while the background has not created the database yet. */
  static async open(name = DATABASE_NAME): Promise<PopupStore | undefined> {
    const db = await openExistingDatabase(name);
    return db && new PopupStore(db, name);
  }

  close(): void {
    this.db.close();
  }

  async days(): Promise<DayRecord[]> {
    return this.read('days', (store) => store.getAll()) as Promise<DayRecord[]>;
  }

  /**
   * The list a day view shows, in one transaction: the list day (`date` itself or, for a weekend or a
   * day without a list, the latest list before it), its papers ranked, and the list days either side
   * (for navigation). A few cursor steps over the day records, not all of them: the popup's first list
   * must not grow slower as the archive grows.
   */
  async dayList(date: string): Promise<DayList> {
    const transaction = this.db.transaction(['days', 'papers'], 'readonly');
    const days = transaction.objectStore('days');
    const around = (day: string) =>
      Promise.all([
        requestResult(transaction.objectStore('papers').index('dailyDates').getAll(day)) as Promise<Paper[]>,
        firstListDay(days, IDBKeyRange.upperBound(day, true), 'prev'),
        firstListDay(days, IDBKeyRange.lowerBound(day, true), 'next'),
      ]);
    // Asked alongside the list day, on the guess that `date` has a list (a weekday's Today, a day
    // browsed to): one round trip to the database instead of two. Wrong guesses cost a small empty read.
    const guessed = around(date);
    guessed.catch(() => undefined);
    const listDay = await firstListDay(days, IDBKeyRange.upperBound(date), 'prev');
    if (!listDay) {
      const [oldest] = (await requestResult(days.getAllKeys(null, 1))) as string[];
      return { listDay: undefined, oldest, papers: [] };
    }
    const [papers, previous, next] = await (listDay === date ? guessed : around(listDay));
    return { listDay, previous, next, papers: papers.sort(compareByUpvotes) };
  }

  /** Papers listed on a Daily Papers day in `[start, end]`, each once (a paper can be on two days' lists). */
  async papersOfDays(start: string, end: string): Promise<Paper[]> {
    const listed = (await this.read('papers', (store) => store.index('dailyDates').getAll(IDBKeyRange.bound(start, end)))) as Paper[];
    return [...new Map(listed.map((paper) => [paper.id, paper])).values()];
  }

  /** Papers by id, in the order asked; missing ones are left out. */
  async papers(ids: readonly string[]): Promise<Paper[]> {
    if (ids.length === 0) return [];
    const found = await this.readEach<Paper>('papers', ids);
    return found.filter((paper): paper is Paper => paper !== undefined);
  }

  /**
   * Rows of the search index the background keeps (lib/background/search-index.ts), by key, in one
   * transaction (so a base and its shards agree); empty while the database predates the index's table.
   */
  async searchIndexRows(keys: readonly string[]): Promise<unknown[]> {
    if (!this.db.objectStoreNames.contains('searchIndex')) return [];
    const rows = await this.readEach<SearchIndexRow>('searchIndex', keys);
    return rows.map((row) => row?.value);
  }

  async readKv<T>(key: string): Promise<T | undefined> {
    const row = (await this.read('kv', (store) => store.get(key))) as KeyValue | undefined;
    return row?.value as T | undefined;
  }

  async writeKv(key: string, value: unknown): Promise<void> {
    const transaction = this.db.transaction('kv', 'readwrite');
    transaction.objectStore('kv').put({ key, value } satisfies KeyValue);
    await transactionDone(transaction);
  }

  /** The sync's state as stored (lib/shared/sync-state.ts says how far to believe `running`). */
  async syncState(): Promise<SyncState> {
    return (await this.readKv<SyncState>(SYNC_STATE_KEY)) ?? { running: false };
  }

  async trending(): Promise<TrendingList | undefined> {
    return this.readKv<TrendingList>(TRENDING_KEY);
  }

  /** The linked lists the extension has fetched, per paper (kv `paperLinks:` rows: a few hundred at most). */
  async cachedLinks(): Promise<Map<string, PaperLinks>> {
    const range = IDBKeyRange.bound(PAPER_LINKS_KEY_PREFIX, `${PAPER_LINKS_KEY_PREFIX}\uffff`);
    const rows = (await this.read('kv', (store) => store.getAll(range))) as KeyValue[];
    const found = new Map<string, PaperLinks>();
    for (const row of rows) {
      const links = linksOfRow(row.value);
      if (links) found.set(row.key.slice(PAPER_LINKS_KEY_PREFIX.length), links);
    }
    return found;
  }

  /** Every row of the person's own state (one per paper they marked: small). */
  async userStates(): Promise<Map<string, UserPaperState>> {
    const rows = (await this.read('userState', (store) => store.getAll())) as UserPaperState[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The upvote samples of each paper asked for, oldest first. */
  async history(ids: readonly string[]): Promise<Map<string, UpvotePoint[]>> {
    const transaction = this.db.transaction('upvoteHistory', 'readonly');
    const store = transaction.objectStore('upvoteHistory');
    const lists = await Promise.all(
      ids.map((id) => requestResult(store.getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))) as Promise<UpvoteSample[]>),
    );
    return new Map(ids.map((id, i) => [id, lists[i]!.map(({ at, upvotes }) => ({ at, upvotes }))]));
  }

  async updateUserState(
    id: string,
    update: (state: UserPaperState | undefined) => UserPaperState | undefined,
  ): Promise<UserPaperState | undefined> {
    const transaction = this.db.transaction('userState', 'readwrite');
    const store = transaction.objectStore('userState');
    const next = update((await requestResult(store.get(id))) as UserPaperState | undefined);
    if (next) store.put(next);
    else store.delete(id);
    await transactionDone(transaction);
    return next;
  }

  private async read(table: TableName, ask: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    return requestResult(ask(this.db.transaction(table, 'readonly').objectStore(table)));
  }

  private async readEach<T>(table: TableName, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
    const store = this.db.transaction(table, 'readonly').objectStore(table);
    return Promise.all(keys.map((key) => requestResult(store.get(key)) as Promise<T | undefined>));
  }
}

/** The first day record with a list (count > 0) in `range`, walking in `direction`. */
function firstListDay(days: IDBObjectStore, range: IDBKeyRange, direction: 'next' | 'prev'): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const request = days.openCursor(range, direction);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(undefined);
      if ((cursor.value as DayRecord).count > 0) return resolve((cursor.value as DayRecord).date);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
