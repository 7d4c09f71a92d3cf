/**
 * What the popup reads from the extension's database, and the person's own writes (user state, the
 * popup's kv rows), over plain IndexedDB: the tables are Dexie's (./db.ts), but Dexie (~31 KB gzipped)
 * stays out of the popup's bundle. Changes made elsewhere (the background's sync) are announced by
 * Dexie on its BroadcastChannel; `onChange` listens there.
 */
import { compareByUpvotes, listDayOnOrBefore } from './daily-lists';
import type { DayRecord, KeyValue, UpvoteSample, UserPaperState } from './db';
import { DATABASE_NAME } from './db-name';
import { openExistingDatabase, requestResult, transactionDone } from './idb-promise';
import type { Paper } from './paper';
import { SYNC_STATE_KEY, type SyncState } from './sync/state';
import { TRENDING_KEY, type TrendingList } from './sync/store';
import type { UpvotePoint } from './trends';
import type { UserStateWriter } from './user-state';

/** Dexie 4 posts every committed change here, from any context of the extension. */
export const DEXIE_CHANGE_CHANNEL = 'x-storagemutated-1';

export type TableName = 'papers' | 'days' | 'upvoteHistory' | 'userState' | 'misses' | 'kv';

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
   * The list a day view shows, in one transaction: the day records (for navigation), the list day
   * (`date` itself or, for a weekend or a day without a list, the latest list before it) and its papers.
   */
  async dayList(date: string): Promise<{ days: DayRecord[]; listDay: string | undefined; papers: Paper[] }> {
    const transaction = this.db.transaction(['days', 'papers'], 'readonly');
    const days = (await requestResult(transaction.objectStore('days').getAll())) as DayRecord[];
    const listDay = listDayOnOrBefore(days, date);
    const papers = listDay
      ? ((await requestResult(transaction.objectStore('papers').index('dailyDate').getAll(listDay))) as Paper[])
      : [];
    return { days, listDay, papers: papers.sort(compareByUpvotes) };
  }

  /** Papers whose Daily Papers day is in `[start, end]`. */
  async papersOfDays(start: string, end: string): Promise<Paper[]> {
    return this.read('papers', (store) => store.index('dailyDate').getAll(IDBKeyRange.bound(start, end))) as Promise<Paper[]>;
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

  async syncState(): Promise<SyncState> {
    return (await this.readKv<SyncState>(SYNC_STATE_KEY)) ?? { running: false };
  }

  async trending(): Promise<TrendingList | undefined> {
    return this.readKv<TrendingList>(TRENDING_KEY);
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
