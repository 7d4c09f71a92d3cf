import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewestBadgesCopy, type NewestCopyStorage } from '../../../lib/background/newest-copy';
import { encodeBadgeIndex, NEWEST_BADGES, newestBadgeLines } from '../../../lib/shared/badge-index';
import { NEWEST_BADGES_KEY } from '../../../lib/shared/storage-keys';

const stored = async () => (await fakeBrowser.storage.local.get(NEWEST_BADGES_KEY))[NEWEST_BADGES_KEY];

/** An index of `count` papers, numbered from 2601.00001, each with `upvotes`. */
const indexOf = (count: number, upvotes = 1) =>
  encodeBadgeIndex(Array.from({ length: count }, (_, i) => ({ id: `2601.${String(i + 1).padStart(5, '0')}`, upvotes, numComments: 0 })));

/** The storage area, with its writes counted. */
function countedArea() {
  const area = fakeBrowser.storage.local;
  const writes = { set: 0, remove: 0 };
  const counted: NewestCopyStorage = {
    get: (keys) => area.get(keys),
    set: (items) => (writes.set++, area.set(items)),
    remove: (keys) => (writes.remove++, area.remove(keys)),
  };
  return { counted, writes };
}

describe('NewestBadgesCopy', () => {
  it("copies the index's newest lines, only when they change, and removes them when the index is dropped", async () => {
    const { counted, writes } = countedArea();
    const copy = new NewestBadgesCopy(counted);
    const index = indexOf(NEWEST_BADGES + 200);
    await copy.follow(index);
    expect(await stored()).toBe(newestBadgeLines(index, NEWEST_BADGES));
    expect((await stored() as string).split('\n')).toHaveLength(NEWEST_BADGES);
    // The same index taken again (a later question): nothing written.
    await copy.follow(index);
    expect(writes).toEqual({ set: 1, remove: 0 });
    // Dropped (a sync step): the copy goes, once however many drops follow.
    await copy.follow(undefined);
    await copy.follow(undefined);
    expect(await stored()).toBeUndefined();
    expect(writes).toEqual({ set: 1, remove: 1 });
    // Built again with more upvotes: written.
    await copy.follow(indexOf(10, 5));
    expect(await stored()).toBe(indexOf(10, 5));
  });

  it('a woken worker reads the copy once and rewrites it only if its index differs', async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: indexOf(3) });
    const { counted, writes } = countedArea();
    const copy = new NewestBadgesCopy(counted);
    await copy.follow(indexOf(3));
    expect(writes).toEqual({ set: 0, remove: 0 });
    await copy.follow(indexOf(3, 2));
    expect(writes).toEqual({ set: 1, remove: 0 });
    expect(await stored()).toBe(indexOf(3, 2));
  });

  it('keeps the order of what it is told: a drop told after a build leaves no copy', async () => {
    const copy = new NewestBadgesCopy(fakeBrowser.storage.local);
    void copy.follow(indexOf(4));
    await copy.follow(undefined);
    expect(await stored()).toBeUndefined();
    void copy.follow(undefined);
    await copy.follow(indexOf(2));
    expect(await stored()).toBe(indexOf(2));
  });

  it('an empty index leaves no copy (pages ask the background)', async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: indexOf(3) });
    await new NewestBadgesCopy(fakeBrowser.storage.local).follow('');
    expect(await stored()).toBeUndefined();
  });

  it('a failed write is counted and never thrown; the next index is written whole', async () => {
    const area = fakeBrowser.storage.local;
    const failing: NewestCopyStorage = { get: (keys) => area.get(keys), set: vi.fn().mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')).mockImplementation((items) => area.set(items)), remove: (keys) => area.remove(keys) };
    const copy = new NewestBadgesCopy(failing);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    await expect(copy.follow(indexOf(3))).resolves.toBeUndefined();
    expect(copy.failures).toBe(1);
    expect(await stored()).toBeUndefined();
    await copy.follow(indexOf(3));
    expect(await stored()).toBe(indexOf(3));
  });
});
