import { describe, expect, it } from 'vitest';
import { MAX_REPO_PAPERS, papersOfRepo } from '../../../lib/background/repo-papers';
import { parsePaperObject } from '../../../lib/background/hf/schemas';
import { storeDay } from '../../../lib/background/sync/store';
import { makePaper, rawPaper, useTestDb } from '../support/builders';

const NOW = Date.parse('2025-06-10T12:00:00Z');

describe('papersOfRepo', () => {
  const db = useTestDb();

  it('matches the repository however HF wrote its URL, in any case, most upvoted first', async () => {
    const written = [
      ['2506.06276', 'https://github.com/apple/ml-starflow', 21],
      ['2506.00001', 'https://github.com/Apple/ML-StarFlow.git', 40],
      ['2506.00002', 'https://github.com/apple/ml-starflow/tree/main/training/', 5],
      ['2506.00003', 'https://www.github.com/apple/ml-starflow/', 30],
      ['2506.00004', 'https://github.com/apple/ml-starflow-extras', 99],
      ['2506.00005', 'https://gitlab.com/apple/ml-starflow', 98],
    ] as const;
    const papers = written.map(([id, githubRepo, upvotes], i) => parsePaperObject(rawPaper({ id, githubRepo, upvotes }, i), NOW));
    await storeDay(db(), { date: '2025-06-09', papers, dropped: 0, status: 'complete' }, NOW);

    const found = await papersOfRepo(db(), 'apple/ml-starflow');
    expect(found.map((p) => [p.id, p.upvotes])).toEqual([
      ['2506.00001', 40],
      ['2506.00003', 30],
      ['2506.06276', 21],
      ['2506.00002', 5],
    ]);
    expect((await papersOfRepo(db(), 'APPLE/ML-STARFLOW')).map((p) => p.id)).toEqual(found.map((p) => p.id));
  });

  it('finds nothing for a repository no paper names, or for a malformed name', async () => {
    await db().papers.put(makePaper());
    expect(await papersOfRepo(db(), 'apple/other')).toEqual([]);
    for (const bad of ['', 'apple', 'apple/ml-starflow/tree', '../..', 'orgs/apple', '<img src=x>/y']) {
      expect(await papersOfRepo(db(), bad)).toEqual([]);
    }
  });

  it('lists at most MAX_REPO_PAPERS papers', async () => {
    const many = Array.from({ length: MAX_REPO_PAPERS + 5 }, (_, i) =>
      makePaper({ id: `2506.${String(10_000 + i)}`, upvotes: i, githubRepo: 'https://github.com/huggingface/transformers', githubRepoKey: 'huggingface/transformers' }),
    );
    await db().papers.bulkPut(many);
    const found = await papersOfRepo(db(), 'huggingface/transformers');
    expect(found).toHaveLength(MAX_REPO_PAPERS);
    expect(found[0]?.upvotes).toBe(MAX_REPO_PAPERS + 4);
  });
});
