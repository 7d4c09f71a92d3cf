import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBadgeIndex, encodeBadgeIndex } from '../../lib/badge-index';
import type { PaperBadge } from '../../lib/messages';

describe('badge index', () => {
  it('reads back what it wrote, comments or not', () => {
    const badges: PaperBadge[] = [
      { id: '2506.06276', upvotes: 21, numComments: 3 },
      { id: '2506.00001', upvotes: 0 },
      { id: '2412.12345', upvotes: 7, numComments: 0 },
    ];
    const index = encodeBadgeIndex(badges);
    expect(index).toBe('2506.06276 21 3\n2506.00001 0\n2412.12345 7 0');
    expect([...decodeBadgeIndex(index).values()]).toEqual(badges);
  });

  it('is empty for an empty index', () => {
    expect(encodeBadgeIndex([])).toBe('');
    expect(decodeBadgeIndex('').size).toBe(0);
  });

  it('skips lines that do not read as a badge', () => {
    const decoded = decodeBadgeIndex(['2506.00001 x', '2506.00002 -1', '2506.00003 1 2 3', ' 4', '2506.00004 5 y', '2506.00005 6'].join('\n'));
    expect([...decoded.values()]).toEqual([{ id: '2506.00005', upvotes: 6 }]);
  });

  it('round-trips any badges', () => {
    const badge = fc.record(
      {
        id: fc.stringMatching(/^\d{4}\.\d{4,5}$/),
        upvotes: fc.nat({ max: 999_999_999 }),
        numComments: fc.nat({ max: 999_999_999 }),
      },
      { requiredKeys: ['id', 'upvotes'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(badge, { selector: (b) => b.id }), (badges) => {
        expect([...decodeBadgeIndex(encodeBadgeIndex(badges)).values()]).toEqual(badges);
      }),
    );
  });
});
