import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { SearchIndexKeeper } from '../../../lib/background/search-index';
import { storeDay, storeLookedUpPaper } from '../../../lib/background/sync/store';
import { clearCache } from '../../../lib/options/clear-cache';
import { PapersDB } from '../../../lib/shared/db';
import { RELEASED_DB_SCHEMAS } from '../../fixtures/released-db-schemas';
import { importSavedPapers } from '../../../lib/shared/saved-papers';
import { StoredIndexReader } from '../../../lib/popup/search/stored-index-reader';
import { makePaper, useTestDb } from '../support/builders';

const DAY = '2026-11-20';
const NOW = Date.parse(`${DAY}T12:00:00Z`);
const paper = (id: string, title: string, summary = 'An abstract about nothing much.') => makePaper({ id, title, summary, dailyDate: DAY, aiSummary: undefined, aiKeywords: undefined, organization: undefined });

/** What the popup finds: the stored index's rows the query needs read back, searched. */
async function found(db: PapersDB, query: string): Promise<string[]> {
  const reader = new StoredIndexReader(async (keys) => (await db.searchIndex.bulkGet([...keys])).map((row) => row?.value));
  return (await reader.indexFor(query))?.search(query).docs.map((doc) => doc.id) ?? [];
}

describe('SearchIndexKeeper', () => {
  const db = useTestDb();
  let keeper: SearchIndexKeeper | undefined;
  afterEach(() => keeper?.stop());

  it('builds the index once from every stored paper when none is stored', async () => {
    await db().papers.bulkPut([paper('2511.00001', 'Normalizing flows'), paper('2511.00002', 'Robot grasping', 'Flows of objects.')]);
    const builds: number[] = [];
    keeper = new SearchIndexKeeper(db(), { batchSize: 1, onBuild: (papers) => builds.push(papers) });
    await keeper.ensure();
    await keeper.ensure();
    expect(builds).toEqual([2]);
    expect(await found(db(), 'flows')).toEqual(['2511.00001', '2511.00002']);
    // A new worker (nothing in memory) finds it stored and builds nothing.
    const again = new SearchIndexKeeper(db(), { onBuild: (papers) => builds.push(papers) });
    await again.ensure();
    expect(builds).toEqual([2]);
  });

  it('adds the papers a sync step and a live lookup write, and indexes again a paper whose text changed', async () => {
    keeper = new SearchIndexKeeper(db(), { delayMs: 0 }).start();
    await keeper.ensure();
    await storeDay(db(), { date: DAY, papers: [paper('2511.00001', 'Normalizing flows'), paper('2511.00002', 'Speech at scale')], dropped: 0, status: 'open' }, NOW);
    await vi.waitFor(async () => expect(await found(db(), 'flows')).toEqual(['2511.00001']));
    await storeLookedUpPaper(db(), paper('2511.00003', 'Kalotenvo layers', 'Abstract words: quasicrystal.'), NOW);
    await vi.waitFor(async () => expect(await found(db(), 'quasicrystal')).toEqual(['2511.00003']));
    // HF adds an AI summary and a new title later: the new words are found, the old title's are not.
    await storeDay(db(), { date: DAY, papers: [{ ...paper('2511.00002', 'Speech at large scale'), aiSummary: 'Vocoders everywhere.' }, paper('2511.00001', 'Normalizing flows')], dropped: 0, status: 'open' }, NOW + 1);
    await vi.waitFor(async () => expect(await found(db(), 'vocoders')).toEqual(['2511.00002']));
    expect(await found(db(), 'large scale')).toEqual(['2511.00002']);
    expect(await found(db(), 'flows')).toEqual(['2511.00001']);
  });

  it('catches up with papers an import added while the worker slept', async () => {
    keeper = new SearchIndexKeeper(db());
    await db().papers.put(paper('2511.00001', 'Normalizing flows'));
    await keeper.ensure();
    await importSavedPapers(db(), [{ paper: paper('2511.00009', 'Imported flows'), savedAt: 1 }]);
    const builds: number[] = [];
    const woken = new SearchIndexKeeper(db(), { onBuild: (papers) => builds.push(papers) });
    await woken.ensure();
    expect(builds).toEqual([]);
    expect((await found(db(), 'flows')).sort()).toEqual(['2511.00001', '2511.00009']);
  });

  it('forgets the cleared papers: clearing the cache drops the index, the next start builds it from what stays', async () => {
    keeper = new SearchIndexKeeper(db());
    await db().papers.bulkPut([paper('2511.00001', 'Normalizing flows'), paper('2511.00002', 'Saved flows')]);
    await db().userState.put({ id: '2511.00002', savedAt: 1 });
    await keeper.ensure();
    await clearCache(db(), { keepSaved: true });
    expect(await found(db(), 'flows')).toEqual([]);
    await new SearchIndexKeeper(db()).ensure();
    expect(await found(db(), 'flows')).toEqual(['2511.00002']);
  });
});

describe('the upgrade to schema 3 (the search index table)', () => {
  /** Schema 1 is what 0.1.0 and 0.2.0 wrote (tests/fixtures/released-db-schemas.ts); 2 is main's before this one. */
  const BEFORE = [
    { version: 1, stores: RELEASED_DB_SCHEMAS[0]!.stores },
    { version: 2, stores: { ...RELEASED_DB_SCHEMAS[0]!.stores, papers: 'id, dailyDate, *dailyDates, upvotes, githubRepoKey' } },
  ];
  for (const before of BEFORE) {
    it(`keeps every row of a schema v${before.version} database and builds the index once`, async () => {
      const name = `upgrade-search-v${before.version}-${Math.random().toString(36).slice(2)}`;
      const old = new Dexie(name);
      old.version(before.version).stores(before.stores);
      const papers = Array.from({ length: 120 }, (_, i) => paper(`2511.${String(10_000 + i)}`, i % 2 ? `Normalizing flows ${i}` : `Speech ${i}`));
      await old.open();
      await old.table('papers').bulkAdd(papers);
      await old.table('userState').bulkAdd([{ id: papers[0]!.id, savedAt: 5 }]);
      await old.table('kv').bulkAdd([{ key: 'syncState', value: { running: false, lastSuccessAt: 42 } }]);
      old.close();

      const current = new PapersDB(name);
      try {
        const builds: number[] = [];
        await new SearchIndexKeeper(current, { onBuild: (count) => builds.push(count) }).ensure();
        expect(current.verno).toBe(3);
        expect(await current.papers.count()).toBe(papers.length);
        expect(await current.userState.get(papers[0]!.id)).toEqual({ id: papers[0]!.id, savedAt: 5 });
        expect(await current.kv.get('syncState')).toEqual({ key: 'syncState', value: { running: false, lastSuccessAt: 42 } });
        expect(builds).toEqual([papers.length]);
        expect((await found(current, 'flows')).length).toBe(50);
        expect(await found(current, 'speech 42')).toEqual(['2511.10042']);
        // The next worker start finds the index and builds nothing.
        await new SearchIndexKeeper(current, { onBuild: (count) => builds.push(count) }).ensure();
        expect(builds).toEqual([papers.length]);
      } finally {
        await current.delete();
      }
    });
  }
});
