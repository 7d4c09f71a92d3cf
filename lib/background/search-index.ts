/**
 * The search index over every stored paper, kept by the background where papers are written, so the
 * popup never builds it: it reads the parts of the stored index a query needs (a base row and a row per
 * first letter of the words, ../shared/search/stored-index.ts; lib/popup/search/stored-index-reader.ts)
 * and searches titles and abstracts from the first keystroke.
 *
 * Every write of the papers table this worker's Dexie sees commit (a sync step, a live lookup, a kept
 * search result; the options page's import while the worker is awake) names the papers written; a
 * moment later they are read and upserted into the index (new papers added, changed texts indexed
 * again, upvotes refreshed) and the index is stored again, in the `searchIndex` table (../shared/db.ts),
 * all its rows in one transaction.
 * A worker that wakes checks a small record of what the stored index holds against the papers table:
 * none (the first start after the upgrade to schema 3, or a cleared cache) builds it once from every
 * paper; a different count (an import while the worker slept) catches up by ids.
 *
 * The index stays in memory only while papers are being written, as the compact snapshot just stored,
 * then goes (`keepMs`, shorter than the 30 s after which the browser stops an idle worker): the worker's
 * heap does not grow with the archive between syncs.
 */
import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { PapersDB } from '../shared/db';
import type { Paper } from '../shared/paper';
import { LocalSearchIndex, SNAPSHOT_FORMAT } from '../shared/search/local-index';
import { isCurrentBase, isCurrentShard, joinShards, shardRowKey, splitSnapshot } from '../shared/search/stored-index';
import { SEARCH_INDEX_KEY, SEARCH_INDEX_META_KEY, SEARCH_INDEX_SHARD_PREFIX } from '../shared/storage-keys';

/** What the stored index holds (the `SEARCH_INDEX_META_KEY` row). */
export interface SearchIndexMeta {
  format: number;
  /** Papers in the index when it was stored. */
  papers: number;
  /** The stored rows' version (../shared/search/stored-index.ts). */
  version: number;
}

export interface SearchIndexKeeperOptions {
  /** Writes are gathered this long before the index is updated and stored again: a sync step writes in a few transactions, and a run's steps follow each other within a second or so. */
  delayMs?: number;
  /** The index stays in memory this long after its last update. */
  keepMs?: number;
  /** Papers read per request while building. */
  batchSize?: number;
  /** Told of each full build (tests, the benchmark). */
  onBuild?: (papers: number, ms: number) => void;
}

/** Past this share of slots left by removed or re-indexed papers, the index is built anew. */
const REBUILD_REMOVED_SHARE = 0.25;

export class SearchIndexKeeper {
  private index: LocalSearchIndex | undefined;
  private readonly pending = new Set<string>();
  /** A change whose papers are not known one by one (a range deleted): the index is checked whole. */
  private unknownChange = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  /** Updates run one after another. */
  private chain: Promise<void> = Promise.resolve();
  private readonly onMutated = (parts: ObservabilitySet) => this.noteChanges(parts);

  constructor(
    private readonly db: PapersDB,
    private readonly options: SearchIndexKeeperOptions = {},
  ) {}

  /** Follows the writes of the papers table until `stop`. */
  start(): this {
    Dexie.on('storagemutated', this.onMutated);
    return this;
  }

  stop(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    clearTimeout(this.timer);
    clearTimeout(this.releaseTimer);
  }

  /**
   * Builds the index when none is stored, catches up when it holds another number of papers than the
   * table. `countPapers`: at a wake, the count the kept badge index's check shares (./paper-count.ts).
   */
  ensure(countPapers: () => Promise<number> = () => this.db.papers.count()): Promise<void> {
    return this.queue(async () => {
      const meta = (await this.db.searchIndex.get(SEARCH_INDEX_META_KEY))?.value as SearchIndexMeta | undefined;
      if (meta?.format !== SNAPSHOT_FORMAT) return this.store(await this.build());
      if (meta.papers === (await countPapers())) return;
      const index = await this.current();
      await this.catchUp(index);
      await this.store(index);
    });
  }

  /** Papers written (or deleted): upserted into the index a moment later. */
  papersWritten(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
    this.schedule();
  }

  /** Runs the pending update now (tests; the benchmark). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.queue(() => this.update());
  }

  private noteChanges(parts: ObservabilitySet): void {
    const written = parts[`idb://${this.db.name}/papers/`];
    if (!written) return;
    // Called without `new`, RangeSet copies a tree: a set sent by another context arrives as a plain one.
    for (const range of (RangeSet as unknown as (tree: unknown) => Iterable<{ from: unknown; to: unknown }>)(written)) {
      if (typeof range.from === 'string' && range.from === range.to) this.pending.add(range.from);
      else this.unknownChange = true;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.queue(() => this.update()).catch(() => undefined);
    }, this.options.delayMs ?? 1_000);
  }

  private queue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    // A failed update (a full disk) leaves the next one to try again: the chain goes on.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async update(): Promise<void> {
    const ids = [...this.pending];
    const whole = this.unknownChange;
    this.pending.clear();
    this.unknownChange = false;
    if (!ids.length && !whole) return;
    const stored = await this.readIndex();
    if (!stored) return this.store(await this.build());
    let index = stored;
    if (whole) await this.catchUp(index);
    const rows = await this.db.papers.bulkGet(ids);
    rows.forEach((row, i) => (row ? index.upsert(row) : index.remove(ids[i]!)));
    if (index.removedShare > REBUILD_REMOVED_SHARE) index = await this.build();
    await this.store(index);
  }

  /** The index in memory, else the stored one, else a new one built from every paper. */
  private async current(): Promise<LocalSearchIndex> {
    return (await this.readIndex()) ?? this.build();
  }

  /** The index in memory, else the stored one, whole (undefined when none is stored, or its rows disagree). */
  private async readIndex(): Promise<LocalSearchIndex | undefined> {
    if (this.index) return this.index;
    const { searchIndex } = this.db;
    const [base, shards] = await this.db.transaction('r', searchIndex, () =>
      Promise.all([searchIndex.get(SEARCH_INDEX_KEY), searchIndex.where('key').startsWith(SEARCH_INDEX_SHARD_PREFIX).toArray()]),
    );
    if (!isCurrentBase(base?.value)) return undefined;
    const { version } = base.value;
    const current = shards.map((row) => row.value).filter((shard) => isCurrentShard(shard, version));
    if (current.length !== base.value.shards.length) return undefined;
    return LocalSearchIndex.fromSnapshot(joinShards(base.value, current));
  }

  /** Adds the papers the index lacks and removes those the table lost, by ids. */
  private async catchUp(index: LocalSearchIndex): Promise<void> {
    const keys = new Set((await this.db.papers.toCollection().primaryKeys()) as string[]);
    for (const id of index.ids()) if (!keys.has(id)) index.remove(id);
    const missing = [...keys].filter((id) => !index.has(id));
    const size = this.options.batchSize ?? 500;
    for (let i = 0; i < missing.length; i += size) {
      for (const row of await this.db.papers.bulkGet(missing.slice(i, i + size))) if (row) index.upsert(row);
    }
  }

  /** Every stored paper, read a batch at a time (the table whole would be the archive in memory at once). */
  private async build(): Promise<LocalSearchIndex> {
    const started = performance.now();
    const index = new LocalSearchIndex();
    const size = this.options.batchSize ?? 500;
    let after: string | undefined;
    for (;;) {
      const batch: Paper[] = await (after === undefined ? this.db.papers.orderBy(':id') : this.db.papers.where(':id').above(after)).limit(size).toArray();
      if (!batch.length) break;
      for (const paper of batch) index.upsert(paper);
      after = batch.at(-1)!.id;
    }
    this.options.onBuild?.(index.size, performance.now() - started);
    return index;
  }

  private async store(index: LocalSearchIndex): Promise<void> {
    const snapshot = index.toSnapshot();
    const { searchIndex } = this.db;
    await this.db.transaction('rw', searchIndex, async () => {
      const previous = (await searchIndex.get(SEARCH_INDEX_META_KEY))?.value as Partial<SearchIndexMeta> | undefined;
      // Above any earlier version: a popup's shard read later than its base tells them apart.
      const version = Math.max(Date.now(), (previous?.version ?? 0) + 1);
      const { base, shards } = splitSnapshot(snapshot, version);
      const meta: SearchIndexMeta = { format: SNAPSHOT_FORMAT, papers: index.size, version };
      const keys = new Set(shards.map((shard) => shardRowKey(shard.key)));
      const stale = ((await searchIndex.where('key').startsWith(SEARCH_INDEX_SHARD_PREFIX).primaryKeys()) as string[]).filter((key) => !keys.has(key));
      await searchIndex.bulkDelete(stale);
      await searchIndex.bulkPut([
        { key: SEARCH_INDEX_KEY, value: base },
        ...shards.map((shard) => ({ key: shardRowKey(shard.key), value: shard })),
        { key: SEARCH_INDEX_META_KEY, value: meta },
      ]);
    });
    // Kept as the snapshot just written (its buffers, a tenth of a built index's arrays): the next step's
    // writes copy only the lists they touch.
    this.index = LocalSearchIndex.fromSnapshot(snapshot);
    clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => {
      this.index = undefined;
    }, this.options.keepMs ?? 20_000);
  }
}
