import { describe, expect, it } from 'vitest';
import { paperIdInUrl, paperPageKind, readPaperPage } from '../../../../lib/sites/arxiv/paper-page';
import { absPage } from '../../../fixtures/arxiv/abs-page';
import { ABS, HTML_PAPER, PLAIN_HTML_PAPER } from './fixture-pages';
import { parsePage } from './dom';

describe('readPaperPage', () => {
  it('reads an abstract page: the id without its version, and the title to put the card after', () => {
    for (const url of ['https://arxiv.org/abs/2506.06276v2', 'https://www.arxiv.org/abs/2506.06276', 'https://export.arxiv.org/abs/2506.06276?context=cs']) {
      const page = readPaperPage(url, parsePage(ABS));
      expect(page?.kind).toBe('abs');
      expect(page?.arxivId).toMatchObject({ id: '2506.06276', style: 'new' });
      expect(page?.anchor.matches('h1.title')).toBe(true);
      expect(page?.position).toBe('afterend');
    }
  });

  it('reads an HTML paper', () => {
    const page = readPaperPage('https://arxiv.org/html/2506.06276v1', parsePage(HTML_PAPER));
    expect(page).toMatchObject({ kind: 'html', arxivId: { id: '2506.06276', version: 1, style: 'new' } });
    expect(page?.anchor.className).toBe('ltx_title ltx_title_document');
    expect(page?.position).toBe('afterend');
  });

  it('reads an HTML paper LaTeXML did not make (EPTCS): the id from the URL, the card after its title headings', () => {
    const page = readPaperPage('https://arxiv.org/html/2503.10725v1', parsePage(PLAIN_HTML_PAPER));
    expect(page).toMatchObject({ kind: 'html', arxivId: { id: '2503.10725', version: 1, style: 'new' }, position: 'afterend' });
    // `center > h1` "EPTCS 421" is followed by the h1 holding the proceedings' title: the card goes after both.
    expect(page?.anchor.tagName).toBe('H1');
    expect(page?.anchor.parentElement?.tagName).toBe('CENTER');
    expect(page?.anchor.previousElementSibling?.textContent).toBe('EPTCS 421');
    expect(page?.anchor.textContent).toContain('Automated Deduction in Geometry');
  });

  it('puts the card at the top of the body of an HTML paper without any heading', () => {
    const doc = parsePage('<!DOCTYPE html><html><head></head><body><address><p>arXiv:2503.10725v1</p></address><p>Just text.</p></body></html>');
    const page = readPaperPage('https://arxiv.org/html/2503.10725v1/', doc);
    expect(page).toMatchObject({ kind: 'html', arxivId: { id: '2503.10725' }, position: 'afterbegin' });
    expect(page?.anchor).toBe(doc.body);
  });

  it('reads old-style ids as old style (they are never sent to HF)', () => {
    const html = absPage({ id: 'hep-th/9901001', title: 'Old paper', abstract: 'Old.', authors: ['A'] });
    expect(readPaperPage('https://arxiv.org/abs/hep-th/9901001v1', parsePage(html))?.arxivId).toMatchObject({ id: 'hep-th/9901001', style: 'old' });
  });

  it("falls back to the page's citation_arxiv_id meta when the URL names no id", () => {
    const page = readPaperPage('https://arxiv.org/abs/', parsePage(ABS));
    expect(page?.arxivId.id).toBe('2506.06276');
  });

  it('gives nothing when an abstract page’s title cannot be found (markup changed) or the page is another kind', () => {
    expect(readPaperPage('https://arxiv.org/abs/2506.06276', parsePage(ABS.replace('class="title mathjax"', 'class="paper-title"')))).toBeUndefined();
    expect(readPaperPage('https://arxiv.org/list/cs.CL/new', parsePage(ABS))).toBeUndefined();
    expect(readPaperPage('not a url', parsePage(ABS))).toBeUndefined();
  });

  it('tells page kinds from paths', () => {
    expect(paperPageKind('https://arxiv.org/abs/2506.06276')).toBe('abs');
    expect(paperPageKind('https://arxiv.org/html/2506.06276v1/')).toBe('html');
    expect(paperPageKind('https://arxiv.org/pdf/2506.06276')).toBeUndefined();
  });
});

describe('paperIdInUrl', () => {
  it('reads the new-style id of an abstract or HTML paper URL, before the page is parsed', () => {
    expect(paperIdInUrl('https://arxiv.org/abs/2506.06276')).toBe('2506.06276');
    expect(paperIdInUrl('https://arxiv.org/abs/2506.06276v2')).toBe('2506.06276');
    expect(paperIdInUrl('https://arxiv.org/html/2506.06276v1')).toBe('2506.06276');
  });

  it('is undefined for old-style ids, other pages and URLs naming no paper', () => {
    expect(paperIdInUrl('https://arxiv.org/abs/hep-th/9901001')).toBeUndefined();
    expect(paperIdInUrl('https://arxiv.org/list/cs.CL/new')).toBeUndefined();
    expect(paperIdInUrl('https://arxiv.org/pdf/2506.06276')).toBeUndefined();
    expect(paperIdInUrl('https://arxiv.org/abs/')).toBeUndefined();
    expect(paperIdInUrl('not a url')).toBeUndefined();
  });
});
