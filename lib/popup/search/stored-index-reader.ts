/**
 * The popup's reads of the search index the background stores (../../shared/search/stored-index.ts):
 * the base (the papers' ids and upvotes) ahead of the first keystroke, the shards of a query's words
 * when it is typed, the other shards a batch at a time after. Each read is one transaction; a shard read
 * later than its base and written with another version (the background stored a newer index meanwhile)
 * makes the reader start again from a new base, so slots never point at another index's papers.
 */
import { LocalSearchIndex } from '../../shared/search/local-index';
import { isCurrentBase, isCurrentShard, joinShards, queryShards, shardRowKey, type StoredIndexBase, type StoredIndexShard } from '../../shared/search/stored-index';
import { SEARCH_INDEX_KEY } from '../../shared/storage-keys';

/** Values of the search index's rows by key, read in one transaction (undefined for a missing row). */
export type ReadIndexRows = (keys: readonly string[]) => Promise<unknown[]>;

export class StoredIndexReader {
  private base: StoredIndexBase | undefined;
  private listed = new Set<string>();
  private readonly shards = new Map<string, StoredIndexShard>();
  /** The last index joined, and how many shards it holds. */
  private built: { index: LocalSearchIndex; shards: number } | undefined;
  /** Reads run one after another. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly readRows: ReadIndexRows) {}

  /** Reads the base ahead of the first keystroke; false while none is stored. */
  prepare(): Promise<boolean> {
    return this.queue(async () => Boolean(this.base) || this.readBase([]));
  }

  /** An index holding every word `query` can match (its shards read); undefined while none is stored. */
  indexFor(query: string): Promise<LocalSearchIndex | undefined> {
    return this.queue(async () => {
      const keys = queryShards(query);
      if (this.base) {
        const missing = keys.filter((key) => this.listed.has(key) && !this.shards.has(key));
        if (missing.length && !(await this.readShards(missing))) this.clear();
      }
      if (!this.base && !(await this.readBase(keys))) return undefined;
      return this.index();
    });
  }

  /** Reads about `bytes` more of the shards not read yet; false once all are read (or none is stored, or a newer one was). */
  readMore(bytes: number): Promise<boolean> {
    return this.queue(async () => {
      if (!this.base) return false;
      const next: string[] = [];
      let total = 0;
      for (const shard of this.base.shards) {
        if (this.shards.has(shard.key)) continue;
        if (next.length && total + shard.bytes > bytes) break;
        next.push(shard.key);
        total += shard.bytes;
      }
      if (!next.length) return false;
      if (await this.readShards(next)) return true;
      this.clear();
      return false;
    });
  }

  /** Forgets what was read (the background stored a newer index): the next query reads anew. */
  reset(): void {
    void this.queue(async () => this.clear());
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private clear(): void {
    this.base = undefined;
    this.listed = new Set();
    this.shards.clear();
    this.built = undefined;
  }

  /** The base and the shards `keys`, together; false when none is stored or the rows disagree. */
  private async readBase(keys: readonly string[]): Promise<boolean> {
    const [base, ...shards] = await this.readRows([SEARCH_INDEX_KEY, ...keys.map(shardRowKey)]);
    if (!isCurrentBase(base)) return false;
    const listed = new Set(base.shards.map((shard) => shard.key));
    const found: StoredIndexShard[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (!listed.has(keys[i]!)) continue;
      const shard = shards[i];
      // Written in one transaction with its base: anything else is an index to build again, not to read.
      if (!isCurrentShard(shard, base.version)) return false;
      found.push(shard);
    }
    this.base = base;
    this.listed = listed;
    for (const shard of found) this.shards.set(shard.key, shard);
    return true;
  }

  /** Shards of the base read; false when one belongs to a newer index. */
  private async readShards(keys: readonly string[]): Promise<boolean> {
    const version = this.base!.version;
    const rows = await this.readRows(keys.map(shardRowKey));
    if (!rows.every((row) => isCurrentShard(row, version))) return false;
    for (const row of rows as StoredIndexShard[]) this.shards.set(row.key, row);
    return true;
  }

  private index(): LocalSearchIndex | undefined {
    if (this.built?.shards === this.shards.size) return this.built.index;
    const unread = new Set([...this.listed].filter((key) => !this.shards.has(key)));
    const index = LocalSearchIndex.fromSnapshot(joinShards(this.base!, [...this.shards.values()]), unread);
    if (index) this.built = { index, shards: this.shards.size };
    return index;
  }
}
