import { describe, expect, it, vi } from 'vitest';
import { EARLY_READ_MAX_AGE_MS, FirstScreen, type FirstScreenDeps } from '../../../lib/popup/first-screen';
import { PopupStore } from '../../../lib/popup/popup-store';
import type { PopupUiState } from '../../../lib/popup/popup-view';
import type { TableName } from '../../../lib/shared/db-name';
import { patchSyncState } from '../../../lib/background/sync/state';
import { PapersDB } from '../../../lib/shared/db';
import { makePaper, useTestDb } from '../support/builders';
import type { FirstScreenAnswers, KeptFirstScreen } from '../../../lib/popup/kept-first-screen';

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

describe('FirstScreen: a kept screen (the last opening’s answers for this day)', () => {
  const db = useTestDb();

  async function seed() {
    await db().days.put({ date: '2025-06-07', fetchedAt: 1, count: 1, dropped: 0, status: 'complete' });
    await db().papers.put(makePaper({ id: '2506.00001', dailyDate: '2025-06-07', upvotes: 3 }));
    await patchSyncState(db(), { running: false, lastSuccessAt: 5 });
  }

  /** What the last opening read, for `day` (papers without abstracts, as kept). */
  async function keptFrom(day: string, change: (answers: FirstScreenAnswers) => void = () => undefined): Promise<KeptFirstScreen> {
    const store = (await PopupStore.open(db().name))!;
    const list = await store.dayList(day);
    const answers = { list: { ...list, papers: list.papers.map(({ summary: _s, ...rest }) => rest as typeof rest & { summary: string }) }, userStates: await store.userStates(), syncState: await store.syncState() };
    store.close();
    change(answers);
    return { day, savedAt: NOW - 60_000, ...answers };
  }

  const marks = () => performance.getEntriesByType('mark').map((mark) => mark.name).filter((name) => name.startsWith('dpl:kept screen'));

  it('draws it at once, before the database opens; the views then take the database’s answers, and they are kept for the next opening', async () => {
    await seed();
    const kept = await keptFrom('2025-06-07');
    performance.clearMarks();
    let opened!: (store: PopupStore | undefined) => void;
    const keep = vi.fn();
    const { first } = opening(db().name, {
      open: () => new Promise((resolve) => (opened = resolve)),
      kept: (day) => (day === '2025-06-07' ? kept : undefined),
      keep,
    });
    // Drawn with nothing open yet: the kept answers.
    expect(await first.ready).toBeUndefined();
    const list = first.earlyDayList('2025-06-07');
    expect(list.peek()).toBe(kept.list);
    expect(first.earlySyncState().peek()).toBe(kept.syncState);

    opened(await PopupStore.open(db().name));
    const store = await first.store;
    await vi.waitFor(() => expect(marks()).toEqual(['dpl:kept screen confirmed']));
    // Once arrived, a render peeks at the database's answer, and the view's first read takes it.
    const fresh = list.peek();
    expect(fresh).toMatchObject({ listDay: '2025-06-07', papers: [{ id: '2506.00001', upvotes: 3, summary: expect.any(String) }] });
    expect(await list.take()).toBe(fresh);
    // Kept once the first list is on screen (here, with no list drawn, after the wait for one).
    expect(keep).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(keep).toHaveBeenCalledOnce(), { timeout: 3_000 });
    expect(keep.mock.calls[0]![0]).toBe('2025-06-07');
    expect((keep.mock.calls[0]![1] as FirstScreenAnswers).list).toBe(fresh);
    store.close();
  });

  it('hands the store to the views after the kept screen’s first frame (their re-render would hold it)', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 1) as unknown as number);
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
    try {
      await seed();
      const kept = await keptFrom('2025-06-07');
      const { first } = opening(db().name, { kept: () => kept, keep: () => undefined });
      expect(first.drawsKept).toBe(true);
      let handed = false;
      void first.storeForViews.then(() => (handed = true));
      const store = await first.store;
      await Promise.resolve();
      expect(handed).toBe(false);
      first.afterListFrame(() => undefined);
      expect(await first.storeForViews).toBe(store);
      store.close();

      // Without a kept screen, at once.
      const plain = opening(db().name).first;
      expect(plain.drawsKept).toBe(false);
      expect(plain.storeForViews).toBe(plain.store);
      (await plain.store).close();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says the kept screen was replaced when the database shows something else (a sync since)', async () => {
    await seed();
    const kept = await keptFrom('2025-06-07', (answers) => (answers.list.papers[0]!.upvotes = 1));
    performance.clearMarks();
    const { first } = opening(db().name, { kept: () => kept, keep: () => undefined });
    expect(await first.ready).toBeUndefined();
    expect(first.earlyDayList('2025-06-07').peek()?.papers[0]?.upvotes).toBe(1);
    const store = await first.store;
    expect((await first.earlyDayList('2025-06-07').take())?.papers[0]?.upvotes).toBe(3);
    await vi.waitFor(() => expect(marks()).toEqual(['dpl:kept screen replaced']));
    store.close();
  });

  it('is not asked for when the popup opens on a search or another view; a change announced first drops it', async () => {
    await seed();
    const kept = await keptFrom('2025-06-07');
    const asked = vi.fn(() => kept);
    const searching = new FirstScreen({ open: () => PopupStore.open(db().name), listen: changeFeed().listen, ui: { ...onDay('2025-06-07'), query: 'flow' }, now: () => NOW, kept: asked });
    expect(asked).not.toHaveBeenCalled();
    (await searching.ready)?.close();

    const { first, feed } = opening(db().name, { kept: () => kept });
    expect(await first.ready).toBeUndefined();
    feed.announce('papers');
    // Dropped: the view reads the database itself (its first render may have drawn the kept list already).
    expect(first.earlyDayList('2025-06-07').peek()).toBeUndefined();
    expect(first.earlyDayList('2025-06-07').take()).toBeUndefined();
    (await first.store).close();
  });
});
