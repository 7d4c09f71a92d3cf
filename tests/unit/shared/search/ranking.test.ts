import { describe, expect, it } from 'vitest';
import { ABSTRACT, AUTHOR, bestOf, boosted, KEYWORD, MASK_WEIGHT, TITLE } from '../../../../lib/shared/search/ranking';

describe('field weights', () => {
  it('weighs a posting by its best field', () => {
    expect(MASK_WEIGHT[TITLE | ABSTRACT]).toBe(MASK_WEIGHT[TITLE]);
    expect(MASK_WEIGHT[TITLE]).toBeGreaterThan(MASK_WEIGHT[AUTHOR]!);
    expect(MASK_WEIGHT[KEYWORD]).toBeGreaterThan(MASK_WEIGHT[ABSTRACT]!);
    expect(MASK_WEIGHT[0]).toBe(0);
  });
});

describe('boosted', () => {
  it('lifts a score with upvotes, the same above the looked-up range as within it', () => {
    expect(boosted(2, 0)).toBe(2);
    expect(boosted(2, 100)).toBeGreaterThan(boosted(2, 10));
    expect(boosted(1, 1023)).toBeCloseTo(1 + 0.1 * Math.log10(1024), 12);
    expect(boosted(1, 5000)).toBeCloseTo(1 + 0.1 * Math.log10(5001), 12);
  });
});

describe('bestOf', () => {
  /** A seeded pseudo-random sequence: the same cases on every run. */
  const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

  it('picks the same best entries, in the same order, as sorting them all', () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(next() * 300);
      const scores = Array.from({ length: n }, () => Math.floor(next() * 20));
      const upvotes = Int32Array.from({ length: n }, () => Math.floor(next() * 50));
      const candidates = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
      const limit = 1 + Math.floor(next() * 60);
      const count = Math.floor(next() * (n + 1));
      const sorted = [...candidates.slice(0, count)].sort((a, b) => scores[b]! - scores[a]! || upvotes[b]! - upvotes[a]!);
      const picked = bestOf(candidates, count, limit, (doc) => scores[doc]!, upvotes);
      expect(picked.map((doc) => [scores[doc], upvotes[doc]])).toEqual(sorted.slice(0, limit).map((doc) => [scores[doc], upvotes[doc]]));
    }
  });

  it('reads only the first `count` candidates', () => {
    expect(bestOf([3, 2, 1, 0], 2, 10, (doc) => doc, [0, 0, 0, 0])).toEqual([3, 2]);
    expect(bestOf([3, 2, 1, 0], 0, 10, (doc) => doc, [0, 0, 0, 0])).toEqual([]);
  });
});
