import { describe, expect, it } from 'vitest';
import type { UserPaperState } from '../../../lib/shared/db';
import { applyUserAction, changeUserState, isRead, isSaved, type UserStateWriter } from '../../../lib/shared/user-state';

const ID = '2506.06276';

describe('applyUserAction', () => {
  it('saves with the time, and saving again keeps the first time', () => {
    const saved = applyUserAction(ID, undefined, 'save', 100);
    expect(saved).toEqual({ id: ID, savedAt: 100 });
    expect(applyUserAction(ID, saved, 'save', 200)).toEqual({ id: ID, savedAt: 100 });
    expect(isSaved(saved)).toBe(true);
  });

  it('unsaving keeps the read mark and the notification record', () => {
    const state: UserPaperState = { id: ID, savedAt: 1, readAt: 2, notifiedAt: 3 };
    expect(applyUserAction(ID, state, 'unsave', 9)).toEqual({ id: ID, readAt: 2, notifiedAt: 3 });
  });

  it('marks read and unread', () => {
    const read = applyUserAction(ID, { id: ID, savedAt: 1 }, 'markRead', 5);
    expect(read).toEqual({ id: ID, savedAt: 1, readAt: 5 });
    expect(isRead(read)).toBe(true);
    expect(applyUserAction(ID, read, 'markUnread', 6)).toEqual({ id: ID, savedAt: 1 });
  });

  it('leaves nothing to store when the last mark goes', () => {
    expect(applyUserAction(ID, { id: ID, savedAt: 1 }, 'unsave', 2)).toBeUndefined();
    expect(isSaved(undefined)).toBe(false);
  });

  it('does not change the record it was given', () => {
    const state: UserPaperState = { id: ID, savedAt: 1 };
    applyUserAction(ID, state, 'unsave', 2);
    expect(state).toEqual({ id: ID, savedAt: 1 });
  });
});

describe('changeUserState', () => {
  it('applies the action to what the writer holds', async () => {
    const rows = new Map<string, UserPaperState>([[ID, { id: ID, notifiedAt: 7 }]]);
    const writer: UserStateWriter = {
      updateUserState: async (id, update) => {
        const next = update(rows.get(id));
        if (next) rows.set(id, next);
        else rows.delete(id);
        return next;
      },
    };
    await changeUserState(writer, ID, 'save', 10);
    expect(rows.get(ID)).toEqual({ id: ID, notifiedAt: 7, savedAt: 10 });
  });
});
