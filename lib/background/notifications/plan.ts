/**
 * Which notifications a sync deserves, decided from what is stored (pure; ./notify-after-sync.ts does
 * the reading and writing). The rules:
 * - a watch match notifies once per paper, ever (userState.notifiedAt), and not once it is read;
 * - several matches at once are one grouped notification;
 * - a new list day gives one digest, once it holds a few papers (or is over);
 * - the first run that finds a list (the install's back-fill) gives at most one notification.
 */
import type { DayRecord, UserPaperState } from '../../shared/db';
import type { Paper } from '../../shared/paper';
import type { Settings } from '../../shared/settings';
import { dayNotificationId, paperNotificationId, type NotificationTarget } from './notification-ids';
import { watchMatches, type WatchMatch } from './watch-rules';
import { dayLabel } from '../../shared/day-label';

/** Kept in the database's kv table. */
export interface NotificationState {
  /** Set by the first run that found a list: before it, a run is the install's. */
  initializedAt?: number;
  /** The newest list day a digest was given for (or deliberately skipped). */
  lastDigestDay?: string;
}

export interface PlannedNotification {
  id: string;
  title: string;
  message: string;
  target: NotificationTarget;
  /** Papers this notification tells about (marked notified once it is shown). */
  paperIds: string[];
}

export interface PlanInput {
  now: number;
  settings: Settings;
  state: NotificationState;
  /** The newest list day and its papers, most upvoted first. */
  latestDay?: DayRecord;
  latestDayPapers: Paper[];
  /** Papers of the news window (./news-window.ts). */
  newsPapers: Paper[];
  userState: Map<string, UserPaperState>;
}

export interface NotificationPlan {
  notifications: PlannedNotification[];
  nextState: NotificationState;
}

/** Before this many papers, a new day's list is too young for a digest (unless the day is over). */
export const DIGEST_MIN_PAPERS = 5;
/** Titles named in a digest or a group. */
export const TITLES_PER_NOTIFICATION = 3;
const TITLE_MAX = 110;

export function planNotifications(input: PlanInput): NotificationPlan {
  const { settings, state, latestDay, now } = input;
  if (!settings.notificationsEnabled || !latestDay) return { notifications: [], nextState: state };

  const nextState: NotificationState = { ...state, initializedAt: state.initializedAt ?? now };
  const watch = planWatchNotification(input);
  const digestDue = (state.lastDigestDay ?? '') < latestDay.date && (latestDay.count >= DIGEST_MIN_PAPERS || latestDay.status === 'complete');
  let digest: PlannedNotification | undefined;
  if (digestDue) {
    nextState.lastDigestDay = latestDay.date;
    if (settings.dailyDigest) digest = digestNotification(latestDay, input.latestDayPapers);
  }

  const firstRun = state.initializedAt === undefined;
  const notifications = firstRun ? [watch ?? digest].filter(isDefined) : [digest, watch].filter(isDefined);
  return { notifications, nextState };
}

function planWatchNotification({ settings, newsPapers, userState, now }: PlanInput): PlannedNotification | undefined {
  const fresh = watchMatches(newsPapers, settings).filter(({ paper }) => {
    const own = userState.get(paper.id);
    return own?.notifiedAt === undefined && own?.readAt === undefined;
  });
  if (!fresh.length) return undefined;
  fresh.sort((a, b) => b.paper.upvotes - a.paper.upvotes || a.paper.id.localeCompare(b.paper.id));
  if (fresh.length === 1) {
    const { paper, matches } = fresh[0]!;
    return {
      id: paperNotificationId(paper.id),
      title: clip(paper.title),
      message: `Matches ${describeMatches(matches)} · ▲ ${paper.upvotes}`,
      target: { kind: 'paper', paperId: paper.id },
      paperIds: [paper.id],
    };
  }
  const papers = fresh.map((m) => m.paper);
  const date = papers.map((p) => p.dailyDate ?? '').sort().at(-1)!;
  return {
    id: dayNotificationId(date, `watch-${now}`),
    title: `${papers.length} new papers match your watch list`,
    message: titleLines(papers, papers.length),
    target: { kind: 'day', date },
    paperIds: papers.map((p) => p.id),
  };
}

function digestNotification(day: DayRecord, ranked: Paper[]): PlannedNotification {
  return {
    id: dayNotificationId(day.date, 'digest'),
    title: `Daily Papers, ${dayLabel(day.date)}: ${day.count} papers`,
    message: titleLines(ranked, day.count),
    target: { kind: 'day', date: day.date },
    paperIds: [],
  };
}

/** `keyword “diffusion”, author “Jiatao Gu”` */
export function describeMatches(matches: WatchMatch[]): string {
  return matches.map((m) => `${m.kind} “${m.term}”`).join(', ');
}

function titleLines(papers: Paper[], total: number): string {
  const shown = papers.slice(0, TITLES_PER_NOTIFICATION).map((p) => `▲ ${p.upvotes} · ${clip(p.title)}`);
  const more = total - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_MAX ? `${flat.slice(0, TITLE_MAX - 1).trimEnd()}…` : flat;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
