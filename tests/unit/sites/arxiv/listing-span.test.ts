import { describe, expect, it } from 'vitest';
import { listingSpan } from '../../../../lib/sites/arxiv/listing-span';

describe('listingSpan: which papers a listing can show, from its URL', () => {
  it("names a month list's month, in each form arXiv takes", () => {
    for (const url of ['https://arxiv.org/list/cs.LG/2024-10', 'https://arxiv.org/list/cs.LG/2410?skip=0&show=2000', 'https://arxiv.org/list/cs.LG/202410', 'https://arxiv.org/list/cs/2024-10/']) {
      expect(listingSpan(url), url).toEqual({ from: '2410.', to: '2411.' });
    }
    expect(listingSpan('https://arxiv.org/list/cs.LG/2025-12')).toEqual({ from: '2512.', to: '2601.' });
  });

  it("names a year list's twelve months, and a catchup day's month with the one before it", () => {
    expect(listingSpan('https://arxiv.org/list/cs.LG/25')).toEqual({ from: '2501.', to: '2601.' });
    expect(listingSpan('https://arxiv.org/catchup/cs.CL/2025-06-05?abs=True')).toEqual({ from: '2505.', to: '2507.' });
    expect(listingSpan('https://arxiv.org/catchup/cs.CL/2026-01-02')).toEqual({ from: '2512.', to: '2602.' });
  });

  it('asks for the newest months for the last days (/new, /recent, /pastweek, /current) and any form it does not know', () => {
    for (const url of [
      'https://arxiv.org/list/cs.CL/new',
      'https://arxiv.org/list/cs.CL/recent',
      'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000',
      'https://arxiv.org/list/cs.CL/current',
      'https://arxiv.org/list/?archive=cs&year=25&month=06',
      'https://arxiv.org/catchup?smonth=06&group=grp_&sday=05&num=50&archive=cs',
      'https://arxiv.org/list/cs.LG/2024-13',
      'https://arxiv.org/list/cs.LG/2024',
      'not a url',
    ]) {
      expect(listingSpan(url), url).toBe('newest');
    }
  });

  it('asks for nothing up front for search results (any paper: each asked about), nor for months before new-style ids', () => {
    expect(listingSpan('https://arxiv.org/search/?query=normalizing+flows&searchtype=all')).toBe('none');
    expect(listingSpan('https://arxiv.org/search/advanced?terms-0-term=flows')).toBe('none');
    expect(listingSpan('https://arxiv.org/list/hep-th/0612')).toBe('none');
    expect(listingSpan('https://arxiv.org/list/hep-th/2007-04')).toEqual({ from: '0704.', to: '0705.' });
    // A year that began before them: from their first month.
    expect(listingSpan('https://arxiv.org/list/hep-th/07')).toEqual({ from: '0704.', to: '0801.' });
  });
});
