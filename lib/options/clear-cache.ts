/**
 * "Clear the cache" on the options page: the synced lists go, the person's own things stay — saved
 * papers (with their paper rows and upvote history) and every mark (saved, read, told) — unless the
 * person asks to delete those too. The copy of the cards (./card-mirror.ts) goes whole. The next sync
 * fetches the lists again and writes the copy anew.
 */
import { clearCardMirror, type MirrorStorage } from '../background/card-mirror';
import type { PapersDB } from '../shared/db';
import { NOTIFICATION_STATE_KEY } from '../background/notifications/notify-after-sync';
import { TRENDING_KEY } from '../background/sync/store';
import { SYNC_STATE_KEY } from '../background/sync/state';

export interface ClearResult {
  papersRemoved: number;
  savedKept: number;
}

export async function clearCache(db: PapersDB, options: { keepSaved: boolean; cardMirror?: MirrorStorage }): Promise<ClearResult> {
  const result = await db.transaction('rw', [db.papers, db.days, db.upvoteHistory, db.userState, db.misses, db.kv], async () => {
    const before = await db.papers.count();
    const saved = options.keepSaved ? ((await db.userState.orderBy('savedAt').primaryKeys()) as string[]) : [];
    await db.papers.where('id').noneOf(saved).delete();
    await db.upvoteHistory.where('id').noneOf(saved).delete();
    await Promise.all([db.days.clear(), db.misses.clear()]);
    await db.kv.bulkDelete([SYNC_STATE_KEY, TRENDING_KEY]);
    if (!options.keepSaved) {
      await db.userState.clear();
      // With every "told" mark gone, the refill must count as an install: at most one notification.
      await db.kv.delete(NOTIFICATION_STATE_KEY);
    }
    const after = await db.papers.count();
    return { papersRemoved: before - after, savedKept: after };
  });
  // After the database: a page opened in between asks the background, which answers from the database.
  if (options.cardMirror) await clearCardMirror(options.cardMirror);
  return result;
}
