import { describe, expect, it } from 'vitest';
import { LocalSearchIndex } from '../../../../lib/shared/search/local-index';
import { joinShards, splitSnapshot } from '../../../../lib/shared/search/stored-index';
import type { Paper } from '../../../../lib/shared/paper';
import { makePaper } from '../../support/builders';

function built(papers: Paper[]): LocalSearchIndex {
  const index = new LocalSearchIndex();
  for (const paper of papers) index.add(paper);
  for (const paper of papers) index.addAbstract(paper.id, paper.summary);
  return index;
}

/** The same index stored and read back, as the popup gets it (a structured clone, like IndexedDB's). */
function stored(papers: Paper[]): LocalSearchIndex {
  return LocalSearchIndex.fromSnapshot(structuredClone(built(papers).toSnapshot()))!;
}

/** Half built before storing, half added to the index read back, as the background adds a sync step's papers. */
function grownAfterLoad(papers: Paper[]): LocalSearchIndex {
  const half = Math.ceil(papers.length / 2);
  const index = LocalSearchIndex.fromSnapshot(structuredClone(built(papers.slice(0, half)).toSnapshot()))!;
  for (const paper of papers.slice(half)) index.add(paper);
  for (const paper of papers.slice(half)) index.addAbstract(paper.id, paper.summary);
  return LocalSearchIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
}

/** Stored cut into shards (as the background stores it), each row cloned, joined back whole; then grown again. */
function sharded(papers: Paper[]): LocalSearchIndex {
  const half = Math.ceil(papers.length / 2);
  const { base, shards } = structuredClone(splitSnapshot(built(papers.slice(0, half)).toSnapshot(), 1));
  const index = LocalSearchIndex.fromSnapshot(joinShards(base, shards.reverse()))!;
  for (const paper of papers.slice(half)) index.upsert(paper);
  const again = structuredClone(splitSnapshot(index.toSnapshot(), 2));
  return LocalSearchIndex.fromSnapshot(joinShards(again.base, again.shards))!;
}

const ids = (index: LocalSearchIndex, query: string) => index.search(query).docs.map((d) => d.id);

const PAPERS = [
  makePaper({ id: '2506.00001', title: 'Normalizing flows at scale', summary: 'We study density models.', upvotes: 5, authors: ['Jiatao Gu'] }),
  makePaper({ id: '2506.00002', title: 'A survey of vision models', summary: 'Normalizing flows are one family we cover.', upvotes: 50, authors: ['Ada Lovelace'] }),
  makePaper({ id: '2506.00003', title: 'Robot grasping', summary: 'Grasps.', upvotes: 1, authors: ['Grace Hopper'], aiKeywords: ['robotics', 'normalizing flows'] }),
  makePaper({ id: '2506.00004', title: 'Speech at scale', summary: 'Audio.', upvotes: 9, authors: ['Alan Turing'], organization: { name: 'deepmind', fullname: 'Google DeepMind' } }),
  makePaper({ id: '2506.00005', title: 'Flowing water', summary: 'Hydraulics.', upvotes: 2, authors: ['Ann Other'], aiSummary: 'A model of rivers.' }),
];

describe.each([
  ['built', built],
  ['stored and read back', stored],
  ['grown after being read back', grownAfterLoad],
  ['stored in shards, joined back and grown', sharded],
])('LocalSearchIndex (%s)', (_, indexOf) => {
  const index = indexOf(PAPERS);

  it('ranks a title hit above a keyword hit above an abstract hit, whatever the upvotes', () => {
    expect(ids(index, 'normalizing flows')).toEqual(['2506.00001', '2506.00003', '2506.00002']);
  });

  it('finds papers by author, organization (name or full name), AI summary and id', () => {
    expect(ids(index, 'hopper')).toEqual(['2506.00003']);
    expect(ids(index, 'deepmind')).toEqual(['2506.00004']);
    expect(ids(index, 'google')).toEqual(['2506.00004']);
    expect(ids(index, 'rivers')).toEqual(['2506.00005']);
    expect(ids(index, '2506.00004')).toEqual(['2506.00004']);
  });

  it('matches as the person types: a word’s start finds longer words, the whole word first', () => {
    expect(ids(index, 'flow')).toEqual(['2506.00001', '2506.00005', '2506.00003', '2506.00002']);
    expect(ids(index, 'robo')).toEqual(['2506.00003']);
  });

  it('needs every word to match', () => {
    expect(ids(index, 'scale speech')).toEqual(['2506.00004']);
    expect(ids(index, 'scale robot')).toEqual([]);
  });

  it('is case- and accent-insensitive and ignores stop words', () => {
    expect(ids(index, 'NORMALIZING Flöws')).toEqual(ids(index, 'normalizing flows'));
    expect(ids(index, 'the speech')).toEqual(['2506.00004']);
  });

  it('breaks equal scores by upvotes', () => {
    const twins = indexOf([
      makePaper({ id: '2506.00011', title: 'Twin paper', upvotes: 3 }),
      makePaper({ id: '2506.00012', title: 'Twin paper', upvotes: 30 }),
    ]);
    expect(ids(twins, 'twin')).toEqual(['2506.00012', '2506.00011']);
  });

  it('looks short prefixes up in short fields only', () => {
    // "de" starts "density" (an abstract word only) and "deepmind" (an organization).
    expect(ids(index, 'de')).toEqual(['2506.00004']);
    expect(ids(index, 'dens')).toEqual(['2506.00001']);
  });

  it('returns the best `limit` results and the number of matches', () => {
    const many = indexOf(Array.from({ length: 120 }, (_, i) => makePaper({ id: `2506.${String(10_000 + i)}`, title: `Flow number ${i}`, upvotes: i })));
    const result = many.search('flow', 10);
    expect(result.total).toBe(120);
    expect(result.docs.map((d) => d.upvotes)).toEqual([119, 118, 117, 116, 115, 114, 113, 112, 111, 110]);
  });

  it('keeps no abstract in its results, and adds a paper once', () => {
    const again = indexOf([PAPERS[0]!, PAPERS[0]!]);
    expect(again.size).toBe(1);
    expect(again.search('flows').docs[0]).toEqual({ id: PAPERS[0]!.id, upvotes: PAPERS[0]!.upvotes });
    expect(again.addAbstract('2999.99999', 'nothing')).toBe(false);
  });

  it('answers nothing for an empty query or an empty index', () => {
    expect(index.search('  ').total).toBe(0);
    expect(new LocalSearchIndex().search('flow').total).toBe(0);
  });

  it('finds hostile text as plain words', () => {
    const hostile = indexOf([makePaper({ id: '2506.00099', title: '<img src=x onerror=alert(1)>' })]);
    expect(ids(hostile, 'onerror')).toEqual(['2506.00099']);
  });
});

describe('LocalSearchIndex kept up to date (the background’s)', () => {
  const roundTrip = (index: LocalSearchIndex) => LocalSearchIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;

  it('upserts: a new paper is added, a paper whose text is unchanged only moves in rank', () => {
    const index = new LocalSearchIndex();
    for (const paper of PAPERS) index.upsert(paper);
    expect(ids(index, 'scale')).toEqual(['2506.00004', '2506.00001']);
    index.upsert({ ...PAPERS[0]!, upvotes: 500 });
    const read = roundTrip(index);
    expect(ids(read, 'scale')).toEqual(['2506.00001', '2506.00004']);
    expect(read.size).toBe(PAPERS.length);
    expect(read.removedShare).toBe(0);
  });

  it('indexes a paper again when its text changed (HF added a summary), forgetting its old words', () => {
    const index = roundTrip(indexOfAll(PAPERS));
    index.upsert({ ...PAPERS[4]!, title: 'Flowing rivers', aiSummary: 'Sediment transport in deltas.' });
    const read = roundTrip(index);
    expect(ids(read, 'sediment')).toEqual(['2506.00005']);
    expect(ids(read, 'water')).toEqual([]);
    expect(ids(read, 'flowing')).toEqual(['2506.00005']);
    expect(read.size).toBe(PAPERS.length);
    expect(read.search('flow').total).toBe(4);
  });

  it('removes a paper from the results, also once stored and read back', () => {
    const index = indexOfAll(PAPERS);
    expect(index.remove('2506.00003')).toBe(true);
    expect(index.remove('2506.00003')).toBe(false);
    const read = roundTrip(index);
    expect(ids(read, 'normalizing flows')).toEqual(['2506.00001', '2506.00002']);
    expect(read.has('2506.00003')).toBe(false);
    expect(read.ids().sort()).toEqual(PAPERS.map((p) => p.id).filter((id) => id !== '2506.00003'));
    read.upsert(PAPERS[2]!);
    expect(ids(read, 'normalizing flows')).toEqual(['2506.00001', '2506.00003', '2506.00002']);
  });

  it('reads back posting lists with wide gaps (multi-byte varints) as they were', () => {
    const papers = Array.from({ length: 3_000 }, (_, i) =>
      makePaper({ id: `2507.${String(10_000 + i)}`, title: i === 0 || i === 2_999 ? 'Quasicrystal growth' : `Paper ${i}`, summary: i % 1_000 === 7 ? 'Zeolite lattices.' : 'Nothing.', upvotes: i }),
    );
    const read = roundTrip(indexOfAll(papers));
    expect(ids(read, 'quasicrystal')).toEqual(['2507.12999', '2507.10000']);
    expect(ids(read, 'zeolite')).toEqual(['2507.12007', '2507.11007', '2507.10007']);
    expect(read.search('paper').total).toBe(2_998);
  });

  it('reads back nothing from a snapshot of another format (rebuilt instead)', () => {
    const snapshot = indexOfAll(PAPERS).toSnapshot();
    expect(LocalSearchIndex.fromSnapshot({ ...snapshot, format: 0 as never })).toBeUndefined();
  });
});

function indexOfAll(papers: Paper[]): LocalSearchIndex {
  const index = new LocalSearchIndex();
  for (const paper of papers) index.upsert(paper);
  return index;
}
