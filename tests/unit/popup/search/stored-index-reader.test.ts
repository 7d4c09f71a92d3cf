import { describe, expect, it } from 'vitest';
import { LocalSearchIndex } from '../../../../lib/shared/search/local-index';
import { shardRowKey, splitSnapshot } from '../../../../lib/shared/search/stored-index';
import { StoredIndexReader } from '../../../../lib/popup/search/stored-index-reader';
import { SEARCH_INDEX_KEY } from '../../../../lib/shared/storage-keys';
import type { Paper } from '../../../../lib/shared/paper';
import { makePaper } from '../../support/builders';

const PAPERS = [
  makePaper({ id: '2506.00001', title: 'Normalizing flows at scale', summary: 'We study density models.', upvotes: 5 }),
  makePaper({ id: '2506.00002', title: 'Vision models', summary: 'Normalizing flows are one family we cover.', upvotes: 50 }),
  makePaper({ id: '2506.00003', title: 'Robot grasping', summary: 'Grasps.', upvotes: 1 }),
];

/** The rows the background writes, in a map; each read logs its keys and answers clones (as IndexedDB does). */
function storedRows(papers: Paper[], version = 1) {
  const rows = new Map<string, unknown>();
  const write = (papers: Paper[], version: number) => {
    const index = new LocalSearchIndex();
    for (const paper of papers) index.upsert(paper);
    const { base, shards } = splitSnapshot(index.toSnapshot(), version);
    for (const key of [...rows.keys()]) if (key !== SEARCH_INDEX_KEY) rows.delete(key);
    rows.set(SEARCH_INDEX_KEY, base);
    for (const shard of shards) rows.set(shardRowKey(shard.key), shard);
  };
  write(papers, version);
  const reads: string[][] = [];
  const read = async (keys: readonly string[]) => {
    reads.push([...keys]);
    return keys.map((key) => structuredClone(rows.get(key)));
  };
  return { rows, reads, read, write };
}

const ids = (index: LocalSearchIndex | undefined, query: string) => index?.search(query).docs.map((doc) => doc.id);

describe('StoredIndexReader', () => {
  it('reads the base ahead, then only the shards a query’s words are in', async () => {
    const { reads, read } = storedRows(PAPERS);
    const reader = new StoredIndexReader(read);
    expect(await reader.prepare()).toBe(true);
    expect(reads).toEqual([[SEARCH_INDEX_KEY]]);
    const index = await reader.indexFor('normalizing flows');
    expect(reads.slice(1)).toEqual([['shard:n', 'shard:f']]);
    expect(ids(index, 'normalizing flows')).toEqual(['2506.00001', '2506.00002']);
    expect(index?.covers('flows')).toBe(true);
    expect(index?.covers('robot')).toBe(false);
    // A query whose shards are read already reads nothing and gets the same index.
    expect(await reader.indexFor('flow')).toBe(index);
    expect(reads).toHaveLength(2);
  });

  it('reads the base and a first query’s shards in one read when nothing was read before', async () => {
    const { reads, read } = storedRows(PAPERS);
    const index = await new StoredIndexReader(read).indexFor('robot');
    expect(reads).toEqual([[SEARCH_INDEX_KEY, 'shard:r']]);
    expect(ids(index, 'robot')).toEqual(['2506.00003']);
  });

  it('reads the other shards a batch at a time, then answers every query', async () => {
    const { reads, read, rows } = storedRows(PAPERS);
    const reader = new StoredIndexReader(read);
    await reader.indexFor('robot');
    let batches = 0;
    while (await reader.readMore(1)) batches++;
    // A batch of 1 byte is one shard: every shard but the one read, one by one.
    const shardRows = [...rows.keys()].filter((key) => key !== SEARCH_INDEX_KEY);
    expect(batches).toBe(shardRows.length - 1);
    expect(reads.slice(1).every((keys) => keys.length === 1)).toBe(true);
    const whole = await reader.indexFor('');
    expect(whole?.covers('grasping vision density normalizing')).toBe(true);
    expect(ids(whole, 'density')).toEqual(['2506.00001']);
    expect(reads).toHaveLength(shardRows.length);
  });

  it('starts again from the new base when the background stored a newer index between two reads', async () => {
    const { read, write } = storedRows(PAPERS, 1);
    const reader = new StoredIndexReader(read);
    await reader.prepare();
    write([...PAPERS, makePaper({ id: '2506.00004', title: 'Rotary robots', summary: 'Spin.', upvotes: 3 })], 2);
    const index = await reader.indexFor('robot');
    expect(ids(index, 'robot')).toEqual(['2506.00003', '2506.00004']);
    expect(index?.size).toBe(4);
  });

  it('answers nothing while no index of this format is stored', async () => {
    expect(await new StoredIndexReader(async (keys) => keys.map(() => undefined)).indexFor('robot')).toBeUndefined();
    const { rows, read } = storedRows(PAPERS);
    rows.set(SEARCH_INDEX_KEY, { format: 2, ids: '', words: '' });
    const reader = new StoredIndexReader(read);
    expect(await reader.prepare()).toBe(false);
    expect(await reader.indexFor('robot')).toBeUndefined();
  });
});
