// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPaperLinks, PARSED_LINKS_EVERY_MS, paperIdOfLink, watchParsedPaperLinks } from '../../../../lib/sites/kit/paper-links';

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

describe('watchParsedPaperLinks', () => {
  const loading = () => {
    const doc = parse('<!DOCTYPE html><html><head></head><body></body></html>');
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
    return doc;
  };
  // Past the watcher's next read of the page's links.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2 * PARSED_LINKS_EVERY_MS));

  it('hands on the id of each paper link as it is inserted, a link by itself or inside what was inserted, until DOMContentLoaded', async () => {
    const doc = loading();
    const found: string[] = [];
    watchParsedPaperLinks(doc, (id) => found.push(id), new AbortController().signal);
    const link = doc.createElement('a');
    link.href = 'https://arxiv.org/abs/2506.06276v2';
    doc.body.append(link);
    doc.body.insertAdjacentHTML('beforeend', '<p><a href="https://huggingface.co/papers/2404.02905">b</a> <a href="https://example.org/">x</a> <a href="https://arxiv.org/abs/hep-th/9901001">old</a></p>');
    await settle();
    expect(found).toEqual(['2506.06276', '2404.02905']);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2501.00077">late</a>');
    await settle();
    expect(found).toEqual(['2506.06276', '2404.02905']);
  });

  it('hands on a link once, as the parser inserts it with its ancestors (each element by itself, all read in one pass)', async () => {
    const doc = loading();
    const found: string[] = [];
    watchParsedPaperLinks(doc, (id) => found.push(id), new AbortController().signal);
    // As the parser does: each element appended by itself, its children after it, before the observer's pass.
    const table = doc.body.appendChild(doc.createElement('table'));
    const row = table.appendChild(doc.createElement('tr'));
    const cell = row.appendChild(doc.createElement('td'));
    const span = cell.appendChild(doc.createElement('span'));
    const link = span.appendChild(doc.createElement('a'));
    link.href = 'https://arxiv.org/abs/2506.06276';
    await settle();
    expect(found).toEqual(['2506.06276']);
  });

  it('watches nothing on a page already parsed, or once aborted', async () => {
    const found: string[] = [];
    const parsed = parse('<body></body>');
    watchParsedPaperLinks(parsed, (id) => found.push(id), new AbortController().signal);
    parsed.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276">a</a>');
    const doc = loading();
    const stop = new AbortController();
    watchParsedPaperLinks(doc, (id) => found.push(id), stop.signal);
    stop.abort();
    doc.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276">a</a>');
    await settle();
    expect(found).toEqual([]);
  });
});
