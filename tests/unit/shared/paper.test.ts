import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, hfPaperUrl, mergePaper, samePaperData, type Paper } from '../../../lib/shared/paper';
import { makePaper, STARFLOW_ID } from '../support/builders';

describe('mergePaper', () => {
  /** What a daily item speaks for (lib/background/hf/schemas.ts's DAILY_ITEM_FIELDS, in short). */
  const DAILY: (keyof Paper)[] = ['upvotes', 'numComments', 'aiSummary', 'aiKeywords', 'githubRepo', 'githubRepoKey', 'githubStars', 'projectPage', 'organization', 'withdrawnAt'];

  it('takes the fresh paper when nothing is stored', () => {
    const fresh = makePaper();
    expect(mergePaper(undefined, fresh, DAILY)).toBe(fresh);
  });

  it('overwrites stored fields with fresh ones and keeps those the answer does not speak for', () => {
    const stored = makePaper({ numComments: 5, aiSummary: 'Flows at scale.', upvotes: 10, firstSeen: { at: 1, upvotes: 3 } });
    const { numComments: _n, aiSummary: _a, ...fresh } = makePaper({ upvotes: 12, githubStars: 0, fetchedAt: 2 });
    expect(mergePaper(stored, fresh, [])).toEqual({ ...stored, upvotes: 12, githubStars: 0, fetchedAt: 2 });
    // A paper object has no comment count: the stored one stays.
    expect(mergePaper(stored, fresh, ['aiSummary'])).toEqual({ ...stored, aiSummary: undefined, upvotes: 12, githubStars: 0, fetchedAt: 2 });
  });

  it('removes what HF took off: a field the answer speaks for and lacks goes from the stored paper', () => {
    const stored = makePaper({
      numComments: 5,
      aiSummary: 'Flows at scale.',
      aiKeywords: ['flow'],
      projectPage: 'https://machinelearning.apple.com/research/starflow',
      organization: { name: 'apple', fullname: 'Apple' },
      withdrawnAt: '2025-06-10T00:00:00.000Z',
      dailyDate: '2025-06-09',
      firstSeen: { at: 1, upvotes: 3 },
    });
    const fresh: Paper = { id: stored.id, title: stored.title, summary: stored.summary, authors: stored.authors, upvotes: 30, numComments: 6, fetchedAt: 2 };
    const merged = mergePaper(stored, fresh, DAILY);
    for (const gone of ['aiSummary', 'aiKeywords', 'githubRepo', 'githubRepoKey', 'githubStars', 'projectPage', 'organization', 'withdrawnAt'] as const) {
      expect(merged, gone).not.toHaveProperty(gone);
    }
    // What the answer does not speak for stays: the list's day, the first sighting.
    expect(merged).toMatchObject({ upvotes: 30, numComments: 6, dailyDate: '2025-06-09', firstSeen: { at: 1, upvotes: 3 }, fetchedAt: 2 });
  });

  it('does not let an undefined field erase a stored one the answer does not speak for', () => {
    const stored = makePaper({ numComments: 5 });
    expect(mergePaper(stored, makePaper({ numComments: undefined }), ['upvotes']).numComments).toBe(5);
  });

  it('leaves the stored object as it was', () => {
    const stored = makePaper();
    const copy = structuredClone(stored);
    mergePaper(stored, makePaper({ upvotes: 99, githubRepo: undefined }), DAILY);
    expect(stored).toEqual(copy);
  });
});

describe('paper links', () => {
  it('points at HF and arXiv', () => {
    expect(hfPaperUrl(STARFLOW_ID)).toBe('https://huggingface.co/papers/2506.06276');
    expect(arxivAbsUrl(STARFLOW_ID)).toBe('https://arxiv.org/abs/2506.06276');
  });
});

describe('samePaperData', () => {
  it('ignores when the records were fetched', () => {
    expect(samePaperData(makePaper({ fetchedAt: 1 }), makePaper({ fetchedAt: 2 }))).toBe(true);
  });
  it('sees any other change, nested ones included', () => {
    const base = makePaper({ aiKeywords: ['flow'], organization: { name: 'apple' } });
    expect(samePaperData(base, { ...base, upvotes: base.upvotes + 1 })).toBe(false);
    expect(samePaperData(base, { ...base, authors: [...base.authors, 'Someone'] })).toBe(false);
    expect(samePaperData(base, { ...base, aiKeywords: ['flows'] })).toBe(false);
    expect(samePaperData(base, { ...base, organization: { name: 'apple', fullname: 'Apple' } })).toBe(false);
    expect(samePaperData(base, { ...base, numComments: 4 })).toBe(false);
    expect(samePaperData(base, { ...base, aiKeywords: ['flow'], organization: { name: 'apple' } })).toBe(true);
  });
});
