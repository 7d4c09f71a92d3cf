/**
 * The person's own marks on a paper: saved and read. They live in the userState table, which no sync
 * writes, so they survive every sync; a change keeps the other fields of the record (notifiedAt).
 */
import type { UserPaperState } from './db';

export type UserAction = 'save' | 'unsave' | 'markRead' | 'markUnread';

export function isSaved(state: UserPaperState | undefined): boolean {
  return state?.savedAt !== undefined;
}

export function isRead(state: UserPaperState | undefined): boolean {
  return state?.readAt !== undefined;
}

/** The record after an action; undefined when nothing is left to keep (so the row can go). */
export function applyUserAction(
  id: string,
  state: UserPaperState | undefined,
  action: UserAction,
  now: number,
): UserPaperState | undefined {
  const next: UserPaperState = { ...state, id };
  switch (action) {
    case 'save':
      next.savedAt ??= now;
      break;
    case 'unsave':
      delete next.savedAt;
      break;
    case 'markRead':
      next.readAt ??= now;
      break;
    case 'markUnread':
      delete next.readAt;
      break;
  }
  return Object.keys(next).length > 1 ? next : undefined;
}

/** The one write the popup makes: read-modify-write of a userState row in a single transaction. */
export interface UserStateWriter {
  updateUserState(
    id: string,
    update: (state: UserPaperState | undefined) => UserPaperState | undefined,
  ): Promise<UserPaperState | undefined>;
}

export function changeUserState(
  writer: UserStateWriter,
  id: string,
  action: UserAction,
  now: number,
): Promise<UserPaperState | undefined> {
  return writer.updateUserState(id, (state) => applyUserAction(id, state, action, now));
}
