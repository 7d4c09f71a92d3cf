/** Upgrades: what released versions stored opens under the current code, every row and setting intact. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import { parseSettings } from '../../../lib/shared/settings';
import { DEFAULT_SITE_SWITCHES } from '../../../lib/shared/sites';
import { RELEASED_DB_SCHEMAS, RELEASED_SETTINGS } from '../../fixtures/released-db-schemas';
import { makePaper, STARFLOW_ID } from '../support/builders';

describe('database upgrades', () => {
  it('the current schema is the newest released one or a later version', () => {
    const current = new PapersDB(`schema-${Math.random()}`);
    const newest = RELEASED_DB_SCHEMAS.at(-1)!;
    expect(current.verno).toBeGreaterThanOrEqual(newest.version);
  });

  for (const released of RELEASED_DB_SCHEMAS) {
    it(`a database written by schema v${released.version} (${released.release}) keeps every row`, async () => {
      const name = `upgrade-v${released.version}-${Math.random().toString(36).slice(2)}`;
      const old = new Dexie(name);
      old.version(released.version).stores(released.stores);
      const papers = Array.from({ length: 50 }, (_, i) =>
        makePaper({ id: i === 0 ? STARFLOW_ID : `2511.${10_000 + i}`, upvotes: i, dailyDate: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}` }),
      );
      const rows = {
        papers,
        days: [{ date: '2026-11-20', fetchedAt: 1, count: 3, dropped: 1, status: 'complete' }],
        upvoteHistory: papers.map((p, i) => ({ id: p.id, at: 1000 + i, upvotes: p.upvotes })),
        userState: [
          { id: STARFLOW_ID, savedAt: 5, readAt: 6, notifiedAt: 7 },
          { id: '2511.10003', readAt: 9 },
        ],
        misses: [{ id: '2511.99999', at: 3 }],
        kv: [{ key: 'syncState', value: { running: false, lastSuccessAt: 42 } }, { key: 'trending', value: { fetchedAt: 1, ids: [STARFLOW_ID] } }],
      };
      await old.open();
      for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
      old.close();

      const current = new PapersDB(name);
      try {
        await current.open();
        // Since schema v2 each paper lists its Daily Papers days (`dailyDates`), its one day to begin with.
        expect(await current.papers.toArray()).toEqual(expect.arrayContaining(papers.map((p) => ({ ...p, dailyDates: [p.dailyDate] }))));
        expect(await current.papers.count()).toBe(papers.length);
        expect(await current.upvoteHistory.count()).toBe(papers.length);
        expect(await current.userState.toArray()).toEqual(expect.arrayContaining(rows.userState));
        expect(await current.days.toArray()).toEqual(rows.days);
        expect(await current.misses.toArray()).toEqual(rows.misses);
        expect(await current.kv.get('syncState')).toEqual(rows.kv[0]);
        // The indexes the code relies on answer over the old rows.
        expect(await current.papers.where('dailyDate').equals('2026-11-01').count()).toBeGreaterThan(0);
        expect(await current.papers.where('dailyDates').equals('2026-11-01').count()).toBe(await current.papers.where('dailyDate').equals('2026-11-01').count());
        expect((await current.userState.where('savedAt').above(0).toArray()).map((s) => s.id)).toEqual([STARFLOW_ID]);
      } finally {
        await current.delete();
      }
    });
  }
});

describe('settings upgrades', () => {
  for (const released of RELEASED_SETTINGS) {
    it(`settings stored by ${released.release} keep every value`, () => {
      expect(parseSettings(structuredClone(released.stored))).toMatchObject(released.stored);
    });
  }

  it('a settings object from an older version, with fields missing, keeps what it has and fills the rest', () => {
    const settings = parseSettings({ backfillDays: 7, liveLookups: false });
    expect(settings.backfillDays).toBe(7);
    expect(settings.liveLookups).toBe(false);
    expect(settings.sites).toEqual({ ...DEFAULT_SITE_SWITCHES, arxiv: true, github: true });
    expect(settings.watch).toEqual({ keywords: [], authors: [], organizations: [] });
  });

  it('a damaged field falls back to its default alone; unknown keys are ignored', () => {
    const settings = parseSettings({ backfillDays: 'many', sites: { arxiv: 'yes', github: false }, somethingNew: 1 });
    expect(settings.backfillDays).toBe(30);
    expect(settings.sites).toEqual({ ...DEFAULT_SITE_SWITCHES, arxiv: true, github: false });
    expect('somethingNew' in settings).toBe(false);
  });
});
