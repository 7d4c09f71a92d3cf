/**
 * Every selector of lib/sites/arxiv/page-selectors.ts against the fixture page that copies the real page it
 * is for, and the quiet nothing when the markup is not what it expects.
 */
import { describe, expect, it } from 'vitest';
import { ABS_PAGE, HTML_PAPER, LISTING_PAGE, SEARCH_PAGE } from '../../../../lib/sites/arxiv/page-selectors';
import { ABS, CATCHUP, HTML_PAPER as HTML_PAPER_PAGE, NEW_LISTING, PLAIN_HTML_PAPER, RECENT_LISTING, SEARCH } from './fixture-pages';
import { parsePage } from './dom';

describe('abstract page selectors', () => {
  const doc = parsePage(ABS);
  it('finds the title heading and the id meta', () => {
    expect(doc.querySelectorAll(ABS_PAGE.title)).toHaveLength(1);
    expect(doc.querySelector(ABS_PAGE.title)?.textContent).toContain('STARFlow');
    expect(doc.querySelector(ABS_PAGE.arxivIdMeta)?.getAttribute('content')).toBe('2506.06276');
  });
});

describe('HTML paper selectors', () => {
  it('finds the document title, not the section titles', () => {
    const doc = parsePage(HTML_PAPER_PAGE);
    expect(doc.querySelectorAll(HTML_PAPER.title)).toHaveLength(1);
    expect(doc.querySelector(HTML_PAPER.title)?.textContent).toBe('STARFlow');
  });

  it('on an HTML paper LaTeXML did not make: no document title, and the headings are the page’s own', () => {
    const doc = parsePage(PLAIN_HTML_PAPER);
    expect(doc.querySelectorAll(HTML_PAPER.title)).toHaveLength(0);
    expect(doc.querySelectorAll('[class*="ltx_"]')).toHaveLength(0);
    const headings = [...doc.querySelectorAll(HTML_PAPER.heading)].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(headings[0]).toBe('EPTCS 421');
    expect(headings).toContain('Preface');
  });
});

describe('listing selectors', () => {
  it.each([
    ['/new', NEW_LISTING, 3, 7],
    ['/pastweek', RECENT_LISTING, 2, 3],
    ['/catchup', CATCHUP, 3, 3],
  ])('%s: one section per dl#articles, one dt per entry with its abstract link', (_, html, sections, entries) => {
    const doc = parsePage(html);
    const found = [...doc.querySelectorAll(LISTING_PAGE.section)];
    expect(found).toHaveLength(sections);
    const terms = found.flatMap((section) => [...section.children].filter((c) => c.matches(LISTING_PAGE.entry)));
    expect(terms).toHaveLength(entries);
    for (const term of terms) expect(term.querySelector(LISTING_PAGE.abstractLink)?.getAttribute('href')).toMatch(/^\/abs\//);
    expect(doc.querySelector(LISTING_PAGE.toolbarSection)).toBe(found[0]);
    // Each section's heading is its first element (the toolbar goes at the end of the first's line).
    for (const section of found) expect(section.firstElementChild?.matches(LISTING_PAGE.sectionHeading)).toBe(true);
  });
});

describe('search selectors', () => {
  it('finds each result, its abstract link, its first line and its title', () => {
    const doc = parsePage(SEARCH);
    const list = doc.querySelectorAll(SEARCH_PAGE.results);
    expect(list).toHaveLength(1);
    const results = [...list[0]!.querySelectorAll(SEARCH_PAGE.entry)];
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.querySelector(SEARCH_PAGE.abstractLink)?.getAttribute('href'))).toEqual([
      'https://arxiv.org/abs/2506.06276',
      'https://arxiv.org/abs/2412.06264v2',
    ]);
    expect(results.every((r) => r.querySelector(SEARCH_PAGE.idLine)?.parentElement?.matches('li > div.is-marginless'))).toBe(true);
    expect(results[0]!.querySelector(SEARCH_PAGE.title)?.textContent?.trim()).toBe('STARFlow');
    // arXiv's sort control (the main form's hidden `order` is an input, not it), in its row above the results.
    const sort = doc.querySelectorAll(SEARCH_PAGE.sortControl);
    expect(sort).toHaveLength(1);
    expect(sort[0]!.closest(SEARCH_PAGE.sortRow)?.className).toBe('level breathe-horizontal');
  });
});
