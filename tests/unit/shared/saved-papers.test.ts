import { describe, expect, it } from 'vitest';
import { importSavedPapers, readSavedPapers } from '../../../lib/shared/saved-papers';
import { makePaper, useTestDb } from '../support/builders';

const getDb = useTestDb();

describe('readSavedPapers', () => {
  it('lists saved papers, most recently saved first, with their marks', async () => {
    const db = getDb();
    await db.papers.bulkPut([makePaper({ id: '2506.00001' }), makePaper({ id: '2506.00002' }), makePaper({ id: '2506.00003' })]);
    await db.userState.bulkPut([
      { id: '2506.00001', savedAt: 10, readAt: 11 },
      { id: '2506.00002', readAt: 5 },
      { id: '2506.00003', savedAt: 20 },
      { id: '2506.00009', savedAt: 30 },
    ]);
    const saved = await readSavedPapers(db);
    expect(saved.map((s) => [s.paper.id, s.savedAt, s.readAt])).toEqual([
      ['2506.00003', 20, undefined],
      ['2506.00001', 10, 11],
    ]);
  });
});

describe('importSavedPapers', () => {
  it('adds papers it lacks, keeps stored papers and the person\'s own marks', async () => {
    const db = getDb();
    const stored = makePaper({ id: '2506.00001', title: 'Stored, fresher', upvotes: 99 });
    await db.papers.put(stored);
    await db.userState.put({ id: '2506.00001', savedAt: 5, notifiedAt: 6 });
    const result = await importSavedPapers(db, [
      { paper: makePaper({ id: '2506.00001', title: 'Old copy', fetchedAt: 0 }), savedAt: 50, readAt: 51 },
      { paper: makePaper({ id: '2506.00002', fetchedAt: 0 }), savedAt: 60 },
    ]);
    expect(result).toEqual({ saved: 1, alreadySaved: 1 });
    expect(await db.papers.get('2506.00001')).toEqual({ ...stored, dailyDates: [stored.dailyDate] });
    expect(await db.userState.get('2506.00001')).toEqual({ id: '2506.00001', savedAt: 5, notifiedAt: 6, readAt: 51 });
    expect(await db.userState.get('2506.00002')).toEqual({ id: '2506.00002', savedAt: 60 });
    expect((await readSavedPapers(db)).map((s) => s.paper.id)).toEqual(['2506.00002', '2506.00001']);
  });

  it('writes only the listing row of a paper it lacks, whatever the entry holds: no repository for GitHub to show, no day', async () => {
    const db = getDb();
    const planted = makePaper({ id: '2506.00002', githubRepo: 'https://github.com/attacker/lure', githubRepoKey: 'attacker/lure', projectPage: 'https://attacker.example/', dailyDate: '2025-06-09', aiSummary: 'Forged.', fetchedAt: 0 });
    await importSavedPapers(db, [{ paper: planted, savedAt: 60 }]);
    const { id, title, authors, summary, upvotes } = planted;
    expect(await db.papers.get('2506.00002')).toEqual({ id, title, authors, summary, upvotes, fetchedAt: 0 });
    expect(await db.papers.where('githubRepoKey').equals('attacker/lure').count()).toBe(0);
    expect(await db.papers.where('dailyDate').equals('2025-06-09').count()).toBe(0);
  });

  it('never touches a stored paper: HF’s data stays whole', async () => {
    const db = getDb();
    await db.papers.put(makePaper({ id: '2506.00001', githubRepo: undefined, githubRepoKey: undefined, githubStars: undefined }));
    const stored = await db.papers.get('2506.00001');
    await importSavedPapers(db, [{ paper: makePaper({ id: '2506.00001', title: 'Forged', upvotes: 9_999, githubRepo: 'https://github.com/attacker/lure', githubRepoKey: 'attacker/lure' }), savedAt: 60 }]);
    expect(await db.papers.get('2506.00001')).toEqual(stored);
    expect(await db.papers.where('githubRepoKey').equals('attacker/lure').count()).toBe(0);
  });

  it("drops the background's kept page indexes when it adds papers (no stamp shows them), and only then", async () => {
    const db = getDb();
    const copies = async () => (await db.kv.bulkGet(['badgeIndex', 'titleIndex'])).filter(Boolean).length;
    await db.papers.put(makePaper({ id: '2506.00001' }));
    await db.kv.bulkPut([
      { key: 'badgeIndex', value: { stamp: '{}', index: '' } },
      { key: 'titleIndex', value: { stamp: '{}', titles: '' } },
    ]);
    await importSavedPapers(db, [{ paper: makePaper({ id: '2506.00001' }), savedAt: 1 }]);
    expect(await copies()).toBe(2);
    await importSavedPapers(db, [{ paper: makePaper({ id: '2506.00002' }), savedAt: 2 }]);
    expect(await copies()).toBe(0);
  });
});
