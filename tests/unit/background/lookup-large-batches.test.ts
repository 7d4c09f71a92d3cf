import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import type { HfClient } from '../../../lib/background/hf/client';
import { KEY_SCAN_FROM, lookupPapers, MISS_TTL_MS } from '../../../lib/background/lookup';
import type { Paper } from '../../../lib/shared/paper';

/** A paper of a synced Daily Papers list (the day record is written in beforeEach). */
const paper = (id: string, upvotes = 1): Paper => ({ id, title: `Paper ${id}`, summary: 'Abstract.', authors: [], upvotes, fetchedAt: 1, dailyDate: '2025-06-09' });
const idOf = (n: number) => `2506.${String(10_000 + n).padStart(5, '0')}`;

let db: PapersDB;
beforeEach(async () => {
  db = new PapersDB(`lookup-${Math.random()}`);
  await db.papers.bulkPut([paper('2506.06276', 21), ...Array.from({ length: 30 }, (_, i) => paper(idOf(i * 10), i))]);
  await db.days.put({ date: '2025-06-09', fetchedAt: 1, count: 31, dropped: 0, status: 'complete' });
});
afterEach(async () => {
  await db.delete();
});

describe('lookupPapers', () => {
  it('finds stored papers among a few ids', async () => {
    const found = (await lookupPapers(db, ['2506.06276', '2506.99999', 'hep-th/9901001', '2506.06276v2'], { live: false, now: 0 })).papers;
    expect([...found.keys()]).toEqual(['2506.06276']);
  });

  it('finds exactly the stored papers among a listing’s 2000 ids, reading only those', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => idOf(i));
    expect(ids.length).toBeGreaterThan(KEY_SCAN_FROM);
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    const found = (await lookupPapers(db, ids, { live: true, now: 0 })).papers;
    expect([...found.keys()].sort()).toEqual(Array.from({ length: 30 }, (_, i) => idOf(i * 10)).sort());
    expect(found.get(idOf(50))?.upvotes).toBe(5);
    expect(bulkGet.mock.calls[0]![0]).toHaveLength(30);
  });

  it('asks HF live for at most three missing ids, caching answers and misses', async () => {
    const client = { paper: vi.fn(async (id: string) => (id === '2507.00001' ? paper(id, 9) : undefined)) } as unknown as HfClient;
    const found = (await lookupPapers(db, ['2507.00001', '2507.00002', '2506.06276'], { live: true, client, now: 1000 })).papers;
    expect(found.get('2507.00001')?.upvotes).toBe(9);
    expect(await db.papers.get('2507.00001')).toBeDefined();
    expect(await db.misses.get('2507.00002')).toEqual({ id: '2507.00002', at: 1000 });
    await lookupPapers(db, ['2507.00001', '2507.00002'], { live: true, client, now: 1000 + MISS_TTL_MS - 1 });
    expect(client.paper).toHaveBeenCalledTimes(2);
    await lookupPapers(db, Array.from({ length: 4 }, (_, i) => `2507.0010${i}`), { live: true, client, now: 0 });
    expect(client.paper).toHaveBeenCalledTimes(2);
  });
});

describe('lookupPapers with the background’s index', () => {
  it('reads only the papers the index holds, the live path unchanged', async () => {
    const { StoredPapers } = await import('../../../lib/background/stored-papers');
    const stored = new StoredPapers(db);
    await stored.badgeIndex();
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    const listing = (await lookupPapers(db, Array.from({ length: 2000 }, (_, i) => idOf(i)), { live: false, now: 0, stored })).papers;
    expect(listing.size).toBe(30);
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]![0]).toHaveLength(30);
    const client = { paper: vi.fn(async (id: string) => ({ ...paper(id, 9), dailyDate: undefined })) } as unknown as HfClient;
    const found = (await lookupPapers(db, ['2506.06276', idOf(10), '2507.00009'], { live: true, client, now: 0, stored })).papers;
    expect(found.get('2506.06276')?.upvotes).toBe(21);
    expect(found.get(idOf(10))?.upvotes).toBe(1);
    expect(found.get('2507.00009')).toMatchObject({ upvotes: 9 });
    expect(found.get('2507.00009')).not.toHaveProperty('summary');
    expect(client.paper).toHaveBeenCalledTimes(1);
    // Stored by that live lookup, not on a list: answered where HF could be asked anyway, never to a listing.
    expect((await lookupPapers(db, ['2507.00009'], { live: true, client, now: 0, stored })).papers.get('2507.00009')?.upvotes).toBe(9);
    expect(client.paper).toHaveBeenCalledTimes(1);
    expect((await lookupPapers(db, ['2507.00009'], { live: false, now: 0, stored })).papers.has('2507.00009')).toBe(false);
    // Hidden among unknown decoys (too many to go live): not answered.
    expect((await lookupPapers(db, ['2507.00009', '2508.99001', '2508.99002', '2508.99003'], { live: true, client, now: 0, stored })).papers.has('2507.00009')).toBe(false);
    expect(client.paper).toHaveBeenCalledTimes(1);
    stored.close();
  });
});
