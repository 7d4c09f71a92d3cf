import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { CardMirrorWriter, clearCardMirrorIfWiped, maintainCardMirror } from '../lib/background/card-mirror';
import { browserDataConsent, liveLookupsAllowed, searchIfAllowed } from '../lib/shared/data-consent';
import { papersDb } from '../lib/shared/db';
import { HfClient } from '../lib/background/hf/client';
import { papersOfRepo } from '../lib/background/repo-papers';
import { lookupPapers } from '../lib/background/lookup';
import { handleNotificationClick } from '../lib/background/notifications/click';
import { formatRoute } from '../lib/shared/popup-route';
import { notifyAfterSync } from '../lib/background/notifications/notify-after-sync';
import { checkReleases, releaseNotification } from '../lib/background/notifications/release-watch';
import { StoredPapers } from '../lib/background/stored-papers';
import { pruneStore } from '../lib/background/prune';
import { keptDays } from '../lib/background/retention';
import { SearchIndexKeeper } from '../lib/background/search-index';
import { announceDatabaseChanges } from '../lib/background/database-changes';
import { handleRequest } from '../lib/background/request-handler';
import { HfSearchService } from '../lib/background/hf-search';
import { cachedPaperLinks, keepPaperLinks, paperComments, paperLinks, type PaperDetailsDeps } from '../lib/background/paper-details';
import { readSettings, writeSettings } from '../lib/shared/settings';
import { afterFirstAnswer, COUNT_CHECK_DELAY_MS } from '../lib/background/start-up-chores';
import { PaperCount } from '../lib/background/paper-count';
import { PERIODIC_ALARM, RETRY_ALARM, SyncScheduler } from '../lib/background/sync/scheduler';
import { keepToolbarBadge } from '../lib/background/toolbar-badge';
import { backUpUserState, restoreUserStateIfWiped, userStateBackupScheduler } from '../lib/background/user-state-backup';
import { originFiles } from '../lib/shared/origin-files';
import { HF_CALL_LIMITS_KEY, SETTINGS_KEY } from '../lib/shared/storage-keys';
import { HfCallLimits, storageAreaStore } from '../lib/background/hf/call-limits';
import { benchTimings, timedAsync } from '../lib/background/timings';
import { NewestBadgesCopy } from '../lib/background/newest-copy';
import { isDatabaseChanged } from '../lib/shared/messages';
import { reconcileSiteScripts, serialised, sitesOfOrigins, type SiteScriptsApi } from '../lib/background/site-scripts';

/** Pause between two HF calls during a sync: about two calls a second at most. */
const POLITE_DELAY_MS = 400;

export default defineBackground(() => {
  const db = papersDb();
  // Opened at once: the question that started this worker (most often a page's) reads it first thing.
  void db.open().catch(() => undefined);
  // Pages ask about up to 2000 ids at once: answered through the badge index of the retention window.
  // The checks that count the papers after a wake share one count (lib/background/paper-count.ts).
  const paperCount = new PaperCount(db, { timings: benchTimings });
  const countPapers = () => paperCount.count();
  // The newest papers' badges, copied for the badges-only sites' first answer (lib/background/newest-copy.ts).
  const newestCopy = new NewestBadgesCopy(browser.storage.local);
  const stored = new StoredPapers(db, {
    keptDays: async () => keptDays(await readSettings()),
    timings: benchTimings,
    countPapers,
    onIndex: (index) => void newestCopy.follow(index),
  });
  // Retention: one run at a time, after each sync and each change of settings, never in a page's way.
  const prune = serialised(async () => {
    const settings = await readSettings();
    await pruneStore(db, { now: Date.now(), keepDays: keptDays(settings), syncDays: settings.backfillDays });
  });
  // The popup's search index, kept up to date here as papers are written (built once after the upgrade).
  const searchIndex = new SearchIndexKeeper(db).start();
  // An open popup follows every committed write (the sync's steps, marks, kept papers) from these notices.
  announceDatabaseChanges(db.name);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // One gate for HF's "wait until" and one budget for page-caused calls, whoever calls (README, "The HF edge").
  const session = browser.storage.session as typeof browser.storage.session | undefined;
  const hfLimits = new HfCallLimits(storageAreaStore(session, HF_CALL_LIMITS_KEY));
  // A call a page caused: one retry, no waiting out a 429, the page budget spent per request.
  const pageCallClient = () => new HfClient({ retries: 1, timeoutMs: 10_000, maxInlineWaitMs: 0, guard: hfLimits.forPages });
  // Absent where the browser has no notifications: then nothing is shown and nothing breaks.
  const notifications = browser.notifications as typeof browser.notifications | undefined;
  // Firefox: what the person allowed to be sent (data_collection_permissions); elsewhere, always.
  const consent = browserDataConsent();
  // Firefox's Manifest V2 build has the toolbar button as `browserAction` (the same calls).
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const badge = keepToolbarBadge({ db, action, readSettings });
  // The person's marks, copied outside IndexedDB (a file content scripts cannot open) after each change,
  // and put back if the browser deleted the database.
  const marksCopy = { files: originFiles(), local: browser.storage.local };
  const backup = userStateBackupScheduler(() => timedAsync(benchTimings, 'backup', () => backUpUserState(db, marksCopy, Date.now())));
  const restoreMarks = () => restoreUserStateIfWiped(db, marksCopy, Date.now()).catch(() => 0);
  const scheduler = new SyncScheduler({
    db,
    alarms: browser.alarms,
    now: Date.now,
    prepare: async () => {
      await restoreMarks();
      // A database the browser deleted must not leave cards of the papers it lost.
      await clearCardMirrorIfWiped(db, browser.storage.local).catch(() => false);
      const settings = await readSettings();
      return {
        intervalMinutes: settings.syncIntervalMinutes,
        deps: {
          db,
          client: new HfClient({ timings: benchTimings, guard: hfLimits.gate }),
          now: Date.now,
          sleep,
          backfillDays: settings.backfillDays,
          politeDelayMs: POLITE_DELAY_MS,
          cardMirror: new CardMirrorWriter(browser.storage.local, { now: Date.now, backfillDays: settings.backfillDays }),
          // A sink only where the benchmark installed one in this worker; otherwise nothing is timed.
          timings: benchTimings,
        },
      };
    },
    afterRun: async (_outcome, { force }) => {
      backup.schedule();
      const iconUrl = browser.runtime.getURL('/icon/128.png');
      const settings = await readSettings();
      // Saved and watched papers' code, weights and demos: a call or none, under the live-lookup rule.
      const releases = await checkReleases({
        db,
        settings,
        now: Date.now(),
        force,
        allowed: await liveLookupsAllowed(settings.liveLookups, consent),
        client: () => new HfClient({ retries: 1, timeoutMs: 10_000, maxInlineWaitMs: 0, guard: hfLimits.gate }),
      }).catch(() => []);
      await notifyAfterSync({ db, settings, now: Date.now(), notifier: notifications, iconUrl, release: releaseNotification(releases) });
      await badge.refresh();
      // The papers that left the window leave the card copy (or the copy is written whole when needed).
      await maintainCardMirror(db, browser.storage.local, { now: Date.now(), backfillDays: settings.backfillDays }).catch(() => undefined);
      // Not awaited: the run is over for the popup; pruning goes on in small steps behind it.
      void prune().catch(() => undefined);
    },
  });

  // A person waits on a search: one retry, and a rate limit is reported rather than waited out.
  const search = new HfSearchService({
    db,
    now: Date.now,
    client: (use) =>
      use === 'keep' ? pageCallClient() : new HfClient({ retries: 1, timeoutMs: 10_000, maxInlineWaitMs: 0, guard: hfLimits.gate }),
    // Keeping a saved result HF must be asked for sends its id, as a live lookup does: the same switch and consent.
    mayAskForPaper: async () => liveLookupsAllowed((await readSettings()).liveLookups, consent),
  });

  // A card's linked repositories and discussion: the same rule as the page's live lookup, arXiv on.
  const details: PaperDetailsDeps = {
    db,
    now: Date.now,
    allowed: async () => {
      const settings = await readSettings();
      return settings.sites.arxiv && (await liveLookupsAllowed(settings.liveLookups, consent));
    },
    // Calls a page causes: the same limits as live lookups.
    client: pageCallClient,
  };

  // The sites turned on later (Hacker News…): their scripts registered exactly while on and granted.
  const syncSiteScripts = serialised(() =>
    reconcileSiteScripts({
      scripting: browser.scripting as unknown as SiteScriptsApi,
      granted: (origins) => browser.permissions.contains({ origins }),
      readSettings,
      // Firefox registers them for the session only: this runs again at each start.
      persist: !import.meta.env.FIREFOX,
    }),
  );
  browser.permissions.onAdded.addListener(() => void syncSiteScripts());
  // Revoked from the browser's own settings: the site is off (its open tabs' badges go with the switch).
  browser.permissions.onRemoved.addListener((removed) => {
    const off = sitesOfOrigins(removed.origins ?? []);
    void (async () => {
      const settings = await readSettings();
      if (off.some((site) => settings.sites[site])) {
        await writeSettings({ sites: { ...settings.sites, ...Object.fromEntries(off.map((site) => [site, false])) } });
      }
      await syncSiteScripts();
    })().catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => {
    void scheduler.run();
    void syncSiteScripts();
  });
  browser.runtime.onStartup.addListener(() => {
    void scheduler.run();
    void syncSiteScripts();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) void scheduler.run();
  });
  // Settings live in the synced area; its own event spares the worker the card copy's storage.local writes.
  browser.storage.sync.onChanged.addListener((changes) => {
    if (!(SETTINGS_KEY in changes)) return;
    // The window the index holds may have changed with the retention setting.
    stored.settingsChanged();
    void prune().catch(() => undefined);
    void syncSiteScripts();
    void badge.settingsChanged();
    void scheduler.wake();
  });
  notifications?.onClicked.addListener((id) => {
    void handleNotificationClick(id, {
      db,
      now: Date.now(),
      openTab: (url) => browser.tabs.create({ url }),
      popupDayUrl: (date) => `${browser.runtime.getURL('/popup.html')}${formatRoute({ kind: 'day', date })}`,
      clear: (notificationId) => notifications.clear(notificationId),
    })
      .then(() => {
        backup.schedule();
        return badge.refresh();
      })
      .catch(() => undefined);
  });

  // The badge's live count and the sync alarm check wait for the answer to the question that woke the worker.
  const startUp = afterFirstAnswer(() => {
    void badge.start();
    void scheduler.wake();
    setTimeout(() => void searchIndex.ensure(countPapers).catch(() => undefined), COUNT_CHECK_DELAY_MS);
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // A notice between pages (the options page's changes), not a request: nothing to answer. An import
    // may have added papers this worker did not see written: the search index catches up.
    if (isDatabaseChanged(message)) {
      void searchIndex.ensure().catch(() => undefined);
      return undefined;
    }
    const answer = handleRequest(message, {
      sender: { id: sender.id, url: sender.url, origin: (sender as { origin?: string }).origin },
      ownId: browser.runtime.id,
      ownOrigin: browser.runtime.getURL(''),
      lookup: async (ids, live, settings) => {
        const allowLive = live && (await liveLookupsAllowed((settings ?? (await readSettings())).liveLookups, consent));
        const now = Date.now();
        return lookupPapers(db, ids, {
          live: allowLive,
          client: allowLive ? pageCallClient() : undefined,
          now,
          stored,
          keepLinks: (id, links) => keepPaperLinks(db, id, links, now),
        });
      },
      badgeIndex: () => stored.badgeIndex(),
      titleIndex: () => stored.titleIndex(),
      papersForRepo: async (repoKey) => stored.listedOf(await papersOfRepo(db, repoKey)),
      cachedLinks: (ids) => cachedPaperLinks(db, ids),
      syncNow: () => scheduler.run({ force: true }),
      // Asked after the person's marks changed (userStateChanged): the copy of the marks follows.
      refreshBadge: () => {
        backup.schedule();
        return badge.refresh();
      },
      readSettings,
      searchHf: (query) => searchIfAllowed(consent, () => search.search(query)),
      keepPaper: async (id) => {
        const kept = await search.keep(id);
        backup.schedule();
        return kept;
      },
      paperLinks: (id) => paperLinks(details, id),
      paperComments: (id) => paperComments(details, id),
      turnSiteOn: async (site) => {
        const settings = await readSettings();
        if (!settings.sites[site]) await writeSettings({ sites: { ...settings.sites, [site]: true } });
        // Registered now (not only on the settings' change event), so the popup can reload the tab at once.
        await syncSiteScripts();
        return true;
      },
    });
    answer.then(startUp.answered, startUp.answered);
    return answer;
  });
});
