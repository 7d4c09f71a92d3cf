import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAt, linesFrom, lowerBound, mergeSorted, type Line } from '../../../lib/shared/sorted-lines';

const whole = (text: string) => (line: Line) => text.slice(line.start, line.end);
const below = (text: string, target: string) => (line: Line) => whole(text)(line) < target;

describe('sorted lines', () => {
  it('finds where the first line not below a key starts', () => {
    const text = 'b\nd\nd\nf';
    const at = (target: string) => lowerBound(text, below(text, target));
    expect([at('a'), at('b'), at('c'), at('d'), at('e'), at('f'), at('g')]).toEqual([0, 0, 2, 2, 6, 6, 7]);
    expect(lowerBound('', below('', 'a'))).toBe(0);
    expect(lineAt(text, 2)).toEqual({ start: 2, end: 3 });
    expect([...linesFrom(text, 4)].map(whole(text))).toEqual(['d', 'f']);
  });

  it('agrees with a scan of the lines, for any sorted lines', () => {
    const line = fc.stringMatching(/^[ab\n]{0,4}$/).map((s) => s.replace(/\n/g, ''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), line, (lines, target) => {
        lines.sort();
        const text = lines.join('\n');
        const first = lines.findIndex((l) => !(l < target));
        const expected = first < 0 ? text.length : lines.slice(0, first).reduce((at, l) => at + l.length + 1, 0);
        expect(lowerBound(text, below(text, target))).toBe(expected);
      }),
    );
  });

  it('merges two sorted lists of lines into one sorted list, first list first on equal keys', () => {
    const key = (line: string) => line.slice(0, 1);
    expect(mergeSorted(['a1', 'c1', 'c2'], ['b', 'c3', 'd'], key)).toEqual(['a1', 'b', 'c1', 'c2', 'c3', 'd']);
    expect(mergeSorted([], ['a'], key)).toEqual(['a']);
    expect(mergeSorted(['a'], [], key)).toEqual(['a']);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 })), fc.array(fc.string({ maxLength: 4 })), (a, b) => {
        a.sort();
        b.sort();
        expect(mergeSorted(a, b, (line) => line)).toEqual([...a, ...b].sort());
      }),
    );
  });
});
