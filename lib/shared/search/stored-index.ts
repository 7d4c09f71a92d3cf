/**
 * The search index as stored: a base row (the papers' ids, upvotes and flags) and one row per first
 * letter of the indexed words, a "shard" (those words, their counts and posting lists). A popup's first
 * keystroke reads the base and the shards of its words (a tenth of the index or so), not the whole index;
 * the other shards are read after (lib/popup/search/stored-index-reader.ts). The background writes them
 * all in one transaction, under one `version` (lib/background/search-index.ts), so a reader that reads a
 * shard later can tell it belongs to another base.
 *
 * A shard's words are in their sort order and every posting list stays as encoded, so splitting and
 * joining copy bytes; nothing is decoded. Shards joined in key order give the words in sort order.
 */
import { SNAPSHOT_FORMAT, type SearchIndexSnapshot } from './local-index';
import { queryTerms, shardOf } from './tokenize';
import { SEARCH_INDEX_SHARD_PREFIX } from '../storage-keys';

export interface StoredIndexBase {
  format: typeof SNAPSHOT_FORMAT;
  /** The version its shards were written with. */
  version: number;
  ids: string;
  upvotes: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  hashes: Uint32Array<ArrayBuffer>;
  /** Every shard's key and its size in bytes (about what reading it costs), in key order. */
  shards: { key: string; bytes: number }[];
}

export interface StoredIndexShard {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** What every word of the shard starts with (`shardOf`). */
  key: string;
  /** Its words, in sort order, joined by newlines. */
  words: string;
  /** As in `SearchIndexSnapshot`, for its words (their ids counted from 0 in the shard). */
  counts: Uint32Array<ArrayBuffer>;
  offsets: Uint32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
}

/** A shard's row key. */
export function shardRowKey(key: string): string {
  return SEARCH_INDEX_SHARD_PREFIX + key;
}

/** The shards a query's words are in, each once. */
export function queryShards(query: string): string[] {
  return [...new Set(queryTerms(query).map((term) => shardOf(term.text)))];
}

/** A snapshot cut into its base and its shards (the words grouped by their first letter). */
export function splitSnapshot(snapshot: SearchIndexSnapshot, version: number): { base: StoredIndexBase; shards: StoredIndexShard[] } {
  const words = snapshot.words ? snapshot.words.split('\n') : [];
  const { order, offsets } = snapshot;
  const shards: StoredIndexShard[] = [];
  for (let start = 0; start < order.length; ) {
    const key = shardOf(words[order[start]!]!);
    let end = start + 1;
    while (end < order.length && shardOf(words[order[end]!]!) === key) end++;
    let bytes = 0;
    for (let i = start; i < end; i++) bytes += offsets[2 * order[i]! + 2]! - offsets[2 * order[i]!]!;
    const shard: StoredIndexShard = {
      format: SNAPSHOT_FORMAT,
      version,
      key,
      words: '',
      counts: new Uint32Array(2 * (end - start)),
      offsets: new Uint32Array(2 * (end - start) + 1),
      postings: new Uint8Array(bytes),
    };
    const texts: string[] = [];
    let at = 0;
    for (let i = start; i < end; i++) {
      const id = order[i]!;
      const local = i - start;
      texts.push(words[id]!);
      // A word's head list and its body list are one run of bytes: copied as one.
      const from = offsets[2 * id]!;
      shard.offsets[2 * local] = at;
      shard.offsets[2 * local + 1] = at + offsets[2 * id + 1]! - from;
      shard.counts[2 * local] = snapshot.counts[2 * id]!;
      shard.counts[2 * local + 1] = snapshot.counts[2 * id + 1]!;
      shard.postings.set(snapshot.postings.subarray(from, offsets[2 * id + 2]!), at);
      at += offsets[2 * id + 2]! - from;
    }
    shard.offsets[2 * (end - start)] = at;
    shard.words = texts.join('\n');
    shards.push(shard);
    start = end;
  }
  const base: StoredIndexBase = {
    format: SNAPSHOT_FORMAT,
    version,
    ids: snapshot.ids,
    upvotes: snapshot.upvotes,
    flags: snapshot.flags,
    hashes: snapshot.hashes,
    shards: shards.map((shard) => ({ key: shard.key, bytes: shard.postings.byteLength + 2 * shard.words.length + 12 * shard.counts.length })),
  };
  return { base, shards };
}

/** The base and some of its shards (any order) as one snapshot: the words of other shards are not in it. */
export function joinShards(base: StoredIndexBase, shards: readonly StoredIndexShard[]): SearchIndexSnapshot {
  const sorted = [...shards].sort((a, b) => (a.key < b.key ? -1 : 1));
  let words = 0;
  let bytes = 0;
  for (const shard of sorted) {
    words += shard.counts.length / 2;
    bytes += shard.postings.byteLength;
  }
  const counts = new Uint32Array(2 * words);
  const offsets = new Uint32Array(2 * words + 1);
  const postings = new Uint8Array(bytes);
  let word = 0;
  let at = 0;
  for (const shard of sorted) {
    const n = shard.counts.length / 2;
    counts.set(shard.counts, 2 * word);
    for (let i = 0; i < 2 * n; i++) offsets[2 * word + i] = shard.offsets[i]! + at;
    postings.set(shard.postings, at);
    word += n;
    at += shard.postings.byteLength;
  }
  offsets[2 * words] = at;
  return {
    format: SNAPSHOT_FORMAT,
    ids: base.ids,
    upvotes: base.upvotes,
    flags: base.flags,
    hashes: base.hashes,
    words: sorted
      .map((shard) => shard.words)
      .filter(Boolean)
      .join('\n'),
    order: Uint32Array.from({ length: words }, (_, i) => i),
    counts,
    offsets,
    postings,
  };
}

/** Whether a stored value is a base or a shard of this format (an older one is rebuilt, not read). */
export function isCurrentBase(value: unknown): value is StoredIndexBase {
  return (value as StoredIndexBase | undefined)?.format === SNAPSHOT_FORMAT && Array.isArray((value as StoredIndexBase).shards);
}

export function isCurrentShard(value: unknown, version: number): value is StoredIndexShard {
  const shard = value as StoredIndexShard | undefined;
  return shard?.format === SNAPSHOT_FORMAT && shard.version === version && typeof shard.key === 'string';
}
