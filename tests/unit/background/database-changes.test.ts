import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceDatabaseChanges, tablesChanged } from '../../../lib/background/database-changes';
import { announceDatabaseChanged, isDatabaseChanged } from '../../../lib/shared/messages';
import { PapersDB } from '../../../lib/shared/db';
import { TABLE_NAMES, type TableName } from '../../../lib/shared/db-name';
import { patchSyncState } from '../../../lib/background/sync/state';
import { storeDay } from '../../../lib/background/sync/store';
import { makePaper, useTestDb } from '../support/builders';

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('announceDatabaseChanges', () => {
  const db = useTestDb();

  it('announces the database’s creation, every table (a popup opened before it existed opens it then)', async () => {
    const send = vi.fn<(tables: TableName[]) => Promise<void>>(async () => undefined);
    const stop = announceDatabaseChanges(db().name, { send, delayMs: 5 });
    try {
      await db().open();
      await settle();
      expect(send).toHaveBeenCalledOnce();
      expect(new Set(send.mock.calls[0]![0])).toEqual(new Set(TABLE_NAMES));
    } finally {
      stop();
    }
  });

  it('announces each committed write once, a moment later, with every table written meanwhile', async () => {
    await db().open();
    const send = vi.fn<(tables: TableName[]) => Promise<void>>(async () => undefined);
    // Gathered for long enough that a busy test machine cannot split one step's transactions.
    const stop = announceDatabaseChanges(db().name, { send, delayMs: 200 });
    try {
      await storeDay(db(), { date: '2025-06-09', papers: [makePaper({ dailyDate: '2025-06-09' })], dropped: 0, status: 'open' }, 1);
      await patchSyncState(db(), { running: true, progress: { done: 1, total: 2 } });
      expect(send).not.toHaveBeenCalled();
      await settle(400);
      expect(send).toHaveBeenCalledOnce();
      expect(new Set(send.mock.calls[0]![0])).toEqual(new Set(['papers', 'days', 'kv']));

      await db().userState.put({ id: '2506.00001', savedAt: 3 });
      await settle(400);
      expect(send).toHaveBeenCalledTimes(2);
      expect(send.mock.calls[1]![0]).toEqual(['userState']);
    } finally {
      stop();
    }
  });

  it('says nothing of another database, nor after it stopped', async () => {
    const send = vi.fn<(tables: TableName[]) => Promise<void>>(async () => undefined);
    const other = new PapersDB(`other-${Math.random().toString(36).slice(2)}`);
    await db().open();
    const stop = announceDatabaseChanges(db().name, { send, delayMs: 5 });
    try {
      await other.papers.put(makePaper());
      await settle();
      expect(send).not.toHaveBeenCalled();
      stop();
      await db().papers.put(makePaper());
      await settle();
      expect(send).not.toHaveBeenCalled();
    } finally {
      stop();
      await other.delete();
    }
  });

  it('sends a databaseChanged notice to the extension’s pages by default, and no page open is no failure', async () => {
    await db().open();
    const heard: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message) => void heard.push(message));
    const stop = announceDatabaseChanges(db().name, { delayMs: 1 });
    try {
      await db().kv.put({ key: 'x', value: 1 });
      await settle();
      expect(heard).toEqual([{ type: 'databaseChanged', tables: ['kv'] }]);
      expect(isDatabaseChanged(heard[0])).toBe(true);
    } finally {
      stop();
    }
    // fakeBrowser, like Chromium ("Receiving end does not exist"), fails a message nobody listens to.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await expect(announceDatabaseChanged(['kv'])).resolves.toBeUndefined();
  });
});

describe('tablesChanged', () => {
  it('reads the tables of one database out of the parts Dexie names', () => {
    const parts = {
      'idb://dpl/papers/': {},
      'idb://dpl/papers/dailyDate': {},
      'idb://dpl/kv/': {},
      'idb://dpl-other/days/': {},
      'idb://dpl/unknownTable/': {},
      all: {},
    } as unknown as Parameters<typeof tablesChanged>[0];
    expect(tablesChanged(parts, 'dpl')).toEqual(new Set(['papers', 'kv']));
  });
});
