import { describe, expect, it } from 'vitest';
import {
  checkReleases,
  readReleaseWatch,
  RELEASE_CHECK_GAP_MS,
  releaseNotification,
  type ReleaseWatchDeps,
} from '../../../../lib/background/notifications/release-watch';
import type { PaperLinks } from '../../../../lib/shared/messages';
import type { Paper } from '../../../../lib/shared/paper';
import { DEFAULT_SETTINGS } from '../../../../lib/shared/settings';
import { cachedPaperLinks } from '../../../../lib/background/paper-details';
import { makePaper, MINUTE, useTestDb } from '../../support/builders';

const db = useTestDb();
const NOW = Date.parse('2025-06-11T12:00:00Z');

const links = (models: number, spaces: number): { links: PaperLinks; dropped: number } => ({
  links: { totals: { models, datasets: 0, spaces }, top: { models: [], datasets: [], spaces: [] } },
  dropped: 0,
});

/** HF as the checks see it: each paper's repository and linked counts, changeable between runs. */
function fakeHf() {
  const world = new Map<string, { githubRepo?: string; models: number; spaces: number }>();
  const asked: string[] = [];
  const client = {
    paperAndLinks: async (id: string) => {
      asked.push(id);
      const facts = world.get(id);
      if (!facts) return undefined;
      return { paper: makePaper({ id, githubRepo: facts.githubRepo }) as Paper, links: links(facts.models, facts.spaces) };
    },
  };
  return { world, asked, client };
}

async function save(...ids: string[]) {
  await db().papers.bulkPut(ids.map((id) => makePaper({ id, title: `Paper ${id}` })));
  await db().userState.bulkPut(ids.map((id, i) => ({ id, savedAt: 100 + i })));
}

function deps(hf: ReturnType<typeof fakeHf>, now: number, extra: Partial<ReleaseWatchDeps> = {}): ReleaseWatchDeps {
  return { db: db(), settings: DEFAULT_SETTINGS, now, force: false, allowed: true, client: () => hf.client, ...extra };
}

describe('release watch', () => {
  it('records what a saved paper has at its first check, then tells once per kind what appears', async () => {
    const hf = fakeHf();
    await save('2506.00001');
    hf.world.set('2506.00001', { models: 0, spaces: 0 });
    expect(await checkReleases(deps(hf, NOW))).toEqual([]);

    hf.world.set('2506.00001', { githubRepo: 'https://github.com/o/r', models: 1, spaces: 0 });
    const news = await checkReleases(deps(hf, NOW + RELEASE_CHECK_GAP_MS));
    expect(news).toEqual([{ paper: { id: '2506.00001', title: 'Paper 2506.00001' }, kinds: ['code', 'weights'] }]);
    expect(releaseNotification(news)).toMatchObject({ id: 'paper:2506.00001', title: 'Now with code and weights', message: 'Paper 2506.00001' });
    // Kept for the popup and GitHub, as a card's answer is.
    expect((await cachedPaperLinks(db(), ['2506.00001'])).get('2506.00001')?.totals.models).toBe(1);

    // Told once: a repository taken away and back, or more models, is no news; a first Space is.
    hf.world.set('2506.00001', { githubRepo: 'https://github.com/o/r', models: 3, spaces: 0 });
    expect(await checkReleases(deps(hf, NOW + 2 * RELEASE_CHECK_GAP_MS))).toEqual([]);
    hf.world.set('2506.00001', { githubRepo: 'https://github.com/o/r', models: 3, spaces: 1 });
    expect((await checkReleases(deps(hf, NOW + 3 * RELEASE_CHECK_GAP_MS)))[0]?.kinds).toEqual(['demo']);
  });

  it('checks one paper a run, the longest unchecked first, and background runs at most every 30 minutes', async () => {
    const hf = fakeHf();
    await save('2506.00001', '2506.00002', '2506.00003');
    for (let run = 0; run < 4; run++) await checkReleases(deps(hf, NOW + run * RELEASE_CHECK_GAP_MS));
    expect(hf.asked).toEqual(['2506.00001', '2506.00002', '2506.00003', '2506.00001']);
    // Within the gap: nothing, unless the person pressed Refresh.
    await checkReleases(deps(hf, NOW + 3 * RELEASE_CHECK_GAP_MS + 5 * MINUTE));
    expect(hf.asked).toHaveLength(4);
    await checkReleases(deps(hf, NOW + 3 * RELEASE_CHECK_GAP_MS + 6 * MINUTE, { force: true }));
    expect(hf.asked).toHaveLength(5);
  });

  it('background runs at any interval spend at most 2 calls an hour on checks (with the lists\' 4: at most 6)', async () => {
    const hf = fakeHf();
    await save('2506.00001', '2506.00002', '2506.00003');
    const at: number[] = [];
    for (let minute = 0; minute < 6 * 60; minute += 10) {
      const before = hf.asked.length;
      await checkReleases(deps(hf, NOW + minute * MINUTE));
      if (hf.asked.length > before) at.push(minute);
    }
    for (const start of at) expect(at.filter((m) => m >= start && m < start + 60).length).toBeLessThanOrEqual(2);
    expect(at.length).toBe(12);
  });

  it('asks nothing with live lookups off or notifications off, nor for papers nobody saved or watches', async () => {
    const hf = fakeHf();
    await checkReleases(deps(hf, NOW));
    await save('2506.00001');
    await checkReleases(deps(hf, NOW, { allowed: false }));
    await checkReleases(deps(hf, NOW, { settings: { ...DEFAULT_SETTINGS, notificationsEnabled: false } }));
    expect(hf.asked).toEqual([]);
  });

  it('a failed check is no news and is tried again; an unsaved paper is forgotten', async () => {
    const hf = fakeHf();
    await save('2506.00001');
    const failing = { paperAndLinks: async () => Promise.reject(new Error('offline')) };
    expect(await checkReleases(deps(hf, NOW, { client: () => failing }))).toEqual([]);
    expect((await readReleaseWatch(db())).papers).toEqual({});
    await checkReleases(deps(hf, NOW + RELEASE_CHECK_GAP_MS));
    expect(Object.keys((await readReleaseWatch(db())).papers)).toEqual(['2506.00001']);
    await db().userState.clear();
    await checkReleases(deps(hf, NOW + 2 * RELEASE_CHECK_GAP_MS, { force: true }));
    expect((await readReleaseWatch(db())).papers).toEqual({});
  });

  it('several papers at once are one notification', () => {
    const n = releaseNotification([
      { paper: { id: '2506.00001', title: 'A' }, kinds: ['code'] },
      { paper: { id: '2506.00002', title: 'B' }, kinds: ['weights', 'demo'] },
    ]);
    expect(n).toMatchObject({ id: 'paper:2506.00001', title: '2 watched papers have new releases', message: 'A: code\nB: weights and a demo' });
  });
});
