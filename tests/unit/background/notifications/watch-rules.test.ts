import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/shared/settings';
import { containsTerm, matchWatchRules, normalizeForMatch, watchMatches } from '../../../../lib/background/notifications/watch-rules';
import { makePaper } from '../../support/builders';

const watch = (w: Partial<Settings['watch']>): Settings['watch'] => ({ keywords: [], authors: [], organizations: [], ...w });

describe('normalizeForMatch', () => {
  it('drops case, accents and punctuation', () => {
    expect(normalizeForMatch('Diffusion-Based  Méthodes!')).toBe(' diffusion based methodes ');
    expect(normalizeForMatch('  ')).toBe('');
  });
});

describe('containsTerm', () => {
  const text = normalizeForMatch('Scaling normalizing flows for LLMs and diffusion-based overflow');
  it('matches whole words and phrases, and plurals', () => {
    expect(containsTerm(text, 'Normalizing flow')).toBe(true);
    expect(containsTerm(text, 'LLM')).toBe(true);
    expect(containsTerm(text, 'diffusion based')).toBe(true);
    expect(containsTerm(text, 'DIFFUSION')).toBe(true);
  });
  it('does not match inside words or empty terms', () => {
    expect(containsTerm(text, 'flow')).toBe(true); // "flows"
    expect(containsTerm(text, 'verflow')).toBe(false);
    expect(containsTerm(text, 'scal')).toBe(false);
    expect(containsTerm(text, ' - ')).toBe(false);
  });
});

describe('matchWatchRules', () => {
  const paper = makePaper({
    title: 'STARFlow: Scaling Latent Normalizing Flows',
    summary: 'We present a model for high-resolution image synthesis.',
    aiKeywords: ['autoregressive transformer'],
    authors: ['Jiatao Gu', 'José Lezama'],
    organization: { name: 'apple', fullname: 'Apple Inc' },
  });

  it('finds keywords in the title, the abstract and HF keywords', () => {
    expect(matchWatchRules(paper, watch({ keywords: ['normalizing flow', 'image synthesis', 'Autoregressive Transformers', 'protein'] }))).toEqual([
      { kind: 'keyword', term: 'normalizing flow' },
      { kind: 'keyword', term: 'image synthesis' },
      { kind: 'keyword', term: 'Autoregressive Transformers' },
    ]);
  });

  it('matches authors by full name, forgiving case and accents but not partial names', () => {
    expect(matchWatchRules(paper, watch({ authors: ['jose lezama', 'Gu', 'Jiatao  GU'] }))).toEqual([
      { kind: 'author', term: 'jose lezama' },
      { kind: 'author', term: 'Jiatao  GU' },
    ]);
  });

  it('matches an organization by handle or full name', () => {
    expect(matchWatchRules(paper, watch({ organizations: ['Apple'] }))).toEqual([{ kind: 'organization', term: 'Apple' }]);
    expect(matchWatchRules(paper, watch({ organizations: ['apple inc'] }))).toHaveLength(1);
    expect(matchWatchRules(paper, watch({ organizations: ['google'] }))).toEqual([]);
    expect(matchWatchRules(makePaper({ organization: undefined }), watch({ organizations: ['apple'] }))).toEqual([]);
  });

  it('treats hostile text as plain text', () => {
    const hostile = makePaper({ title: '<img src=x onerror=alert(1)> flows' });
    expect(matchWatchRules(hostile, watch({ keywords: ['img src'] }))).toHaveLength(1);
    expect(matchWatchRules(hostile, watch({ keywords: ['.*'] }))).toEqual([]);
  });
});

describe('watchMatches (threshold)', () => {
  const settings = (threshold: number): Settings => ({ ...DEFAULT_SETTINGS, watch: watch({ keywords: ['flows'] }), watchUpvoteThreshold: threshold });
  const low = makePaper({ id: '2506.00001', title: 'Flows', upvotes: 4 });
  const high = makePaper({ id: '2506.00002', title: 'Flows', upvotes: 40 });
  const other = makePaper({ id: '2506.00003', title: 'Graphs', summary: 'none', aiKeywords: [], upvotes: 400 });

  it('keeps matches at or above the threshold', () => {
    expect(watchMatches([low, high, other], settings(0)).map((m) => m.paper.id)).toEqual(['2506.00001', '2506.00002']);
    expect(watchMatches([low, high, other], settings(40)).map((m) => m.paper.id)).toEqual(['2506.00002']);
    expect(watchMatches([low, high, other], settings(41))).toEqual([]);
  });
});
