import { describe, expect, it } from 'vitest';
import type { DayRecord, UserPaperState } from '../../../../lib/shared/db';
import type { Paper } from '../../../../lib/shared/paper';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/shared/settings';
import { DIGEST_MIN_PAPERS, planNotifications, type PlanInput } from '../../../../lib/background/notifications/plan';
import { makePaper } from '../../support/builders';

const NOW = Date.parse('2025-06-10T09:00:00Z');
const TODAY = '2025-06-10';

function day(date: string, count: number, status: DayRecord['status'] = 'open'): DayRecord {
  return { date, count, status, fetchedAt: NOW, dropped: 0 };
}

function papers(date: string, titles: string[]): Paper[] {
  return titles.map((title, i) => makePaper({ id: `2506.${String(1000 + i + (date === TODAY ? 0 : 500)).padStart(5, '0')}`, title, dailyDate: date, upvotes: 100 - i, summary: 'An abstract.', aiKeywords: [] }));
}

const todays = papers(TODAY, ['Quokka Flows', 'Graph Nets', 'Protein Folding', 'Tiny Agents', 'Sparse Attention', 'Vision Tokens']);
const yesterdays = papers('2025-06-09', ['Quokka Returns', 'Speech Models']);

type InputOverrides = Omit<Partial<PlanInput>, 'settings'> & { keywords?: string[]; settings?: Partial<Settings> };

function input(overrides: InputOverrides = {}): PlanInput {
  const { keywords = [], settings, ...rest } = overrides;
  return {
    now: NOW,
    settings: { ...DEFAULT_SETTINGS, watch: { keywords, authors: [], organizations: [] }, ...settings },
    state: { initializedAt: NOW - 86_400_000, lastDigestDay: TODAY },
    latestDay: day(TODAY, todays.length),
    latestDayPapers: todays,
    newsPapers: [...todays, ...yesterdays],
    userState: new Map(),
    ...rest,
  };
}

describe('watch matches', () => {
  it('one match gives one notification naming the paper, by its id', () => {
    const plan = planNotifications(input({ keywords: ['protein'] }));
    expect(plan.notifications).toEqual([
      {
        id: `paper:${todays[2]!.id}`,
        title: 'Protein Folding',
        message: 'Matches keyword “protein” · ▲ 98',
        target: { kind: 'paper', paperId: todays[2]!.id },
        paperIds: [todays[2]!.id],
      },
    ]);
  });

  it('several matches at once are grouped into one, most upvoted first, opening the newest day', () => {
    const plan = planNotifications(input({ keywords: ['quokka'] }));
    expect(plan.notifications).toHaveLength(1);
    const [group] = plan.notifications;
    expect(group!.title).toBe('2 new papers match your watch list');
    expect(group!.message).toBe('▲ 100 · Quokka Flows\n▲ 100 · Quokka Returns');
    expect(group!.target).toEqual({ kind: 'day', date: TODAY });
    expect(group!.id).toBe(`day:${TODAY}:watch-${NOW}`);
    expect(group!.paperIds.sort()).toEqual([todays[0]!.id, yesterdays[0]!.id].sort());
  });

  it('names three titles at most and counts the rest', () => {
    const plan = planNotifications(input({ keywords: ['quokka', 'graph', 'protein', 'tiny', 'sparse'] }));
    expect(plan.notifications[0]!.message.split('\n')).toEqual([
      '▲ 100 · Quokka Flows',
      '▲ 100 · Quokka Returns',
      '▲ 99 · Graph Nets',
      '…and 3 more',
    ]);
  });

  it('never tells twice about a paper, nor about one already read (de-duplication)', () => {
    const userState = new Map<string, UserPaperState>([
      [todays[0]!.id, { id: todays[0]!.id, notifiedAt: NOW - 1000 }],
      [yesterdays[0]!.id, { id: yesterdays[0]!.id, readAt: NOW - 1000 }],
    ]);
    expect(planNotifications(input({ keywords: ['quokka'], userState })).notifications).toEqual([]);
    // A saved-only mark does not count as told.
    const saved = new Map<string, UserPaperState>([[todays[0]!.id, { id: todays[0]!.id, savedAt: NOW }]]);
    expect(planNotifications(input({ keywords: ['quokka flows'], userState: saved })).notifications).toHaveLength(1);
  });

  it('waits until a match reaches the upvote threshold', () => {
    expect(planNotifications(input({ keywords: ['speech'], settings: { watchUpvoteThreshold: 100 } })).notifications).toEqual([]);
    expect(planNotifications(input({ keywords: ['speech'], settings: { watchUpvoteThreshold: 99 } })).notifications).toHaveLength(1);
  });

  it('tells nothing when notifications are off', () => {
    const plan = planNotifications(input({ keywords: ['quokka'], settings: { notificationsEnabled: false }, state: {} }));
    expect(plan).toEqual({ notifications: [], nextState: {} });
  });
});

describe('daily digest', () => {
  const afterNewDay = { state: { initializedAt: NOW - 86_400_000, lastDigestDay: '2025-06-09' } };

  it('a new list day gives one digest with its top titles, opening that day', () => {
    const plan = planNotifications(input(afterNewDay));
    expect(plan.notifications).toEqual([
      {
        id: `day:${TODAY}:digest`,
        title: 'Daily Papers, Tue 10 Jun: 6 papers',
        message: '▲ 100 · Quokka Flows\n▲ 99 · Graph Nets\n▲ 98 · Protein Folding\n…and 3 more',
        target: { kind: 'day', date: TODAY },
        paperIds: [],
      },
    ]);
    expect(plan.nextState.lastDigestDay).toBe(TODAY);
    // The next run of the same day adds none.
    expect(planNotifications(input({ state: plan.nextState })).notifications).toEqual([]);
  });

  it('waits for a young list to fill, unless its day is over', () => {
    const young = { ...afterNewDay, latestDay: day(TODAY, DIGEST_MIN_PAPERS - 1), latestDayPapers: todays.slice(0, DIGEST_MIN_PAPERS - 1) };
    const plan = planNotifications(input(young));
    expect(plan.notifications).toEqual([]);
    expect(plan.nextState.lastDigestDay).toBe('2025-06-09');
    const over = { ...young, latestDay: day(TODAY, DIGEST_MIN_PAPERS - 1, 'complete') };
    expect(planNotifications(input(over)).notifications).toHaveLength(1);
  });

  it('when turned off, the day is passed over silently (no stale digest when turned on again)', () => {
    const plan = planNotifications(input({ ...afterNewDay, settings: { dailyDigest: false } }));
    expect(plan.notifications).toEqual([]);
    expect(plan.nextState.lastDigestDay).toBe(TODAY);
  });

  it('comes with the watch group in the same run', () => {
    const plan = planNotifications(input({ ...afterNewDay, keywords: ['quokka'] }));
    expect(plan.notifications.map((n) => n.id)).toEqual([`day:${TODAY}:digest`, `day:${TODAY}:watch-${NOW}`]);
  });
});

describe('first install', () => {
  it('stays silent, and stays "first", until a list is stored', () => {
    const plan = planNotifications(input({ state: {}, latestDay: undefined, latestDayPapers: [], newsPapers: [] }));
    expect(plan).toEqual({ notifications: [], nextState: {} });
  });

  it('gives at most one notification: the digest when nothing matches', () => {
    const plan = planNotifications(input({ state: {} }));
    expect(plan.notifications.map((n) => n.id)).toEqual([`day:${TODAY}:digest`]);
    expect(plan.nextState).toEqual({ initializedAt: NOW, lastDigestDay: TODAY });
  });

  it('gives at most one notification: the watch group instead of the digest, however many match', () => {
    const plan = planNotifications(input({ state: {}, keywords: ['quokka', 'graph', 'protein', 'tiny', 'sparse', 'speech'] }));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]!.title).toBe('7 new papers match your watch list');
    // The digest's day is recorded as given, so the next run does not send it late.
    expect(plan.nextState.lastDigestDay).toBe(TODAY);
    expect(planNotifications(input({ state: plan.nextState })).notifications).toEqual([]);
  });
});

describe('hostile text', () => {
  it('stays text in notification strings, long titles are clipped', () => {
    const hostile = makePaper({ id: '2506.09999', title: `<img src=x onerror=alert(1)> ${'long '.repeat(40)}`, dailyDate: TODAY, upvotes: 5 });
    const plan = planNotifications(input({ keywords: ['img'], newsPapers: [hostile] }));
    expect(plan.notifications[0]!.title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(plan.notifications[0]!.title.length).toBeLessThanOrEqual(110);
    expect(plan.notifications[0]!.title.endsWith('…')).toBe(true);
  });
});
