// @vitest-environment happy-dom
/** lib/sites/arxiv/paper-page.ts while the page is parsed (happy-dom; the rest of it: ./paper-page.test.ts). */
import { describe, expect, it, vi } from 'vitest';
import { readPaperPage, watchParsedTitle, type PaperPage } from '../../../../lib/sites/arxiv/paper-page';
import { parsingDocument } from '../../support/parsing-document';
import { parsePage } from './dom';
import { ABS, HTML_PAPER, PLAIN_HTML_PAPER } from './fixture-pages';

/** Parses `html` a node at a time with a frame after each, until the title is called back (or the page ends). */
function parseWatching(html: string, url: string) {
  const parsing = parsingDocument(html);
  const queue: (() => void)[] = [];
  const found = vi.fn<(page: PaperPage) => void>();
  watchParsedTitle(url, parsing.doc, found, new AbortController().signal, (check) => void queue.push(check));
  const ended = !parsing.parseUntil(() => (queue.splice(0).forEach((check) => check()), found.mock.calls.length > 0));
  return { parsing, found, ended };
}

describe('watchParsedTitle', () => {
  it.each([
    ['an abstract page', ABS, 'https://arxiv.org/abs/2506.06276v2'],
    ['an HTML paper (LaTeXML)', HTML_PAPER, 'https://arxiv.org/html/2506.06276v1'],
  ])('%s: the place readPaperPage names, once the title is whole, long before the page ends', (_, html, url) => {
    const { parsing, found, ended } = parseWatching(html, url);
    expect(ended).toBe(false);
    expect(found).toHaveBeenCalledTimes(1);
    const page = found.mock.calls[0]![0];
    const whole = readPaperPage(url, parsePage(html))!;
    expect({ kind: page.kind, id: page.arxivId.id, position: page.position, title: page.anchor.outerHTML }).toEqual({
      kind: whole.kind,
      id: whole.arxivId.id,
      position: 'afterend',
      title: whole.anchor.outerHTML,
    });
    expect(parsing.doc.readyState).toBe('loading');
    parsing.loaded();
    expect(readPaperPage(url, parsing.doc)?.anchor).toBe(page.anchor);
  });

  it('leaves an HTML paper LaTeXML did not make, and a URL naming no paper, to DOMContentLoaded', () => {
    expect(parseWatching(PLAIN_HTML_PAPER, 'https://arxiv.org/html/2503.10725v1').found).not.toHaveBeenCalled();
    expect(parseWatching(ABS, 'https://arxiv.org/abs/hep-th/9901001').found).not.toHaveBeenCalled();
  });
});
