// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPaperLinks, paperIdOfLink } from '../../../../lib/sites/kit/paper-links';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the kit paper-link reader', () => {
  it.each([
    ['https://arxiv.org/abs/2506.06276', '2506.06276'],
    ['https://arxiv.org/abs/2506.06276v3', '2506.06276'],
    ['http://www.arxiv.org/pdf/2506.06276v2', '2506.06276'],
    ['https://arxiv.org/pdf/2506.06276.pdf', '2506.06276'],
    ['https://arxiv.org/html/2506.06276v1', '2506.06276'],
    ['https://huggingface.co/papers/2506.06276', '2506.06276'],
    ['https://www.alphaxiv.org/abs/2506.06276', '2506.06276'],
    ['https://arxiv.org/abs/hep-th/9901001', undefined],
    ['https://example.org/?u=https://arxiv.org/abs/2506.06276', undefined],
  ])('%s names %s', (href, id) => {
    expect(paperIdOfLink(parse(`<a href="${href}">x</a>`).querySelector('a')!)).toBe(id);
  });

  it('finds every paper link of a subtree by default, or those a site scopes it to', () => {
    const doc = parse('<nav><a href="https://arxiv.org/abs/2506.06276">nav</a></nav><main><a href="https://huggingface.co/papers/2404.02905">hf</a><a href="https://example.org">x</a></main>');
    expect(findPaperLinks(doc).map((link) => link.id)).toEqual(['2506.06276', '2404.02905']);
    expect(findPaperLinks(doc, 'main a').map((link) => link.id)).toEqual(['2404.02905']);
  });
});
