/**
 * One "session" of the popup: openings less than half an hour apart (opening a link closes the popup;
 * coming back should find it as it was). Papers the extension first saw after the previous session are
 * marked new.
 */

export const SESSION_GAP_MS = 30 * 60_000;
/** The kv row. */

export interface PopupOpened {
  lastOpenedAt: number;
  /** Papers first seen after this are "new" in this session; absent on the very first opening. */
  since?: number;
}

export function isSameSession(lastOpenedAt: number | undefined, now: number): boolean {
  return lastOpenedAt !== undefined && now - lastOpenedAt >= 0 && now - lastOpenedAt < SESSION_GAP_MS;
}

/** The record to store at an opening, given the stored one (read defensively). */
export function nextPopupOpened(stored: unknown, now: number): PopupOpened {
  const previous = readOpened(stored);
  if (!previous) return { lastOpenedAt: now };
  if (isSameSession(previous.lastOpenedAt, now)) {
    return previous.since === undefined ? { lastOpenedAt: now } : { lastOpenedAt: now, since: previous.since };
  }
  return { lastOpenedAt: now, since: previous.lastOpenedAt };
}

/** A paper is new when the extension first saw it after the session's reference time. */
export function isNewSince(firstSeen: number | undefined, since: number | undefined): boolean {
  return since !== undefined && firstSeen !== undefined && firstSeen > since;
}

function readOpened(stored: unknown): PopupOpened | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { lastOpenedAt, since } = stored as Record<string, unknown>;
  if (typeof lastOpenedAt !== 'number' || !Number.isFinite(lastOpenedAt)) return undefined;
  return typeof since === 'number' && Number.isFinite(since) ? { lastOpenedAt, since } : { lastOpenedAt };
}
