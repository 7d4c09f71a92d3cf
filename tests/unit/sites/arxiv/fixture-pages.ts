/** Small fixture pages for the unit tests: real structure, made-up content. */
import { absPage } from '../../../fixtures/arxiv/abs-page';
import { htmlPaper } from '../../../fixtures/arxiv/html-paper';
import { plainHtmlPaper } from '../../../fixtures/arxiv/html-paper-plain';
import { catchupPage, newListingPage, recentListingPage, type ListingEntryFixture } from '../../../fixtures/arxiv/listing-page';
import { searchPage } from '../../../fixtures/arxiv/search-page';

export const entry = (id: string, title = `Paper ${id}`): ListingEntryFixture => ({
  id,
  title,
  authors: ['Jiatao Gu', 'Tianrong Chen'],
  abstract: `Abstract of ${id}.`,
  comments: '23 pages',
});

export const ABS = absPage({ id: '2506.06276', version: 2, title: 'STARFlow', abstract: 'We present STARFlow.', authors: ['Jiatao Gu'] });
export const HTML_PAPER = htmlPaper({ id: '2506.06276', title: 'STARFlow', abstract: 'We present STARFlow.', authors: ['Jiatao Gu'] });
/** An HTML paper LaTeXML did not make (an EPTCS proceedings index): no `ltx_` class at all. */
export const PLAIN_HTML_PAPER = plainHtmlPaper({ id: '2503.10725', title: 'Automated Deduction in Geometry', authors: ['Pedro Quaresma', 'Zoltán Kovács'] });

export const NEW_LISTING = newListingPage({
  category: 'cs.CL',
  categoryName: 'Computation and Language',
  announced: 'Friday, 6 June 2025',
  newSubmissions: [entry('2506.05001'), entry('2506.05002'), entry('2506.05003')],
  crossLists: [entry('2506.04001'), entry('2506.04002')],
  replacements: [entry('2505.01001'), entry('2312.00001')],
});

export const RECENT_LISTING = recentListingPage({
  category: 'cs.CL',
  categoryName: 'Computation and Language',
  subcontext: 'pastweek',
  show: 2000,
  days: [
    { day: 'Fri, 6 Jun 2025', entries: [entry('2506.05001'), entry('2506.05002')] },
    { day: 'Thu, 5 Jun 2025', entries: [entry('2506.04001')] },
  ],
});

export const CATCHUP = catchupPage({
  category: 'cs.CL',
  categoryName: 'Computation and Language',
  date: '2025-06-05',
  dayLabel: 'Thu, 05 Jun 2025',
  newSubmissions: [entry('2506.04001')],
  crossLists: [entry('2506.04101')],
  replacements: [entry('2506.00001')],
});

export const SEARCH = searchPage({
  query: 'normalizing flows',
  results: [
    { id: '2506.06276', title: 'STARFlow', authors: ['Jiatao Gu'], abstract: 'We present STARFlow.' },
    { id: '2412.06264', version: 2, title: 'Flow matching', authors: ['A B'], abstract: 'Flows.' },
  ],
});
