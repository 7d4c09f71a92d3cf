/**
 * What the popup reads from the extension's database, and the person's own writes (user state, the
 * popup's kv rows), over plain IndexedDB: the tables are Dexie's (./db.ts), but Dexie (~31 KB gzipped)
 * stays out of the popup's bundle. Changes made elsewhere (the background's sync) are announced by
 * Dexie on its BroadcastChannel; `onChange` listens there.
 */
import { compareByUpvotes } from '../shared/daily-lists';
import type { DayRecord, KeyValue, UpvoteSample, UserPaperState } from '../shared/db';
import { DATABASE_NAME } from '../shared/db-name';
import { openExistingDatabase, requestResult, transactionDone } from './idb-promise';
import type { Paper } from '../shared/paper';
import type { UpvotePoint } from './trends';
import type { UserStateWriter } from '../shared/user-state';
import type { SyncState } from '../shared/sync-state';
import { SYNC_STATE_KEY } from '../shared/storage-keys';
import type { TrendingList } from '../shared/db';
import { TRENDING_KEY } from '../shared/storage-keys';

/** Dexie 4 posts every committed change here, from any context of the extension. */
export const DEXIE_CHANGE_CHANNEL = 'x-storagemutated-1';

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

export type TableName = 'papers' | 'days' | 'upvoteHistory' | 'userState' | 'misses' | 'kv';

/** An early read older than this is not handed out: the view reads afresh. */
const EARLY_READ_MAX_AGE_MS = 2_000;

interface EarlyRead {
  read: Promise<unknown>;
  at: number;
  /** Set once the read has answered. */
  answer?: { value: unknown };
}

export class PopupStore implements UserStateWriter {
  /** Reads started before the views asked for them (see `readFirstScreen`), each handed out once. */
  private readonly early = new Map<string, EarlyRead>();
  private stopEarly: (() => void) | undefined;

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
    this.dropEarlyReads();
    this.db.close();
  }

  /**
   * Starts the reads the popup's first screen needs (the list of `day`, when it opens on a day, and the
   * person's marks) as soon as the database is open, while the page's code is still drawing the frame
   * around them. The views' first `dayList(day)` and `userStates()` calls take these answers; a change
   * announced meanwhile drops them (the views then read afresh), as does age.
   */
  readFirstScreen(day: string | undefined): void {
    const at = Date.now();
    const start = (key: string, read: Promise<unknown>) => {
      const early: EarlyRead = { read, at };
      read.then((value) => (early.answer = { value }), () => undefined);
      this.early.set(key, early);
    };
    if (day !== undefined) start(`dayList ${day}`, this.readDayList(day));
    start('userStates', this.readUserStates());
    start('syncState', this.readSyncState());
    this.stopEarly = this.onChange(() => this.dropEarlyReads());
  }

  /** Resolves once every read `readFirstScreen` started has answered (or failed). */
  async firstScreenRead(): Promise<void> {
    await Promise.all([...this.early.values()].map(({ read }) => read.catch(() => undefined)));
  }

  /**
   * An early answer that has already arrived, without taking it: a view's first render shows it at once
   * (its first ask, right after, takes the same answer). Undefined when there is none, or it is stale.
   */
  peekDayList(day: string): DayList | undefined {
    return this.peekEarly(`dayList ${day}`);
  }

  peekUserStates(): Map<string, UserPaperState> | undefined {
    return this.peekEarly('userStates');
  }

  peekSyncState(): SyncState | undefined {
    return this.peekEarly('syncState');
  }

  private peekEarly<T>(key: string): T | undefined {
    const early = this.early.get(key);
    return early?.answer && Date.now() - early.at < EARLY_READ_MAX_AGE_MS ? (early.answer.value as T) : undefined;
  }

  private takeEarly<T>(key: string, read: () => Promise<T>): Promise<T> {
    const early = this.early.get(key);
    this.early.delete(key);
    if (this.early.size === 0) this.dropEarlyReads();
    return early && Date.now() - early.at < EARLY_READ_MAX_AGE_MS ? (early.read as Promise<T>) : read();
  }

  private dropEarlyReads(): void {
    this.early.clear();
    this.stopEarly?.();
    this.stopEarly = undefined;
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
    return this.takeEarly(`dayList ${date}`, () => this.readDayList(date));
  }

  private async readDayList(date: string): Promise<DayList> {
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

  /** Up to `count` papers after `afterId` in id order: the search index loads the archive this way. */
  async paperBatch(afterId: string | undefined, count: number): Promise<Paper[]> {
    const range = afterId === undefined ? undefined : IDBKeyRange.lowerBound(afterId, true);
    return this.read('papers', (store) => store.getAll(range, count)) as Promise<Paper[]>;
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

  /** The sync's state (the early answer first: see `readFirstScreen`). */
  async syncState(): Promise<SyncState> {
    return this.takeEarly('syncState', () => this.readSyncState());
  }

  /** The sync's state, always read afresh (polling). */
  async readSyncState(): Promise<SyncState> {
    return (await this.readKv<SyncState>(SYNC_STATE_KEY)) ?? { running: false };
  }

  async trending(): Promise<TrendingList | undefined> {
    return this.readKv<TrendingList>(TRENDING_KEY);
  }

  /** Every row of the person's own state (one per paper they marked: small). */
  async userStates(): Promise<Map<string, UserPaperState>> {
    return this.takeEarly('userStates', () => this.readUserStates());
  }

  private async readUserStates(): Promise<Map<string, UserPaperState>> {
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

  /** Calls `listener` with the tables another context changed (the background's Dexie announces it). */
  onChange(listener: (tables: Set<TableName>) => void): () => void {
    return listenForChanges(this.name, listener);
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

/** Listens to Dexie's change channel for one database; also usable before the database exists. */
export function listenForChanges(name: string, listener: (tables: Set<TableName>) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(DEXIE_CHANGE_CHANNEL);
  const prefix = `idb://${name}/`;
  channel.onmessage = (event: MessageEvent) => {
    const parts: unknown = event.data;
    if (typeof parts !== 'object' || parts === null) return;
    const tables = new Set<TableName>();
    for (const key of Object.keys(parts)) {
      if (key.startsWith(prefix)) tables.add(key.slice(prefix.length).split('/')[0] as TableName);
    }
    if (tables.size) listener(tables);
  };
  return () => channel.close();
}
