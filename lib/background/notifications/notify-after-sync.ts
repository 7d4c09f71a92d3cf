/**
 * After each sync run: plan the notifications from what is stored, show them, and remember what was
 * told (userState.notifiedAt, the digest day). Where notifications are denied or unsupported, nothing is
 * shown and nothing is marked, so nothing is lost and nothing throws.
 */
import type { PapersDB } from '../../shared/db';
import { latestListDay, papersOfDay } from '../../shared/daily-lists';
import type { Settings } from '../../shared/settings';
import { newsListDays, newsPapers } from './news-window';
import { planNotifications, type NotificationState, type PlannedNotification } from './plan';
import { NOTIFICATION_STATE_KEY } from '../../shared/storage-keys';


/** The part of `browser.notifications` used here. */
export interface NotifierApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  /** Chromium only: `denied` when the person turned the extension's notifications off. */
  getPermissionLevel?: () => Promise<string>;
}

export interface NotifyDeps {
  db: PapersDB;
  settings: Settings;
  now: number;
  /** Undefined where the browser has no notifications. */
  notifier: NotifierApi | undefined;
  iconUrl: string;
  /** Release watch's notification of this run (./release-watch.ts), shown after the others. */
  release?: PlannedNotification;
}

export async function readNotificationState(db: PapersDB): Promise<NotificationState> {
  return ((await db.kv.get(NOTIFICATION_STATE_KEY))?.value as NotificationState | undefined) ?? {};
}

/** Returns what was shown. */
export async function notifyAfterSync(deps: NotifyDeps): Promise<PlannedNotification[]> {
  const { db, notifier, now } = deps;
  if (!deps.settings.notificationsEnabled || !notifier || !(await mayNotify(notifier))) return [];

  const [state, latestDay, windowDays] = await Promise.all([readNotificationState(db), latestListDay(db), newsListDays(db)]);
  const [latestDayPapers, news] = await Promise.all([
    latestDay ? papersOfDay(db, latestDay.date) : [],
    newsPapers(db, windowDays),
  ]);
  const ownRows = await db.userState.bulkGet(news.map((p) => p.id));
  const userState = new Map(ownRows.flatMap((row) => (row ? [[row.id, row] as const] : [])));

  const plan = planNotifications({ now, settings: deps.settings, state, latestDay, latestDayPapers, newsPapers: news, userState });
  const shown: PlannedNotification[] = [];
  for (const notification of [...plan.notifications, ...(deps.release ? [deps.release] : [])]) {
    try {
      await notifier.create(notification.id, { type: 'basic', iconUrl: deps.iconUrl, title: notification.title, message: notification.message });
      shown.push(notification);
    } catch {
      // A refused notification is not marked: the paper stays unread and counted on the toolbar badge.
    }
  }
  await markNotified(db, shown.flatMap((n) => n.paperIds), now);
  await db.kv.put({ key: NOTIFICATION_STATE_KEY, value: plan.nextState });
  return shown;
}

async function mayNotify(notifier: NotifierApi): Promise<boolean> {
  if (!notifier.getPermissionLevel) return true;
  try {
    return (await notifier.getPermissionLevel()) !== 'denied';
  } catch {
    return true;
  }
}

/** Marks papers as told about; the person's other marks (saved, read) are kept. */
export async function markNotified(db: PapersDB, ids: string[], now: number): Promise<void> {
  if (!ids.length) return;
  await db.transaction('rw', db.userState, async () => {
    const rows = await db.userState.bulkGet(ids);
    await db.userState.bulkPut(ids.map((id, i) => ({ ...rows[i], id, notifiedAt: rows[i]?.notifiedAt ?? now })));
  });
}
