import { describe, expect, it } from 'vitest';
import { listingToolbarAnchor, listingToolbarPlace, readListingPage } from '../../../../lib/sites/arxiv/listing-page';
import { monthListingPage, newListingPage } from '../../../fixtures/arxiv/listing-page';
import { CATCHUP, entry, NEW_LISTING, RECENT_LISTING } from './fixture-pages';
import { parsePage } from './dom';

describe('readListingPage', () => {
  it('reads /new: new submissions, cross-lists and replacements, in page order, each dt with its dd', () => {
    const doc = parsePage(NEW_LISTING);
    const entries = readListingPage(doc, 'https://arxiv.org/list/cs.CL/new');
    expect(entries.map((e) => e.arxivId.id)).toEqual(['2506.05001', '2506.05002', '2506.05003', '2506.04001', '2506.04002', '2505.01001', '2312.00001']);
    for (const e of entries) {
      expect(e.nodes.map((n) => n.localName)).toEqual(['dt', 'dd']);
      expect(e.badgeSlot).toBe(e.nodes[0]);
      expect(e.section.localName).toBe('dl');
    }
    const sections = new Set(entries.map((e) => e.section));
    expect(sections.size).toBe(3);
    expect([...sections].map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'New submissions (showing 3 of 3 entries)',
      'Cross submissions (showing 2 of 2 entries)',
      'Replacement submissions (showing 2 of 2 entries)',
    ]);
    expect(listingToolbarAnchor(doc)).toBe(entries[0]!.section);
    // The toolbar goes at the end of the first section's heading's line, in the room its 40 characters leave.
    expect(listingToolbarPlace(doc)).toEqual({ beside: entries[0]!.section.querySelector('h3'), textEm: 40 * 0.6, raise: 8 });
  });

  it("puts the toolbar beside a month list's paging lines, right before its one section (which has no heading), in the room the longer leaves", () => {
    const month = (total: number) =>
      parsePage(monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-06', monthName: 'June 2025', entries: [entry('2506.05001')], total }));
    const doc = month(2000);
    const section = listingToolbarAnchor(doc)!;
    expect(section.querySelector('h3')).toBeNull();
    const paging = doc.querySelector('div.paging')!;
    expect(paging.textContent!.trim().replace(/\s+/g, ' ')).toBe('Total of 2000 entries : 1-50 51-100 101-150 151-200 ... 1951-2000');
    expect(listingToolbarPlace(doc)).toEqual({ beside: paging, textEm: 65 * 0.5, raise: 3 });
    // One page: the line of how many a page shows is the longer.
    expect(listingToolbarPlace(month(12))).toMatchObject({ textEm: 53 * 0.5 });
  });

  it('puts the toolbar before the first section where nothing it can sit beside is right above its entries, and nowhere without a listing', () => {
    const doc = parsePage(monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-06', monthName: 'June 2025', entries: [entry('2506.05001')] }));
    const section = listingToolbarAnchor(doc)!;
    doc.querySelector('div.morefewer')!.remove();
    expect(listingToolbarPlace(doc)).toEqual({ before: section });
    section.before(doc.createElement('div'));
    doc.querySelector('div.paging')!.classList.replace('paging', 'pages');
    expect(listingToolbarPlace(doc)).toEqual({ before: section });
    expect(listingToolbarPlace(parsePage('<html><body><p>No listing</p></body></html>'))).toBeNull();
  });

  it('reads /pastweek (one section per day) and /catchup', () => {
    expect(readListingPage(parsePage(RECENT_LISTING), 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000').map((e) => e.arxivId.id)).toEqual([
      '2506.05001',
      '2506.05002',
      '2506.04001',
    ]);
    expect(readListingPage(parsePage(CATCHUP), 'https://arxiv.org/catchup/cs.CL/2025-06-05').map((e) => e.arxivId.id)).toEqual([
      '2506.04001',
      '2506.04101',
      '2506.00001',
    ]);
  });

  it('resolves relative links against the page (export.arxiv.org too) and keeps old-style ids as old style', () => {
    const html = newListingPage({
      category: 'hep-th',
      categoryName: 'High Energy Physics - Theory',
      announced: 'Friday, 6 June 2025',
      newSubmissions: [entry('hep-th/9901001'), entry('2506.05001')],
      crossLists: [],
      replacements: [],
    });
    const entries = readListingPage(parsePage(html), 'https://export.arxiv.org/list/hep-th/new');
    expect(entries.map((e) => [e.arxivId.id, e.arxivId.style])).toEqual([
      ['hep-th/9901001', 'old'],
      ['2506.05001', 'new'],
    ]);
  });

  it('skips entries whose abstract link is gone, and reads nothing when the sections are gone', () => {
    const broken = NEW_LISTING.replace('title="Abstract" id="2506.05002"', 'title="Resumé" id="x"');
    expect(readListingPage(parsePage(broken), 'https://arxiv.org/list/cs.CL/new').map((e) => e.arxivId.id)).not.toContain('2506.05002');
    const renamed = NEW_LISTING.replaceAll("<dl id='articles'>", "<dl id='papers'>");
    expect(readListingPage(parsePage(renamed), 'https://arxiv.org/list/cs.CL/new')).toEqual([]);
  });

  it('reads a paper listed twice (a new submission and a cross-list) in each of its places', () => {
    const html = newListingPage({
      category: 'cs.CL',
      categoryName: 'CL',
      announced: 'Friday, 6 June 2025',
      newSubmissions: [entry('2506.05001')],
      crossLists: [entry('2506.05001')],
      replacements: [],
    });
    const entries = readListingPage(parsePage(html), 'https://arxiv.org/list/cs.CL/new');
    expect(entries.map((e) => e.arxivId.id)).toEqual(['2506.05001', '2506.05001']);
    expect(entries[0]!.section).not.toBe(entries[1]!.section);
  });
});
