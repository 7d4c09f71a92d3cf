/**
 * The toolbar badge: how many papers wait for the person — the unread among the newest list's top
 * papers, plus unread watch matches of the news window. Reading one (popup, notification click) clears it.
 */
import { liveQuery } from 'dexie';
import type { PapersDB } from '../shared/db';
import { latestListDay, papersOfDay } from '../shared/daily-lists';
import { newsListDays, newsPapers } from './notifications/news-window';
import { watchMatches } from './notifications/watch-rules';
import type { Settings } from '../shared/settings';

/** "Today's top": the first papers of the newest list, most upvoted first. */
export const TOP_PAPERS_FOR_BADGE = 10;
export const BADGE_COLOR = '#d97706';

export async function unreadBadgePaperIds(db: PapersDB, settings: Settings): Promise<string[]> {
  const [latest, windowDays] = await Promise.all([latestListDay(db), newsListDays(db)]);
  const [ranked, news] = await Promise.all([latest ? papersOfDay(db, latest.date) : [], newsPapers(db, windowDays)]);
  const ids = new Set(ranked.slice(0, TOP_PAPERS_FOR_BADGE).map((p) => p.id));
  for (const { paper } of watchMatches(news, settings)) ids.add(paper.id);
  const own = await db.userState.bulkGet([...ids]);
  return [...ids].filter((_, i) => own[i]?.readAt === undefined);
}

/** Empty at 0 (no badge); at most three characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The part of `browser.action` used here. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

export async function showBadgeCount(action: BadgeApi, count: number): Promise<void> {
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setBadgeText({ text: badgeText(count) });
}

/**
 * Keeps the badge current while this context lives: a Dexie live query re-counts on every write to
 * the tables it read, from any extension context (Dexie relays writes between contexts), and
 * `settingsChanged` restarts it with new watch lists. A stopped MV3 worker hears nothing, so the
 * background also starts this on every wake.
 */
export function keepToolbarBadge(deps: { db: PapersDB; action: BadgeApi; readSettings: () => Promise<Settings> }) {
  let subscription: { unsubscribe(): void } | undefined;
  const start = async () => {
    const settings = await deps.readSettings();
    subscription?.unsubscribe();
    subscription = liveQuery(() => unreadBadgePaperIds(deps.db, settings)).subscribe({
      next: (ids) => void showBadgeCount(deps.action, ids.length).catch(() => undefined),
      error: () => undefined,
    });
  };
  return {
    start,
    settingsChanged: start,
    stop: () => subscription?.unsubscribe(),
    /** Counts now (the live query may be a beat behind) and shows it. */
    refresh: async (): Promise<number> => {
      const ids = await unreadBadgePaperIds(deps.db, await deps.readSettings());
      await showBadgeCount(deps.action, ids.length);
      return ids.length;
    },
  };
}
