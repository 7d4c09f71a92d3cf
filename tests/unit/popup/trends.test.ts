import { describe, expect, it } from 'vitest';
import { firstSeenAt, paperPoints, rankRising, risingRate, sparklinePoints, upvoteSeries } from '../../../lib/popup/trends';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-06-11T12:00:00Z');
const at = (hoursAgo: number) => NOW - hoursAgo * HOUR;

describe('upvoteSeries', () => {
  it('sorts the samples and ends with the current count', () => {
    expect(upvoteSeries([{ at: at(1), upvotes: 9 }, { at: at(5), upvotes: 2 }], 12, NOW)).toEqual([
      { at: at(5), upvotes: 2 },
      { at: at(1), upvotes: 9 },
      { at: NOW, upvotes: 12 },
    ]);
  });
  it('adds no point when the last sample already has the current count', () => {
    expect(upvoteSeries([{ at: at(5), upvotes: 2 }], 2, NOW)).toEqual([{ at: at(5), upvotes: 2 }]);
  });
  it('is the current count alone without history', () => {
    expect(upvoteSeries([], 7, NOW)).toEqual([{ at: NOW, upvotes: 7 }]);
  });
});

describe('risingRate', () => {
  it('measures the gain over the last day from the sample before it', () => {
    const series = [
      { at: at(48), upvotes: 0 },
      { at: at(30), upvotes: 100 },
      { at: at(2), upvotes: 124 },
    ];
    // From 100 (30 h ago, the last sample before the window) to 124: 24 in 30 h.
    expect(risingRate(series, NOW)).toBeCloseTo(24 / 30);
  });
  it('measures a paper seen less than a day ago from its first sample', () => {
    expect(risingRate([{ at: at(4), upvotes: 10 }, { at: NOW, upvotes: 30 }], NOW)).toBeCloseTo(5);
  });
  it('counts less than an hour as an hour, so a first jump does not look infinite', () => {
    expect(risingRate([{ at: NOW - 60_000, upvotes: 0 }, { at: NOW, upvotes: 6 }], NOW)).toBe(6);
  });
  it('is 0 for a single sample and never negative', () => {
    expect(risingRate([{ at: at(3), upvotes: 10 }], NOW)).toBe(0);
    expect(risingRate([{ at: at(3), upvotes: 10 }, { at: NOW, upvotes: 8 }], NOW)).toBe(0);
  });
});

describe('rankRising', () => {
  it('puts the fastest-growing first, whatever the totals', () => {
    const papers = [
      { id: 'big', upvotes: 300 },
      { id: 'fast', upvotes: 40 },
      { id: 'new', upvotes: 5 },
    ];
    const history = new Map([
      ['big', [{ at: at(20), upvotes: 295 }]],
      ['fast', [{ at: at(10), upvotes: 0 }]],
      ['new', []],
    ]);
    expect(rankRising(papers, history, NOW).map((p) => p.id)).toEqual(['fast', 'big', 'new']);
  });
  it('measures a paper’s growth from its first sighting, kept on the paper, when it has no older row', () => {
    const papers = [
      { id: 'steady', upvotes: 100, firstSeen: { at: at(20), upvotes: 100 } },
      { id: 'climbing', upvotes: 30, firstSeen: { at: at(10), upvotes: 0 } },
      { id: 'unseen', upvotes: 50 },
    ];
    // "climbing" went from 0 (first seen, no row) to 30 (a row); "steady" never moved (no row at all).
    const history = new Map([['climbing', [{ at: at(2), upvotes: 30 }]]]);
    expect(rankRising(papers, history, NOW).map((p) => p.id)).toEqual(['climbing', 'steady', 'unseen']);
  });
  it('orders papers without growth by upvotes', () => {
    const papers = [{ id: 'a', upvotes: 1 }, { id: 'b', upvotes: 9 }];
    expect(rankRising(papers, new Map(), NOW).map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('sparklinePoints', () => {
  it('draws steps across the box, highest count at the top', () => {
    const series = [
      { at: at(10), upvotes: 0 },
      { at: at(5), upvotes: 10 },
    ];
    expect(sparklinePoints(series, NOW, 100, 20)).toBe('0,20 50,20 50,0 100,0');
  });
  it('draws a single value as a flat line in the middle', () => {
    expect(sparklinePoints([{ at: NOW, upvotes: 4 }], NOW, 60, 16)).toBe('0,8 60,8');
  });
  it('draws nothing without points', () => {
    expect(sparklinePoints([], NOW, 60, 16)).toBe('');
  });
});

describe('paperPoints', () => {
  it('starts with the first sighting kept on the paper, then the rows', () => {
    const paper = { firstSeen: { at: at(10), upvotes: 3 } };
    expect(paperPoints(paper, [])).toEqual([{ at: at(10), upvotes: 3 }]);
    expect(paperPoints(paper, [{ at: at(4), upvotes: 8 }])).toEqual([
      { at: at(10), upvotes: 3 },
      { at: at(4), upvotes: 8 },
    ]);
    // Its "new" mark and sparkline start there.
    expect(firstSeenAt(paperPoints(paper, [{ at: at(4), upvotes: 8 }]))).toBe(at(10));
    expect(upvoteSeries(paperPoints(paper, []), 3, NOW)).toEqual([{ at: at(10), upvotes: 3 }]);
  });
  it('keeps the rows alone for a paper stored by an earlier version (its first point is a row)', () => {
    const rows = [{ at: at(10), upvotes: 3 }, { at: at(4), upvotes: 8 }];
    expect(paperPoints({}, rows)).toEqual(rows);
    expect(paperPoints({ firstSeen: { at: at(10), upvotes: 3 } }, rows)).toEqual(rows);
    expect(paperPoints({}, [])).toEqual([]);
  });
});

describe('firstSeenAt', () => {
  it('finds the oldest sample', () => {
    expect(firstSeenAt([{ at: 5, upvotes: 1 }, { at: 3, upvotes: 0 }])).toBe(3);
    expect(firstSeenAt([])).toBeUndefined();
  });
});
