import { describe, expect, it } from 'vitest';
import type { PapersDB } from '../../../../lib/shared/db';
import type { Paper } from '../../../../lib/shared/paper';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/shared/settings';
import { storeDay } from '../../../../lib/background/sync/store';
import { notifyAfterSync, readNotificationState, type NotifierApi } from '../../../../lib/background/notifications/notify-after-sync';
import { makePaper, useTestDb } from '../../support/builders';

const NOW = Date.parse('2025-06-10T09:00:00Z');
const getDb = useTestDb();

function fakeNotifier(options: { level?: string; failFor?: (id: string) => boolean } = {}) {
  const shown: { id: string; title: string; message: string }[] = [];
  const notifier: NotifierApi = {
    create: async (id, o) => {
      if (options.failFor?.(id)) throw new Error('refused');
      shown.push({ id, title: o.title, message: o.message });
      return id;
    },
    getPermissionLevel: async () => options.level ?? 'granted',
  };
  return { notifier, shown };
}

function dayPapers(date: string, count: number, titleOf: (i: number) => string = (i) => `Paper ${date} ${i}`): Paper[] {
  return Array.from({ length: count }, (_, i) =>
    makePaper({ id: `${date.slice(2, 4)}${date.slice(5, 7)}.${String(Number(date.slice(8)) * 100 + i).padStart(5, '0')}`, title: titleOf(i), summary: 'Abstract.', aiKeywords: [], upvotes: 50 - i, dailyDate: date }),
  );
}

async function store(db: PapersDB, date: string, papers: Paper[], status: 'open' | 'complete' = 'complete') {
  await storeDay(db, { date, papers, dropped: 0, status }, NOW);
}

const withKeywords = (keywords: string[]): Settings => ({ ...DEFAULT_SETTINGS, watch: { keywords, authors: [], organizations: [] } });

async function run(db: PapersDB, settings: Settings, notifier: NotifierApi | undefined, now = NOW) {
  return notifyAfterSync({ db, settings, now, notifier, iconUrl: 'chrome-extension://x/icon/128.png' });
}

describe('notifyAfterSync', () => {
  it('an install back-fill of 30 days with many matches gives one notification, and marks every match told', async () => {
    const db = getDb();
    for (let d = 1; d <= 30; d++) {
      const date = `2025-06-${String(d).padStart(2, '0')}`;
      if (date <= '2025-06-10') await store(db, date, dayPapers(date, 12, (i) => (i % 2 ? `Quokka study ${i}` : `Other ${i}`)));
    }
    const { notifier, shown } = fakeNotifier();
    await run(db, withKeywords(['quokka']), notifier);
    expect(shown).toHaveLength(1);
    // Only the news window (the two newest list days) counts: 6 + 6 matches.
    expect(shown[0]!.title).toBe('12 new papers match your watch list');
    const told = await db.userState.filter((row) => row.notifiedAt === NOW).count();
    expect(told).toBe(12);
    expect(await readNotificationState(db)).toEqual({ initializedAt: NOW, lastDigestDay: '2025-06-10' });

    // The next sync tells nothing more.
    await run(db, withKeywords(['quokka']), notifier, NOW + 60_000);
    expect(shown).toHaveLength(1);
  });

  it('a new matching paper in a later sync gives exactly one notification naming it; the next sync none', async () => {
    const db = getDb();
    await store(db, '2025-06-09', dayPapers('2025-06-09', 8));
    await store(db, '2025-06-10', dayPapers('2025-06-10', 8), 'open');
    const { notifier, shown } = fakeNotifier();
    await run(db, withKeywords(['quokka']), notifier);
    expect(shown.map((n) => n.id)).toEqual(['day:2025-06-10:digest']);

    const quokka = makePaper({ id: '2506.99999', title: 'Quokka: a small model', summary: 'A.', aiKeywords: [], upvotes: 3, dailyDate: '2025-06-10' });
    await store(db, '2025-06-10', [...dayPapers('2025-06-10', 8), quokka], 'open');
    await run(db, withKeywords(['quokka']), notifier, NOW + 60_000);
    expect(shown.slice(1)).toEqual([{ id: 'paper:2506.99999', title: 'Quokka: a small model', message: 'Matches keyword “quokka” · ▲ 3' }]);
    expect((await db.userState.get('2506.99999'))?.notifiedAt).toBe(NOW + 60_000);

    await run(db, withKeywords(['quokka']), notifier, NOW + 120_000);
    expect(shown).toHaveLength(2);
  });

  it('keeps the person\'s marks when marking told', async () => {
    const db = getDb();
    await store(db, '2025-06-10', dayPapers('2025-06-10', 6, (i) => `Quokka ${i}`));
    await db.userState.put({ id: dayPapers('2025-06-10', 1)[0]!.id, savedAt: 5 });
    await run(db, withKeywords(['quokka']), fakeNotifier().notifier);
    expect(await db.userState.get(dayPapers('2025-06-10', 1)[0]!.id)).toEqual({ id: dayPapers('2025-06-10', 1)[0]!.id, savedAt: 5, notifiedAt: NOW });
  });

  it('where notifications are denied, unsupported or refused, nothing breaks and nothing is marked', async () => {
    const db = getDb();
    await store(db, '2025-06-10', dayPapers('2025-06-10', 6, (i) => `Quokka ${i}`));
    const denied = fakeNotifier({ level: 'denied' });
    await expect(run(db, withKeywords(['quokka']), denied.notifier)).resolves.toEqual([]);
    await expect(run(db, withKeywords(['quokka']), undefined)).resolves.toEqual([]);
    expect(denied.shown).toEqual([]);
    expect(await db.userState.count()).toBe(0);
    expect(await readNotificationState(db)).toEqual({});

    const refusing = fakeNotifier({ failFor: (id) => id.includes('watch') });
    const shown = await run(db, withKeywords(['quokka']), refusing.notifier);
    expect(shown).toEqual([]);
    expect(await db.userState.count()).toBe(0);
  });

  it('does nothing when the person turned notifications off', async () => {
    const db = getDb();
    await store(db, '2025-06-10', dayPapers('2025-06-10', 6, (i) => `Quokka ${i}`));
    const { notifier, shown } = fakeNotifier();
    await run(db, { ...withKeywords(['quokka']), notificationsEnabled: false }, notifier);
    expect(shown).toEqual([]);
    expect(await db.userState.count()).toBe(0);
  });
});
