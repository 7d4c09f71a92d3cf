import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { papersDb } from '../lib/db';
import { HfClient } from '../lib/hf/client';
import { lookupPapers } from '../lib/lookup';
import { handleRequest } from '../lib/request-handler';
import { HfSearchService } from '../lib/search/hf-search';
import { readSettings } from '../lib/settings';
import { PERIODIC_ALARM, RETRY_ALARM, SyncScheduler } from '../lib/sync/scheduler';

/** Pause between two HF calls during a sync: about two calls a second at most. */
const POLITE_DELAY_MS = 400;

export default defineBackground(() => {
  const db = papersDb();
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const scheduler = new SyncScheduler({
    db,
    alarms: browser.alarms,
    now: Date.now,
    prepare: async () => {
      const settings = await readSettings();
      return {
        intervalMinutes: settings.syncIntervalMinutes,
        deps: {
          db,
          client: new HfClient(),
          now: Date.now,
          sleep,
          backfillDays: settings.backfillDays,
          politeDelayMs: POLITE_DELAY_MS,
        },
      };
    },
  });

  // A person waits on a search: one retry, and a rate limit is reported rather than waited out.
  const search = new HfSearchService({ db, now: Date.now, client: () => new HfClient({ retries: 1, timeoutMs: 10_000, maxInlineWaitMs: 0 }) });

  browser.runtime.onInstalled.addListener(() => void scheduler.run());
  browser.runtime.onStartup.addListener(() => void scheduler.run());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) void scheduler.run();
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleRequest(message, {
      senderId: sender.id,
      ownId: browser.runtime.id,
      lookup: async (ids, live) => {
        const allowLive = live && (await readSettings()).liveLookups;
        return lookupPapers(db, ids, { live: allowLive, client: allowLive ? new HfClient() : undefined, now: Date.now() });
      },
      syncNow: () => scheduler.run({ force: true }),
      searchHf: (query) => search.search(query),
      keepPaper: (id) => search.keep(id),
    }),
  );

  void scheduler.wake();
});
