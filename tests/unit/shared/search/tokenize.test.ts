import { describe, expect, it } from 'vitest';
import { queryTerms, words } from '../../../../lib/shared/search/tokenize';

describe('words', () => {
  it('lower-cases and splits on anything but letters and digits', () => {
    expect(words('STARFlow: Scaling Latent-Normalizing Flows (TARFlow)')).toEqual(['starflow', 'scaling', 'latent', 'normalizing', 'flows', 'tarflow']);
  });
  it('keeps arXiv ids and version numbers whole', () => {
    expect(words('see 2506.06276, v1.5 and 3.')).toEqual(['see', '2506.06276', 'v1.5', 'and', '3']);
  });
  it('folds accents and keeps letters of any script', () => {
    expect(words('Zoë Müller, 北京大学 and Łukasz')).toEqual(['zoe', 'muller', '北京大学', 'and', 'łukasz']);
  });
  it('reads markup as plain words', () => {
    expect(words('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
  });
});

describe('queryTerms', () => {
  it('matches longer words for every term of two letters or more', () => {
    expect(queryTerms('diffusion mo')).toEqual([
      { text: 'diffusion', prefix: true },
      { text: 'mo', prefix: true },
    ]);
  });
  it('drops stop words, but not a last word still being typed', () => {
    expect(queryTerms('the flow of')).toEqual([{ text: 'flow', prefix: true }, { text: 'of', prefix: true }]);
    expect(queryTerms('the flow of ')).toEqual([{ text: 'flow', prefix: true }]);
  });
  it('matches single letters as whole words and drops repeats', () => {
    expect(queryTerms('r flow flow')).toEqual([{ text: 'r', prefix: false }, { text: 'flow', prefix: true }]);
  });
  it('has no terms for blank or punctuation-only input', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('?!—')).toEqual([]);
  });
});
