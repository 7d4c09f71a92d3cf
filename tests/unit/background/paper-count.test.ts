import { afterEach, describe, expect, it, vi } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import type { Paper } from '../../../lib/shared/paper';
import { PaperCount, SHARED_COUNT_MS } from '../../../lib/background/paper-count';

const paper = (id: string): Paper => ({ id, title: `Paper ${id}`, summary: '', upvotes: 1, authors: [], fetchedAt: 1 });

describe('PaperCount', () => {
  let db: PapersDB;
  let counter: PaperCount | undefined;
  afterEach(async () => {
    counter?.close();
    db.close();
    await db.delete();
  });

  const setUp = async (papers: number) => {
    db = new PapersDB(`paper-count-${Math.random()}`);
    await db.papers.bulkPut(Array.from({ length: papers }, (_, i) => paper(`2612.${String(i).padStart(5, '0')}`)));
    let now = 1_000_000;
    counter = new PaperCount(db, { now: () => now });
    return { later: (ms: number) => (now += ms), counts: vi.spyOn(db.papers, 'count') };
  };

  it('hands the count begun a moment ago to the second check of a wake: the table is counted once', async () => {
    const { later, counts } = await setUp(3);
    const first = counter!.count();
    later(50);
    const second = counter!.count();
    expect(await Promise.all([first, second])).toEqual([3, 3]);
    later(1_000);
    expect(await counter!.count()).toBe(3);
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it('counts again once papers were written, or the count is older than SHARED_COUNT_MS', async () => {
    const { later, counts } = await setUp(3);
    expect(await counter!.count()).toBe(3);
    await db.papers.delete('2612.00000');
    await vi.waitFor(async () => expect(await counter!.count()).toBe(2));
    expect(counts).toHaveBeenCalledTimes(2);
    // Another table written: the count holds.
    await db.kv.put({ key: 'any', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await counter!.count()).toBe(2);
    expect(counts).toHaveBeenCalledTimes(2);
    later(SHARED_COUNT_MS);
    expect(await counter!.count()).toBe(2);
    expect(counts).toHaveBeenCalledTimes(3);
  });

  it('does not hand on a failed count', async () => {
    const { counts } = await setUp(2);
    counts.mockRejectedValueOnce(new Error('aborted'));
    await expect(counter!.count()).rejects.toThrow('aborted');
    expect(await counter!.count()).toBe(2);
    expect(counts).toHaveBeenCalledTimes(2);
  });
});
