import { describe, expect, it } from 'vitest';
import { CardMirrorWriter, clearCardMirrorIfWiped, maintainCardMirror, mirrorWindowStart } from '../../../lib/background/card-mirror';
import { clearCache } from '../../../lib/options/clear-cache';
import type { Paper } from '../../../lib/shared/paper';
import { storeDay, storeTrending } from '../../../lib/background/sync/store';
import { addDays } from '../../../lib/shared/utc-day';
import { makePaper, useTestDb } from '../support/builders';
import { cardMirrorKey, clearCardMirror, mirroredCard, readMirroredCard, storedCard, type MirrorStorage } from '../../../lib/shared/card-copy';
import { CARD_MIRROR_META_KEY } from '../../../lib/shared/storage-keys';

const getDb = useTestDb();
const NOW = Date.parse('2025-06-30T12:00:00Z');
const TODAY = '2025-06-30';

/** storage.local in memory; `failSet` makes every write fail (a full storage area). */
class FakeStorage implements MirrorStorage {
  items = new Map<string, unknown>();
  failSet = false;
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, structuredClone(this.items.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSet) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) this.items.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.items.delete(k);
  }
  cards(): string[] {
    return [...this.items.keys()].filter((k) => k.startsWith('card:')).sort();
  }
}

const paper = (id: string, dailyDate: string, overrides: Partial<Paper> = {}) => makePaper({ id, dailyDate, ...overrides });
const writer = (storage: MirrorStorage, backfillDays = 30) => new CardMirrorWriter(storage, { now: () => NOW, backfillDays });

describe('card mirror', () => {
  it('keeps exactly what the card shows, and reads it back', () => {
    const full = makePaper({ aiSummary: 'One line.', aiKeywords: ['flows'], projectPage: 'https://example.org/p', organization: { name: 'apple' }, withdrawnAt: undefined });
    const card = mirroredCard(full);
    expect(card).toEqual({
      id: full.id,
      upvotes: 21,
      numComments: 3,
      aiSummary: 'One line.',
      aiKeywords: ['flows'],
      githubRepo: 'https://github.com/apple/ml-starflow',
      githubStars: 102,
      projectPage: 'https://example.org/p',
      organization: { name: 'apple' },
      dailyDate: '2025-06-09',
    });
    expect(card).not.toHaveProperty('title');
    expect(card).not.toHaveProperty('summary');
    // Stored as one JSON string (cheaper for the browser to write than an object).
    expect(typeof storedCard(full)).toBe('string');
    expect(readMirroredCard(storedCard(full), full.id)).toEqual(card);
  });

  it('reads back only a well-formed copy of the right paper, fields of the wrong type dropped', () => {
    const json = (value: unknown) => JSON.stringify(value);
    expect(readMirroredCard(undefined, '2506.06276')).toBeUndefined();
    expect(readMirroredCard({ id: '2506.06276', upvotes: 3 }, '2506.06276')).toBeUndefined();
    expect(readMirroredCard('{"id": "2506.06276", "upvotes": 3', '2506.06276')).toBeUndefined();
    expect(readMirroredCard(json({ id: '2506.00001', upvotes: 3 }), '2506.06276')).toBeUndefined();
    expect(readMirroredCard(json({ id: '2506.06276', upvotes: '3' }), '2506.06276')).toBeUndefined();
    expect(readMirroredCard(json({ id: '2506.06276', upvotes: 3, aiSummary: { x: 1 }, aiKeywords: ['a', 7, {}], organization: { name: 5 } }), '2506.06276')).toEqual({
      id: '2506.06276',
      upvotes: 3,
      aiKeywords: ['a'],
    });
  });

  it('writes the papers of the window only, one key each', async () => {
    const storage = new FakeStorage();
    const from = mirrorWindowStart(NOW, 30);
    expect(from).toBe(addDays(TODAY, -29));
    await writer(storage).write([paper('2506.00001', TODAY), paper('2506.00002', from), paper('2506.00003', addDays(from, -1)), paper('2506.00004', '', { dailyDate: undefined })]);
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001'), cardMirrorKey('2506.00002')]);
    expect(await writer(storage, 1).write([paper('2506.00005', addDays(TODAY, -1))])).toBeUndefined();
    expect(storage.cards()).toHaveLength(2);
  });

  it('a failed write never throws: it is counted and the copy is marked for a whole rewrite', async () => {
    const storage = new FakeStorage();
    storage.items.set(CARD_MIRROR_META_KEY, { from: mirrorWindowStart(NOW, 30) });
    storage.failSet = true;
    const w = writer(storage);
    await expect(w.write([paper('2506.00001', TODAY)])).resolves.toBeUndefined();
    expect(w.failures).toBe(1);
    expect(storage.items.has(CARD_MIRROR_META_KEY)).toBe(false);
  });

  it('the sync steps write the papers they changed, after their commit; a failing copy fails no step', async () => {
    const db = getDb();
    const storage = new FakeStorage();
    const w = writer(storage);
    await storeDay(db, { date: TODAY, papers: [paper('2506.00001', TODAY), paper('2506.00002', TODAY)], dropped: 0, status: 'open' }, NOW, w);
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001'), cardMirrorKey('2506.00002')]);
    // Trending brings a new count: the card follows (the stored day is kept on the paper).
    await storeTrending(db, [paper('2506.00002', TODAY, { upvotes: 99, dailyDate: undefined })], NOW + 1, w);
    expect(JSON.parse(storage.items.get(cardMirrorKey('2506.00002')) as string)).toMatchObject({ upvotes: 99, dailyDate: TODAY });
    storage.failSet = true;
    await expect(storeDay(db, { date: TODAY, papers: [paper('2506.00001', TODAY, { upvotes: 50 })], dropped: 0, status: 'open' }, NOW + 2, w)).resolves.toMatchObject({ count: 2 });
    expect((await db.papers.get('2506.00001'))!.upvotes).toBe(50);
    expect(w.failures).toBe(1);
  });

  it('once a run: written whole when new, then evicts only the days that left the window', async () => {
    const db = getDb();
    const storage = new FakeStorage();
    const old = addDays(TODAY, -40);
    await db.papers.bulkPut([paper('2506.00001', TODAY), paper('2506.00002', addDays(TODAY, -29)), paper('2506.00003', old), paper('2506.00004', '', { dailyDate: undefined })]);
    // A leftover of a copy from before (e.g. a failed run): gone with the whole rewrite.
    storage.items.set(cardMirrorKey('2401.00001'), { id: '2401.00001', upvotes: 1 });
    await maintainCardMirror(db, storage, { now: NOW, backfillDays: 30 });
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001'), cardMirrorKey('2506.00002')]);
    expect(storage.items.get(CARD_MIRROR_META_KEY)).toEqual({ from: addDays(TODAY, -29) });
    // A day later the oldest day leaves the window.
    await maintainCardMirror(db, storage, { now: NOW + 86_400_000, backfillDays: 30 });
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001')]);
    expect(storage.items.get(CARD_MIRROR_META_KEY)).toEqual({ from: addDays(TODAY, -28) });
    // A wider window: written whole again, up to 30 days.
    await maintainCardMirror(db, storage, { now: NOW, backfillDays: 60 });
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001'), cardMirrorKey('2506.00002')]);
    await maintainCardMirror(db, storage, { now: NOW, backfillDays: 20 });
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001')]);
    await maintainCardMirror(db, storage, { now: NOW, backfillDays: 90 });
    expect(storage.cards()).toEqual([cardMirrorKey('2506.00001'), cardMirrorKey('2506.00002')]);
  });

  it('is cleared whole, by "Clear the cache" too, and when the database was wiped', async () => {
    const db = getDb();
    const storage = new FakeStorage();
    await storeDay(db, { date: TODAY, papers: [paper('2506.00001', TODAY)], dropped: 0, status: 'open' }, NOW, writer(storage));
    await maintainCardMirror(db, storage, { now: NOW, backfillDays: 30 });
    storage.items.set('arxivCardCollapsed', true);
    expect(await clearCardMirrorIfWiped(db, storage)).toBe(false);
    await clearCache(db, { keepSaved: true, local: storage });
    expect(storage.cards()).toEqual([]);
    expect(storage.items.has(CARD_MIRROR_META_KEY)).toBe(false);
    expect(storage.items.get('arxivCardCollapsed')).toBe(true);

    await storeDay(db, { date: TODAY, papers: [paper('2506.00001', TODAY)], dropped: 0, status: 'open' }, NOW, writer(storage));
    expect(storage.cards()).toHaveLength(1);
    // The browser deleted the database: no synced day any more, so the cards go before the next sync.
    await db.days.clear();
    expect(await clearCardMirrorIfWiped(db, storage)).toBe(true);
    expect(storage.cards()).toEqual([]);
    await clearCardMirror(storage);
  });

  it('holds 30 days at most, and stays small: 30 days of 100 papers', async () => {
    expect(mirrorWindowStart(NOW, 90)).toBe(mirrorWindowStart(NOW, 30));
    const storage = new FakeStorage();
    const papers = Array.from({ length: 3000 }, (_, i) =>
      paper(`2506.${String(i).padStart(5, '0')}`, addDays(TODAY, -(i % 30)), {
        upvotes: 1234,
        numComments: 56,
        aiSummary: 'x'.repeat(300),
        aiKeywords: ['keyword one', 'keyword two', 'keyword three', 'keyword four', 'keyword five'],
        projectPage: 'https://example-project-page.github.io/some-paper-name/',
        organization: { name: 'some-org', fullname: 'Some Organization Name' },
      }),
    );
    await writer(storage).write(papers);
    const bytes = [...storage.items].reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
    console.info(`card mirror, 3000 papers: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
    expect(storage.cards()).toHaveLength(3000);
    // With long summaries (300 characters; HF's are mostly shorter): about 2 MB.
    expect(bytes).toBeLessThan(2.5 * 1024 * 1024);
  });
});
