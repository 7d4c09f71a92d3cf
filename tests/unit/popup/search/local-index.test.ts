import { describe, expect, it } from 'vitest';
import { LocalSearchIndex } from '../../../../lib/popup/search/local-index';
import type { Paper } from '../../../../lib/shared/paper';
import { makePaper } from '../../support/builders';

function indexOf(papers: Paper[]): LocalSearchIndex {
  const index = new LocalSearchIndex();
  for (const paper of papers) index.add(paper);
  for (const paper of papers) index.addAbstract(paper.id, paper.summary);
  return index;
}

const ids = (index: LocalSearchIndex, query: string) => index.search(query).docs.map((d) => d.id);

const PAPERS = [
  makePaper({ id: '2506.00001', title: 'Normalizing flows at scale', summary: 'We study density models.', upvotes: 5, authors: ['Jiatao Gu'] }),
  makePaper({ id: '2506.00002', title: 'A survey of vision models', summary: 'Normalizing flows are one family we cover.', upvotes: 50, authors: ['Ada Lovelace'] }),
  makePaper({ id: '2506.00003', title: 'Robot grasping', summary: 'Grasps.', upvotes: 1, authors: ['Grace Hopper'], aiKeywords: ['robotics', 'normalizing flows'] }),
  makePaper({ id: '2506.00004', title: 'Speech at scale', summary: 'Audio.', upvotes: 9, authors: ['Alan Turing'], organization: { name: 'deepmind', fullname: 'Google DeepMind' } }),
  makePaper({ id: '2506.00005', title: 'Flowing water', summary: 'Hydraulics.', upvotes: 2, authors: ['Ann Other'], aiSummary: 'A model of rivers.' }),
];

describe('LocalSearchIndex', () => {
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
    expect(again.search('flows').docs[0]?.summary).toBeUndefined();
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
