import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadgeIndex, badgeLinesIn, encodeBadgeIndex, monthsSpan, NewestBadges, newestBadgeLines, newestSpan, patchBadgeIndex, shiftMonth, SpanBadges } from '../../../lib/shared/badge-index';
import type { PaperBadge } from '../../../lib/shared/messages';
import { isHfPaperId } from '../../../lib/shared/arxiv-id';

const all = (index: BadgeIndex, ids: string[]) => ids.map((id) => index.get(id));

describe('badge index', () => {
  it('reads back what it wrote, comments or not', () => {
    const badges: PaperBadge[] = [
      { id: '2506.06276', upvotes: 21, numComments: 3 },
      { id: '2506.00001', upvotes: 0 },
      { id: '2412.12345', upvotes: 7, numComments: 0 },
    ];
    const text = encodeBadgeIndex(badges);
    // Sorted by id: a page finds an id by binary search.
    expect(text).toBe('2412.12345 7 0\n2506.00001 0\n2506.06276 21 3');
    const index = new BadgeIndex(text);
    expect(all(index, badges.map((b) => b.id))).toEqual(badges);
    // Read once, the same answer after.
    expect(index.get('2506.06276')).toEqual(badges[0]);
    expect(index.has('2506.00001')).toBe(true);
    expect(index.has('2506.99999')).toBe(false);
  });

  it('is empty for an empty index', () => {
    expect(encodeBadgeIndex([])).toBe('');
    expect(new BadgeIndex('').get('2506.06276')).toBeUndefined();
  });

  it('counts a line that does not read as a badge as no badge', () => {
    const index = new BadgeIndex([' 4', '2506.00001 x', '2506.00002 -1', '2506.00003 1 2 3', '2506.00004 5 y', '2506.00005 6', 'nospace', ''].join('\n'));
    expect(all(index, ['2506.00001', '2506.00002', '2506.00003', '', '2506.00004', 'nospace'])).toEqual(Array(6).fill(undefined));
    expect(index.has('2506.00004')).toBe(false);
    expect(index.get('2506.00005')).toEqual({ id: '2506.00005', upvotes: 6 });
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
        expect(all(new BadgeIndex(encodeBadgeIndex(badges)), badges.map((b) => b.id))).toEqual(badges);
      }),
    );
  });

  it('finds an id among ids that start alike, and none that is not there', () => {
    const ids = ['2506.0627', '2506.06276', '2506.062760', '2506.06277', '2506.1', '2507.00001'];
    const index = new BadgeIndex(encodeBadgeIndex(ids.map((id, i) => ({ id, upvotes: i }))));
    expect(ids.map((id) => index.get(id)?.upvotes)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const absent of ['2506.062', '2506.06275', '2506.0627600', '2506.06278', '2505.99999', '2508.00001', '']) expect(index.has(absent)).toBe(false);
  });

  it('finds every id of any index it encoded, ids of any characters but space and line breaks, and no other', () => {
    const id = fc.stringMatching(/^[^\s]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 300 }), fc.array(id, { maxLength: 20 }), (ids, others) => {
        const index = new BadgeIndex(encodeBadgeIndex(ids.map((one, i) => ({ id: one, upvotes: i }))));
        ids.forEach((one, i) => expect(index.get(one)).toEqual({ id: one, upvotes: i }));
        for (const other of others) expect(index.has(other)).toBe(ids.includes(other));
      }),
    );
  });

  it('patches lines in and out as encoding the patched papers from scratch would', () => {
    expect(patchBadgeIndex('a 1\nb 2\nc 3', ['b'], [{ id: 'c', upvotes: 4, numComments: 1 }, { id: 'aa', upvotes: 0 }])).toBe('a 1\naa 0\nc 4 1');
    expect(patchBadgeIndex('', [], [{ id: 'a', upvotes: 1 }])).toBe('a 1');
    expect(patchBadgeIndex('a 1', ['a'], [])).toBe('');
    const badge = fc.record(
      { id: fc.stringMatching(/^[0-9a-z.]{1,6}$/), upvotes: fc.nat(999), numComments: fc.option(fc.nat(99), { nil: undefined }) },
      { requiredKeys: ['id', 'upvotes'] },
    );
    const unique = (badges: PaperBadge[]) => [...new Map(badges.map((b) => [b.id, b])).values()];
    fc.assert(
      fc.property(fc.array(badge, { maxLength: 40 }), fc.array(badge, { maxLength: 10 }), fc.array(fc.stringMatching(/^[0-9a-z.]{1,6}$/), { maxLength: 10 }), (before, added, dropped) => {
        const base = unique(before);
        const add = unique(added);
        const gone = new Set([...dropped, ...add.map((b) => b.id)]);
        const want = encodeBadgeIndex([...base.filter((b) => !gone.has(b.id)), ...add]);
        expect(patchBadgeIndex(encodeBadgeIndex(base), dropped, add)).toBe(want);
      }),
    );
  });
});

describe('the newest badges', () => {
  const index = encodeBadgeIndex([
    { id: '1706.03762', upvotes: 90 },
    { id: '2412.12345', upvotes: 7, numComments: 0 },
    { id: '2506.00001', upvotes: 0 },
    { id: '2506.06276', upvotes: 21, numComments: 3 },
  ]);

  it('are the last lines of the index: the papers arXiv numbered last; all of them when it holds fewer', () => {
    expect(newestBadgeLines(index, 2)).toBe('2506.00001 0\n2506.06276 21 3');
    expect(newestBadgeLines(index, 1)).toBe('2506.06276 21 3');
    expect(newestBadgeLines(index, 4)).toBe(index);
    expect(newestBadgeLines(index, 99)).toBe(index);
    expect(newestBadgeLines(index, 0)).toBe('');
    expect(newestBadgeLines('', 5)).toBe('');
  });

  it('answer every id from their first on (null: the index has none), and leave older or old-style ids to be asked', () => {
    const newest = new NewestBadges(newestBadgeLines(index, 2));
    expect(newest.get('2506.06276')).toEqual({ id: '2506.06276', upvotes: 21, numComments: 3 });
    expect(newest.get('2506.00001')).toEqual({ id: '2506.00001', upvotes: 0 });
    // Newer than the first line and not among the lines: in no line of the index.
    expect([newest.get('2506.00002'), newest.get('2611.00001')]).toEqual([null, null]);
    // Older: the index may hold it (2412.12345 is there), so these lines cannot tell.
    expect([newest.get('2412.12345'), newest.get('1706.03762'), newest.get('2412.99999')]).toEqual([undefined, undefined, undefined]);
    // Not a bare new-style id: never compared.
    expect([newest.get('hep-th/9901001'), newest.get('2506.06276v2'), newest.get('')]).toEqual([undefined, undefined, undefined]);
    expect(new NewestBadges('').get('2611.00001')).toBeUndefined();
  });

  it('never answer null for an id the whole index holds (any index, any slice)', () => {
    const id = fc.tuple(fc.integer({ min: 704, max: 2612 }), fc.integer({ min: 1, max: 29_999 })).map(([month, n]) => `${String(month).padStart(4, '0')}.${String(n).padStart(5, '0')}`);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 60 }), fc.nat(70), fc.array(id, { maxLength: 20 }), (ids, count, others) => {
        const text = encodeBadgeIndex(ids.map((paper, i) => ({ id: paper, upvotes: i })));
        const whole = new BadgeIndex(text);
        const newest = new NewestBadges(newestBadgeLines(text, count));
        for (const asked of [...ids, ...others]) {
          const answer = newest.get(asked);
          if (answer !== undefined) expect(answer).toEqual(whole.get(asked) ?? null);
        }
      }),
    );
  });
});

describe('spans of ids (an arXiv listing is sent the lines of the papers its URL can show)', () => {
  const index = encodeBadgeIndex([
    { id: '0912.1234', upvotes: 1 },
    { id: '2410.00001', upvotes: 3 },
    { id: '2410.99999', upvotes: 4, numComments: 1 },
    { id: '2411.00001', upvotes: 5 },
    { id: '2412.00002', upvotes: 6 },
    { id: '2501.00003', upvotes: 7 },
  ]);

  it('move months across years, and make a span of them', () => {
    expect([shiftMonth('2601', -1), shiftMonth('2512', 1), shiftMonth('2506', 0), shiftMonth('2506', -18), shiftMonth('0001', -1)]).toEqual(['2512', '2601', '2506', '2312', '0001']);
    expect(monthsSpan('2410', '2410')).toEqual({ from: '2410.', to: '2411.' });
    expect(monthsSpan('2411', '2412')).toEqual({ from: '2411.', to: '2501.' });
  });

  it("give the lines of a span's ids, in order; none when it holds none", () => {
    expect(badgeLinesIn(index, monthsSpan('2410', '2410'))).toBe('2410.00001 3\n2410.99999 4 1');
    expect(badgeLinesIn(index, monthsSpan('2411', '2412'))).toBe('2411.00001 5\n2412.00002 6');
    expect(badgeLinesIn(index, { from: '2412.' })).toBe('2412.00002 6\n2501.00003 7');
    expect(badgeLinesIn(index, { from: '' })).toBe(index);
    expect(badgeLinesIn(index, monthsSpan('2502', '2502'))).toBe('');
    expect(badgeLinesIn(index, monthsSpan('2301', '2301'))).toBe('');
    expect(badgeLinesIn('', monthsSpan('2410', '2410'))).toBe('');
  });

  it("name the newest months: the newest id's and the one before, with no end; every id for an empty index", () => {
    expect(newestSpan(index)).toEqual({ from: '2412.' });
    expect(newestSpan('')).toEqual({ from: '' });
    expect(newestSpan('hep-th/9901001 3')).toBeUndefined();
  });

  it('answer every id of the span from its lines (null: none), and leave the others to be asked', () => {
    const span = monthsSpan('2410', '2410');
    const badges = new SpanBadges(badgeLinesIn(index, span), span);
    expect(badges.get('2410.99999')).toEqual({ id: '2410.99999', upvotes: 4, numComments: 1 });
    expect(badges.get('2410.50000')).toBeNull();
    expect([badges.get('2411.00001'), badges.get('2409.99999'), badges.get('0912.1234'), badges.get('2410.00001v2'), badges.get('hep-th/9901001')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // No span: the lines answer for nothing (search results ask about each id).
    expect(new SpanBadges('', undefined).get('2410.00001')).toBeUndefined();
  });

  it('never answer null for an id the whole index holds (any index, any span)', () => {
    const id = fc.tuple(fc.integer({ min: 704, max: 2612 }), fc.integer({ min: 1, max: 29_999 })).map(([month, n]) => `${String(month).padStart(4, '0')}.${String(n).padStart(5, '0')}`);
    const month = fc.integer({ min: 700, max: 2612 }).map((n) => String(n).padStart(4, '0'));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 60 }), month, fc.nat(30), fc.array(id, { maxLength: 20 }), (ids, first, length, others) => {
        const text = encodeBadgeIndex(ids.map((paper, i) => ({ id: paper, upvotes: i })));
        const whole = new BadgeIndex(text);
        const span = monthsSpan(first, shiftMonth(first, length));
        const badges = new SpanBadges(badgeLinesIn(text, span), span);
        for (const asked of [...ids, ...others]) {
          const answer = badges.get(asked);
          if (answer !== undefined) expect(answer).toEqual(whole.get(asked) ?? null);
          else if (isHfPaperId(asked) && asked >= span.from && asked < span.to!) throw new Error(`${asked} is in the span and was not answered`);
        }
      }),
    );
  });
});
