// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPaperLinks, paperIdOfLink } from '../../../../lib/sites/github/paper-links';
import { PAPER_LINK_KINDS, paperUrl } from '../../../fixtures/github/markdown';
import { fixtureDocument, parse } from './fixture-documents';

const anchor = (href: string) => {
  const doc = parse(`<a href="${href}">x</a>`);
  return doc.querySelector('a')!;
};

describe('paperIdOfLink', () => {
  it.each(PAPER_LINK_KINDS)('reads the bare id from a %s link', (kind) => {
    expect(paperIdOfLink(anchor(paperUrl('2506.06276', kind)))).toBe('2506.06276');
  });

  it.each([
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/list/cs.CV/recent',
    'https://arxiv.org/abs/2513.00001',
    'https://example.org/arxiv.org/abs/2506.06276',
    'javascript:alert("arxiv.org/abs/2506.06276")',
    '/apple/ml-starflow',
  ])('finds no HF paper in %s', (href) => {
    expect(paperIdOfLink(anchor(href))).toBeUndefined();
  });
});

describe('findPaperLinks', () => {
  it('finds the README links in document order, one entry per link', () => {
    const found = findPaperLinks(fixtureDocument('repo-page'));
    expect(found.map((f) => f.id)).toEqual(['2506.06276', '2506.06276', '2506.01234', '2505.11111']);
    expect(found.every((f) => f.link.closest('article.markdown-body'))).toBe(true);
  });

  it('finds links in issue bodies and every comment, written every way', () => {
    const found = findPaperLinks(fixtureDocument('issue-page'));
    expect(found.map((f) => f.id)).toEqual(['2506.06276', ...PAPER_LINK_KINDS.map(() => '2506.01234')]);
  });

  it('finds links in the Rails timeline of a pull request', () => {
    expect(findPaperLinks(fixtureDocument('pull-page')).map((f) => f.id)).toEqual(['2506.06276', '2505.11111']);
  });

  it('ignores links outside rendered Markdown (feeds, profile bios, the page chrome)', () => {
    expect(findPaperLinks(fixtureDocument('dashboard-page'))).toEqual([]);
    expect(findPaperLinks(fixtureDocument('profile-page'))).toEqual([]);
  });

  it('never takes ids from text or code: only links count', () => {
    const doc = parse('<div class="markdown-body"><p>arXiv:2506.06276</p><pre>https://arxiv.org/abs/2506.06276</pre></div>');
    expect(findPaperLinks(doc)).toEqual([]);
  });
});
