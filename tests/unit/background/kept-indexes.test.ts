/** The kept page indexes: a deletion taken out of them (lines and count), and the writes a worker must leave alone. */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, type ObservabilitySet } from 'dexie';
import { PapersDB } from '../../../lib/shared/db';
import { encodeBadgeIndex } from '../../../lib/shared/badge-index';
import { encodeTitleIndex } from '../../../lib/shared/title-index';
import { INDEX_FORMAT, parseStamp, stampText } from '../../../lib/background/index-stamp';
import { keptIndexesWritten, readKeptIndex, readKeptTitles, takeOutOfKeptIndexes } from '../../../lib/background/kept-indexes';

const papers = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, title: `Paper ${id} on things`, upvotes: i + 1 }));
const stamp = (count: number) => stampText({ format: INDEX_FORMAT, papers: count, trending: { at: 1, ids: [] }, days: [['2025-06-20', 1, 4]] });

let db: PapersDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('kept indexes', () => {
  it('takes deleted papers out of both copies and their number out of both stamps, as encoding what is left would', async () => {
    db = new PapersDB(`kept-${Math.random()}`);
    await db.kv.bulkPut([
      { key: 'badgeIndex', value: { stamp: stamp(9), index: encodeBadgeIndex(papers) } },
      // The title copy beside an older badge index: its own stamp, its own count.
      { key: 'titleIndex', value: { stamp: stamp(7), titles: encodeTitleIndex(papers) } },
    ]);
    // 'z' is stored but in neither copy (a paper no list holds): its count goes, no line.
    await db.transaction('rw', db.kv, () => takeOutOfKeptIndexes(db!, ['b', 'd', 'z']));
    const rest = papers.filter((paper) => paper.id === 'a' || paper.id === 'c');
    const index = (await readKeptIndex(db))!;
    const titles = (await readKeptTitles(db))!;
    expect(index.index).toBe(encodeBadgeIndex(rest));
    expect(titles.titles).toBe(encodeTitleIndex(rest));
    expect(parseStamp(index.stamp)!.papers).toBe(6);
    expect(parseStamp(titles.stamp)!.papers).toBe(4);
    // The rest of the stamp as it was: the next wake compares it with the tables as before.
    expect(index.stamp).toBe(stamp(6));
  });

  it('deletes a copy of another format rather than restamping it, and does nothing for no papers or no copies', async () => {
    db = new PapersDB(`kept-old-${Math.random()}`);
    await db.kv.bulkPut([
      { key: 'badgeIndex', value: { stamp: 'badge-index/2 9 …', index: 'a 1' } },
      { key: 'titleIndex', value: { stamp: stamp(9), titles: encodeTitleIndex(papers) } },
    ]);
    await takeOutOfKeptIndexes(db, []);
    expect(await readKeptIndex(db)).toBeDefined();
    await takeOutOfKeptIndexes(db, ['a']);
    expect(await db.kv.get('badgeIndex')).toBeUndefined();
    expect(parseStamp((await readKeptTitles(db))!.stamp)!.papers).toBe(8);
    await db.kv.clear();
    await takeOutOfKeptIndexes(db, ['a']);
    expect(await db.kv.count()).toBe(0);
  });

  it("tells a transaction that wrote or deleted a copy from one that wrote other kv rows", async () => {
    db = new PapersDB(`kept-parts-${Math.random()}`);
    await db.open();
    const seen: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => void seen.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      const written = async (write: () => Promise<unknown>) => {
        seen.length = 0;
        await db!.transaction('rw', [db!.kv, db!.papers], write);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return seen.some((parts) => keptIndexesWritten(parts, db!.name));
      };
      expect(await written(() => db!.kv.put({ key: 'pruneState', value: {} }))).toBe(false);
      expect(await written(() => db!.kv.bulkDelete(['paperLinks:a', 'trending']))).toBe(false);
      expect(await written(() => db!.kv.put({ key: 'titleIndex', value: {} }))).toBe(true);
      expect(await written(() => db!.kv.bulkDelete(['badgeIndex', 'titleIndex']))).toBe(true);
      // Another database's copy is not ours.
      expect(keptIndexesWritten({ 'idb://other/kv/': seen.flatMap((parts) => Object.values(parts))[0]! }, db.name)).toBe(false);
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
  });
});
