import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/shared/settings';
import { storeDay } from '../../../lib/background/sync/store';
import { badgeText, keepToolbarBadge, TOP_PAPERS_FOR_BADGE, unreadBadgePaperIds } from '../../../lib/background/toolbar-badge';
import { makePaper, useTestDb } from '../support/builders';

const getDb = useTestDb();
const NOW = Date.parse('2025-06-10T09:00:00Z');

function day(date: string, count: number, title: (i: number) => string) {
  return Array.from({ length: count }, (_, i) =>
    makePaper({ id: `2506.${date.slice(8)}${String(i).padStart(3, '0')}`, title: title(i), summary: 'A.', aiKeywords: [], upvotes: 100 - i, dailyDate: date }),
  );
}

const settings = (keywords: string[] = [], threshold = 0): Settings => ({
  ...DEFAULT_SETTINGS,
  watch: { keywords, authors: [], organizations: [] },
  watchUpvoteThreshold: threshold,
});

async function seed() {
  const db = getDb();
  const older = day('2025-06-05', 12, (i) => `Old quokka ${i}`);
  const yesterday = day('2025-06-09', 12, (i) => (i === 11 ? 'Quokka late' : `Y ${i}`));
  const today = day('2025-06-10', 15, (i) => (i === 14 ? 'Quokka bottom' : `T ${i}`));
  for (const [date, papers] of [['2025-06-05', older], ['2025-06-09', yesterday], ['2025-06-10', today]] as const) {
    await storeDay(db, { date, papers, dropped: 0, status: 'complete' }, NOW);
  }
  return { db, today, yesterday, older };
}

describe('unreadBadgePaperIds', () => {
  it('counts the top papers of the newest list, unread', async () => {
    const { db, today } = await seed();
    const ids = await unreadBadgePaperIds(db, settings());
    expect(ids).toEqual(today.slice(0, TOP_PAPERS_FOR_BADGE).map((p) => p.id));
    await db.userState.bulkPut([{ id: today[0]!.id, readAt: NOW }, { id: today[1]!.id, savedAt: NOW }]);
    expect(await unreadBadgePaperIds(db, settings())).toHaveLength(TOP_PAPERS_FOR_BADGE - 1);
  });

  it('adds unread watch matches of the news window (not older days), above the threshold', async () => {
    const { db, today, yesterday } = await seed();
    expect((await unreadBadgePaperIds(db, settings(['quokka']))).sort()).toEqual([...today.slice(0, 10), today[14], yesterday[11]].map((p) => p!.id).sort());
    expect(await unreadBadgePaperIds(db, settings(['quokka'], 90))).toHaveLength(10);
    await db.userState.put({ id: today[14]!.id, readAt: NOW });
    expect(await unreadBadgePaperIds(db, settings(['quokka']))).toHaveLength(11);
  });

  it('is empty before the first sync', async () => {
    expect(await unreadBadgePaperIds(getDb(), settings(['quokka']))).toEqual([]);
  });
});

describe('badgeText', () => {
  it('shows nothing at zero and stays short', () => {
    expect([0, -1, 1, 42, 99, 100, 5000].map(badgeText)).toEqual(['', '', '1', '42', '99', '99+', '99+']);
  });
});

describe('keepToolbarBadge', () => {
  it('re-counts live as papers are read, and on a settings change', async () => {
    const { db, today } = await seed();
    const texts: string[] = [];
    let current = settings();
    const badge = keepToolbarBadge({
      db,
      readSettings: async () => current,
      action: { setBadgeText: async ({ text }) => void texts.push(text), setBadgeBackgroundColor: async () => undefined },
    });
    await badge.start();
    await expect.poll(() => texts.at(-1)).toBe('10');
    await db.userState.bulkPut(today.slice(0, 10).map((p) => ({ id: p.id, readAt: NOW })));
    await expect.poll(() => texts.at(-1)).toBe('');
    current = settings(['quokka']);
    await badge.settingsChanged();
    await expect.poll(() => texts.at(-1)).toBe('2');
    expect(await badge.refresh()).toBe(2);
    badge.stop();
  });
});
