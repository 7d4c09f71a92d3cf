import { describe, expect, it, vi } from 'vitest';
import { EARLY_READ_MAX_AGE_MS, FirstScreen, type FirstScreenDeps } from '../../../lib/popup/first-screen';
import { PopupStore } from '../../../lib/popup/popup-store';
import type { PopupUiState } from '../../../lib/popup/popup-view';
import type { TableName } from '../../../lib/shared/db-name';
import { patchSyncState } from '../../../lib/background/sync/state';
import { PapersDB } from '../../../lib/shared/db';
import { makePaper, useTestDb } from '../support/builders';

const NOW = Date.parse('2025-06-07T09:00:00Z');
const onDay = (date: string): PopupUiState => ({ view: { kind: 'day', date }, order: 'top', query: '' });

/** The change notices, sent by hand. */
function changeFeed() {
  const listeners = new Set<(tables: ReadonlySet<TableName>) => void>();
  return {
    listen: (listener: (tables: ReadonlySet<TableName>) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    announce: (...tables: TableName[]) => listeners.forEach((listener) => listener(new Set(tables))),
    listening: () => listeners.size,
  };
}

function opening(name: string, options: Partial<FirstScreenDeps> = {}) {
  const feed = changeFeed();
  let time = NOW;
  const first = new FirstScreen({ open: () => PopupStore.open(name), listen: feed.listen, ui: onDay('2025-06-07'), now: () => time, ...options });
  return { first, feed, advance: (ms: number) => (time += ms) };
}

describe('FirstScreen: the early reads', () => {
  const db = useTestDb();

  async function seed() {
    await db().days.put({ date: '2025-06-06', fetchedAt: 1, count: 1, dropped: 0, status: 'complete' });
    await db().papers.put(makePaper({ id: '2506.00001', dailyDate: '2025-06-06', upvotes: 3 }));
    await db().userState.put({ id: '2506.00001', readAt: 9 });
    await patchSyncState(db(), { running: true, startedAt: 5 });
  }

  it('reads the first list, the marks and the sync state before the views ask; a first render peeks, the first read takes, once', async () => {
    await seed();
    const { first } = opening(db().name);
    const store = await first.ready;
    expect(store).toBeInstanceOf(PopupStore);
    expect(await first.store).toBe(store);

    const list = first.earlyDayList('2025-06-07');
    const peeked = list.peek();
    expect(peeked).toMatchObject({ listDay: '2025-06-06', papers: [{ id: '2506.00001', upvotes: 3 }] });
    expect(first.earlyUserStates().peek()?.get('2506.00001')).toEqual({ id: '2506.00001', readAt: 9 });
    expect(first.earlySyncState().peek()).toMatchObject({ running: true, startedAt: 5 });
    // The view's first read takes the very answer peeked at (nothing to draw again), then it is gone.
    expect(await list.take()).toBe(peeked);
    expect(list.take()).toBeUndefined();
    expect(list.peek()).toBeUndefined();
    store?.close();
  });

  it('has only the day the popup opened on: another day is read when asked', async () => {
    await seed();
    const { first } = opening(db().name);
    const store = await first.ready;
    expect(first.earlyDayList('2025-06-06').peek()).toBeUndefined();
    expect(first.earlyDayList('2025-06-06').take()).toBeUndefined();
    expect(first.earlyDayList('2025-06-07').peek()).toBeDefined();
    store?.close();
  });

  it('drops the early answers when a change is announced before they are taken', async () => {
    await seed();
    const { first, feed } = opening(db().name);
    const store = await first.ready;
    feed.announce('papers');
    expect(first.earlyDayList('2025-06-07').peek()).toBeUndefined();
    expect(first.earlyDayList('2025-06-07').take()).toBeUndefined();
    expect(first.earlyUserStates().take()).toBeUndefined();
    store?.close();
  });

  it('hands out no answer older than EARLY_READ_MAX_AGE_MS', async () => {
    await seed();
    const { first, advance } = opening(db().name);
    const store = await first.ready;
    advance(EARLY_READ_MAX_AGE_MS);
    expect(first.earlyDayList('2025-06-07').peek()).toBeUndefined();
    expect(first.earlySyncState().take()).toBeUndefined();
    store?.close();
  });

  it('stops listening once every early answer was handed over', async () => {
    await seed();
    const { first, feed } = opening(db().name);
    const store = await first.ready;
    expect(feed.listening()).toBe(1);
    void first.earlyDayList('2025-06-07').take();
    void first.earlyUserStates().take();
    expect(feed.listening()).toBe(1);
    void first.earlySyncState().take();
    expect(feed.listening()).toBe(0);
    store?.close();
  });

  it('draws without the early answers when they take longer than the wait; the store follows', async () => {
    const never = new Promise<never>(() => undefined);
    const slow = { dayList: () => never, userStates: () => never, syncState: () => never } as unknown as PopupStore;
    const { first } = opening(db().name, { open: async () => slow, waitMs: 5 });
    expect(await first.ready).toBeUndefined();
    expect(await first.store).toBe(slow);
    expect(first.earlySyncState().peek()).toBeUndefined();
  });
});

describe('FirstScreen: a database the background has not made yet (a fresh install)', () => {
  it('draws at once without it, and opens it when the background announces its first change', async () => {
    const name = `fresh-${Math.random().toString(36).slice(2)}`;
    const open = vi.fn(() => PopupStore.open(name));
    const { first, feed } = opening(name, { open });
    expect(await first.ready).toBeUndefined();
    expect(open).toHaveBeenCalledTimes(1);

    // The background's first write makes the database, then tells the pages.
    const db = new PapersDB(name);
    await patchSyncState(db, { running: true, startedAt: NOW });
    feed.announce('kv');
    const store = await first.store;
    expect(open).toHaveBeenCalledTimes(2);
    expect(await store.syncState()).toMatchObject({ running: true });
    // Opened: later notices are the interface's (no third attempt).
    feed.announce('papers');
    expect(open).toHaveBeenCalledTimes(2);
    store.close();
    await db.delete();
  });

  it('tries once more when a change is announced while an attempt that finds nothing is under way', async () => {
    let answer: (store: PopupStore | undefined) => void = () => undefined;
    const later = { dayList: async () => ({ listDay: undefined, papers: [] }), userStates: async () => new Map(), syncState: async () => ({ running: false }) } as unknown as PopupStore;
    const open = vi
      .fn<() => Promise<PopupStore | undefined>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
      .mockImplementation(async () => later);
    const { first, feed } = opening('unused', { open });
    feed.announce('kv');
    feed.announce('days');
    expect(open).toHaveBeenCalledTimes(1);
    answer(undefined);
    expect(await first.store).toBe(later);
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('FirstScreen: the first list on screen', () => {
  it('runs a list’s task after its first frame, and tells whoever waits for the first list', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 1) as unknown as number);
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
    try {
      const { first } = opening('unused', { open: async () => undefined });
      let waited = false;
      const waiting = first.whenListPainted(60_000).then(() => (waited = true));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(waited).toBe(false);
      const task = vi.fn();
      first.afterListFrame(task);
      await waiting;
      expect(task).toHaveBeenCalledOnce();
      // A list gone before its frame: its task never runs.
      const cancelled = vi.fn();
      first.afterListFrame(cancelled)();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(cancelled).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops waiting for a first list after the timeout (a view with nothing to list)', async () => {
    const { first } = opening('unused', { open: async () => undefined });
    await expect(first.whenListPainted(5)).resolves.toBeUndefined();
  });
});
