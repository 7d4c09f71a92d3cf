/**
 * A click on one of our notifications: a paper opens on its HF page and is marked read; a digest or a
 * group opens the popup's view of its day, in a tab.
 */
import type { PapersDB } from '../../shared/db';
import { hfPaperUrl } from '../../shared/paper';
import { parseNotificationId } from './notification-ids';
import { applyUserAction } from '../../shared/user-state';

export interface ClickDeps {
  db: PapersDB;
  now: number;
  openTab: (url: string) => Promise<unknown>;
  /** The extension URL of the popup showing a day (`…/popup.html#day=YYYY-MM-DD`). */
  popupDayUrl: (date: string) => string;
  clear: (notificationId: string) => Promise<unknown>;
}

/** Returns false for an id that is not ours (left alone). */
export async function handleNotificationClick(notificationId: string, deps: ClickDeps): Promise<boolean> {
  const target = parseNotificationId(notificationId);
  if (!target) return false;
  if (target.kind === 'paper') {
    await markRead(deps.db, target.paperId, deps.now);
    await deps.openTab(hfPaperUrl(target.paperId));
  } else {
    await deps.openTab(deps.popupDayUrl(target.date));
  }
  await deps.clear(notificationId);
  return true;
}

/** Marks one paper read, keeping the first read time and the person's other marks (as the popup does). */
export async function markRead(db: PapersDB, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.userState, async () => {
    const next = applyUserAction(id, await db.userState.get(id), 'markRead', now);
    if (next) await db.userState.put(next);
  });
}
