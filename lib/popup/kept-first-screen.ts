/**
 * The first screen as the last opening read it from the database, kept in the page's localStorage
 * (synchronous, and already read for the view: ./popup-view.ts), so the next opening draws its list in
 * the first frame instead of after IndexedDB has opened and answered (the popup's largest step: README,
 * "The popup"). The database's answers follow within a few frames and replace it
 * (./first-screen.ts); `sameFirstScreen` tells whether what was drawn was already right.
 *
 * Kept: the day's list (its papers without their abstracts, which the list does not show), the marks
 * of the listed papers, and the sync state. Public lists and the person's own marks, in the extension's
 * own storage, as in its database; removed with the cache (lib/shared/storage-keys.ts).
 */
import type { UserPaperState } from '../shared/db';
import type { Paper } from '../shared/paper';
import { FIRST_SCREEN_KEY } from '../shared/storage-keys';
import type { SyncState } from '../shared/sync-state';
import type { DayList } from './popup-store';

/** What the first screen of a day view shows, as its three reads answer it. */
export interface FirstScreenAnswers {
  list: DayList;
  userStates: Map<string, UserPaperState>;
  syncState: SyncState;
}

export interface KeptFirstScreen extends FirstScreenAnswers {
  /** The day the popup opened on (`firstListedDay`): a kept screen serves that day only. */
  day: string;
  savedAt: number;
}

const VERSION = 1;
/** A kept screen older than this is not drawn (a popup not opened for a week has little right to show). */
export const KEPT_FIRST_SCREEN_MAX_AGE_MS = 7 * 86_400_000;
/** Above this size nothing is kept (the list of a day is ~50 KB without abstracts). */
const MAX_KEPT_CHARS = 400_000;

interface Stored {
  v: number;
  day: string;
  savedAt: number;
  list: Omit<DayList, 'papers'> & { papers: Paper[] };
  marks: UserPaperState[];
  syncState: SyncState;
}

/** The papers as the list draws them: without their abstracts. */
function withoutAbstracts(papers: readonly Paper[]): Paper[] {
  return papers.map(({ summary: _abstract, ...rest }) => rest as Paper);
}

function toStored(day: string, answers: FirstScreenAnswers, now: number): Stored {
  const papers = withoutAbstracts(answers.list.papers);
  const marks = papers.map((paper) => answers.userStates.get(paper.id)).filter((state): state is UserPaperState => state !== undefined);
  return { v: VERSION, day, savedAt: now, list: { ...answers.list, papers }, marks, syncState: answers.syncState };
}

/** What a first frame shows of these answers, as one string: equal strings, the same screen. */
function shown(answers: FirstScreenAnswers): string {
  const { v: _v, savedAt: _at, day: _day, ...rest } = toStored('', answers, 0);
  return JSON.stringify(rest);
}

/** Whether the database's answers show what the kept screen showed (its list, their marks, the sync state). */
export function sameFirstScreen(kept: FirstScreenAnswers, fresh: FirstScreenAnswers): boolean {
  return shown(kept) === shown(fresh);
}

/** Keeps the first screen the database answered, for the next opening. Never throws (storage full, or none). */
export function keepFirstScreen(pageStorage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, day: string, answers: FirstScreenAnswers, now: number): void {
  try {
    const text = JSON.stringify(toStored(day, answers, now));
    if (text.length > MAX_KEPT_CHARS) pageStorage?.removeItem(FIRST_SCREEN_KEY);
    else pageStorage?.setItem(FIRST_SCREEN_KEY, text);
  } catch {
    // A full or missing storage: the next opening waits for the database, as without a kept screen.
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const optionalDay = (value: unknown) => value === undefined || isDay(value);

function isPaperShape(value: unknown): value is Paper {
  if (!isObject(value)) return false;
  const { id, title, authors, upvotes } = value;
  return typeof id === 'string' && typeof title === 'string' && Array.isArray(authors) && authors.every((a) => typeof a === 'string') && typeof upvotes === 'number';
}

/**
 * The kept screen for `day`, or undefined: none, another day's, too old, or not in the shape this
 * version keeps (a damaged or older entry is ignored, never an error).
 */
export function readKeptFirstScreen(pageStorage: Pick<Storage, 'getItem'> | undefined, day: string, now: number): KeptFirstScreen | undefined {
  try {
    const stored = JSON.parse(pageStorage?.getItem(FIRST_SCREEN_KEY) ?? 'null') as unknown;
    if (!isObject(stored) || stored.v !== VERSION || stored.day !== day) return undefined;
    const { savedAt, list, marks, syncState } = stored as Partial<Stored>;
    if (typeof savedAt !== 'number' || savedAt > now || now - savedAt > KEPT_FIRST_SCREEN_MAX_AGE_MS) return undefined;
    if (!isObject(list) || !optionalDay(list.listDay) || !optionalDay(list.previous) || !optionalDay(list.next) || !optionalDay(list.oldest)) return undefined;
    if (!Array.isArray(list.papers) || !list.papers.every(isPaperShape)) return undefined;
    if (!Array.isArray(marks) || !marks.every((mark) => isObject(mark) && typeof mark.id === 'string')) return undefined;
    if (!isObject(syncState) || typeof syncState.running !== 'boolean') return undefined;
    return {
      day,
      savedAt,
      list: list as DayList,
      userStates: new Map(marks.map((mark) => [mark.id, mark])),
      syncState: syncState as SyncState,
    };
  } catch {
    return undefined;
  }
}
