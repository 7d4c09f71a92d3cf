import { describe, expect, it } from 'vitest';
import { LocalSearchIndex } from '../../../../lib/shared/search/local-index';
import { joinShards, queryShards, splitSnapshot } from '../../../../lib/shared/search/stored-index';
import { makePaper } from '../../support/builders';

const PAPERS = [
  makePaper({ id: '2506.00001', title: 'Normalizing flows at scale', summary: 'We study density models.', upvotes: 5, authors: ['Jiatao Gu'] }),
  makePaper({ id: '2506.00002', title: 'Élan vital of vision models', summary: 'Normalizing flows are one family we cover.', upvotes: 50, authors: ['Ada Lovelace'] }),
  makePaper({ id: '2506.00003', title: 'Robot grasping 3D', summary: 'Grasps in 2024.', upvotes: 1, authors: ['Grace Hopper'] }),
];

function index(): LocalSearchIndex {
  const built = new LocalSearchIndex();
  for (const paper of PAPERS) built.upsert(paper);
  return built;
}

describe('the search index stored in shards', () => {
  it('groups the words by their first letter, in sort order, and lists the shards in the base', () => {
    const { base, shards } = splitSnapshot(index().toSnapshot(), 7);
    expect(shards.map((shard) => shard.key)).toEqual([...shards.map((shard) => shard.key)].sort());
    expect(base.shards.map((shard) => shard.key)).toEqual(shards.map((shard) => shard.key));
    expect(shards.map((shard) => shard.key)).toEqual(expect.arrayContaining(['2', '3', 'e', 'n', 'f']));
    for (const shard of shards) {
      const words = shard.words.split('\n');
      expect(words.every((word) => word.startsWith(shard.key))).toBe(true);
      expect(words).toEqual([...words].sort());
      expect(shard.version).toBe(7);
      expect(shard.offsets.at(-1)).toBe(shard.postings.byteLength);
    }
    expect(base.version).toBe(7);
    expect(base.ids).toBe('2506.00001\n2506.00002\n2506.00003');
  });

  it('answers a query from the base and its words’ shards alone, and says which queries it cannot answer', () => {
    const { base, shards } = structuredClone(splitSnapshot(index().toSnapshot(), 1));
    const some = shards.filter((shard) => queryShards('normalizing flows').includes(shard.key));
    expect(some.map((shard) => shard.key)).toEqual(['f', 'n']);
    const unread = new Set(shards.map((shard) => shard.key).filter((key) => key !== 'f' && key !== 'n'));
    const part = LocalSearchIndex.fromSnapshot(joinShards(base, some), unread)!;
    const whole = index();
    for (const query of ['normalizing flows', 'flo', 'normalizing f', 'n']) {
      expect(part.covers(query)).toBe(true);
      expect(part.search(query)).toEqual(whole.search(query));
    }
    expect(part.covers('flows robot')).toBe(false);
    expect(part.covers('élan')).toBe(false);
    expect(LocalSearchIndex.fromSnapshot(joinShards(base, shards))!.covers('élan robot 2024')).toBe(true);
  });

  it('stores an empty index as a base without shards', () => {
    const { base, shards } = splitSnapshot(new LocalSearchIndex().toSnapshot(), 1);
    expect(shards).toEqual([]);
    expect(LocalSearchIndex.fromSnapshot(joinShards(base, []))!.search('anything')).toEqual({ docs: [], total: 0 });
  });

  it('names each query word’s shard once, stop words left out', () => {
    expect(queryShards('the flow of fluids and Élan')).toEqual(['f', 'e']);
    expect(queryShards('')).toEqual([]);
  });
});
