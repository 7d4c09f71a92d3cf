import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, hfPaperUrl, mergePaper, samePaperData } from '../../../lib/shared/paper';
import { makePaper, STARFLOW_ID } from '../support/builders';

describe('mergePaper', () => {
  it('takes the fresh paper when nothing is stored', () => {
    const fresh = makePaper();
    expect(mergePaper(undefined, fresh)).toBe(fresh);
  });

  it('overwrites stored fields with fresh ones and keeps the ones the fresh answer lacks', () => {
    const stored = makePaper({ numComments: 5, aiSummary: 'Flows at scale.', upvotes: 10 });
    const { numComments: _n, aiSummary: _a, ...fresh } = makePaper({ upvotes: 12, githubStars: 0, fetchedAt: 2 });
    expect(mergePaper(stored, fresh)).toEqual({ ...stored, upvotes: 12, githubStars: 0, fetchedAt: 2 });
  });

  it('does not let an undefined field erase a stored one', () => {
    const stored = makePaper({ numComments: 5 });
    expect(mergePaper(stored, makePaper({ numComments: undefined })).numComments).toBe(5);
  });

  it('leaves the stored object as it was', () => {
    const stored = makePaper();
    const copy = structuredClone(stored);
    mergePaper(stored, makePaper({ upvotes: 99 }));
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
