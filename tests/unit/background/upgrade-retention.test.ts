/**
 * A database 0.2.0 wrote (schema v1: papers without `dailyDates`), opened by this version: every row
 * kept, the background's index holds its listed papers, and the first pruning run with the default
 * retention removes no paper, mark or point of the last year; only what retention says may go.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import { BadgeIndex } from '../../../lib/shared/badge-index';
import { DEFAULT_SETTINGS } from '../../../lib/shared/settings';
import { StoredPapers } from '../../../lib/background/stored-papers';
import { pruneStore } from '../../../lib/background/prune';
import { keptDays } from '../../../lib/background/retention';
import { RELEASED_DB_SCHEMAS } from '../../fixtures/released-db-schemas';
import { makePaper } from '../support/builders';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const dayBack = (n: number) => new Date(NOW - n * DAY).toISOString().slice(0, 10);
const v020 = RELEASED_DB_SCHEMAS.find((schema) => schema.release === '0.2.0')!;

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('upgrade from 0.2.0', () => {
  it('keeps every row; the index holds its listed papers; the first pruning removes no paper of the year', async () => {
    name = `upgrade-020-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(v020.version).stores(v020.stores);
    // 0.2.0's rows: a paper had one `dailyDate`, no `dailyDates`, no `firstSeen`; days had no 'partial'.
    const days = Array.from({ length: 60 }, (_, i) => dayBack(i * 5));
    const papers = days.flatMap((day, d) =>
      Array.from({ length: 10 }, (_, i) => {
        const { dailyDates: _none, firstSeen: _first, ...paper } = makePaper({ id: `25${String(10 + (d % 2)).padStart(2, '0')}.${String(10_000 + d * 10 + i)}`, upvotes: i, numComments: 1, dailyDate: day, fetchedAt: NOW - d * 5 * DAY });
        return paper;
      }),
    );
    const history = papers.flatMap((p) => Array.from({ length: 6 }, (_, h) => ({ id: p.id, at: p.fetchedAt + h * 3_600_000, upvotes: p.upvotes + h })));
    const rows = {
      papers,
      days: days.map((date) => ({ date, fetchedAt: NOW, count: 10, dropped: 0, status: 'complete' })),
      upvoteHistory: history,
      userState: [{ id: papers[0]!.id, savedAt: 5 }, { id: papers.at(-1)!.id, readAt: 6, notifiedAt: 7 }],
      misses: [{ id: '2511.99999', at: NOW - 60_000 }],
      kv: [{ key: 'syncState', value: { running: false, lastSuccessAt: 42 } }, { key: 'trending', value: { fetchedAt: 1, ids: [papers[3]!.id] } }],
    };
    await old.open();
    for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
    old.close();

    const db = new PapersDB(name);
    await db.open();
    expect(await db.papers.count()).toBe(papers.length);
    expect(await db.upvoteHistory.count()).toBe(history.length);
    expect(await db.userState.toArray()).toEqual(expect.arrayContaining(rows.userState));
    expect(await db.misses.toArray()).toEqual(rows.misses);

    // The background's index reads the `dailyDates` the upgrade wrote: every paper of the kept days.
    const stored = new StoredPapers(db, { keptDays: async () => keptDays(DEFAULT_SETTINGS), now: () => NOW });
    const index = new BadgeIndex(await stored.badgeIndex());
    for (const paper of papers) expect(index.get(paper.id)).toEqual({ id: paper.id, upvotes: paper.upvotes, numComments: 1 });

    // Days back to 295 ago: all inside the default year. Nothing goes but thinned points (hourly, a month old).
    const report = await pruneStore(db, { now: NOW, keepDays: keptDays(DEFAULT_SETTINGS), pause: async () => undefined });
    expect(report.papers).toBe(0);
    expect(report.misses).toBe(0);
    expect(await db.papers.count()).toBe(papers.length);
    expect(await db.userState.count()).toBe(2);
    const kept = await db.upvoteHistory.toArray();
    // Every paper keeps at least one point a day of its history.
    expect(new Set(kept.map((s) => s.id)).size).toBe(papers.length);
    expect(kept.length).toBeLessThan(history.length);
    stored.close();
    db.close();
  });
});
