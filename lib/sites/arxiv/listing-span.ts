/**
 * Which papers an arXiv listing can show, from its URL alone: asked for at document_start, before the
 * page's ids are known, so that the page is sent the badges of those papers only (a month's, or the
 * newest months'), not a year of them (../../shared/badge-index.ts). Its other ids (a /new page's
 * replacements of older papers, a search's results) are asked about once the page is read.
 */
import type { BadgeSpanAsk } from '../../shared/messages';
import { monthsSpan, shiftMonth } from '../../shared/badge-index';

/** `/list/cs.LG/2024-10` (arXiv's own links), `/list/cs.LG/202410`, `/list/cs.LG/2410`: a month's list. */
const MONTH_LIST = /^\/list\/[^/]+\/(?:20)?(\d\d)-?(\d\d)\/?$/;
/** `/list/cs.LG/24`: a year's. */
const YEAR_LIST = /^\/list\/[^/]+\/(\d\d)\/?$/;
/** `/catchup/cs.LG/2025-06-05`: one day's announcement. */
const CATCHUP_DAY = /^\/catchup\/[^/]+\/20(\d\d)-(\d\d)-\d\d\/?$/;

/** New-style ids began in April 2007 (`0704.`): an older month's papers all have old-style ids, which HF has no pages for. */
const FIRST_NEW_STYLE_MONTH = '0704';

const validMonth = (yy: string, mm: string): string | undefined => {
  const month = Number(mm);
  return month >= 1 && month <= 12 ? `${yy}${mm}` : undefined;
};

/** A span of months, none of them before new-style ids (then the page's ids are asked about, the old-style ones never). */
const months = (first: string, last: string): BadgeSpanAsk => (last < FIRST_NEW_STYLE_MONTH ? 'none' : monthsSpan(first < FIRST_NEW_STYLE_MONTH ? FIRST_NEW_STYLE_MONTH : first, last));

/**
 * A month's list: that month's ids; a year's: its twelve months'; a catchup day: its month and the one
 * before (what it announces was submitted in the days before it); search results: none (any paper, a
 * page of them asked about); anything else (/new, /recent, /pastweek, /current, a form arXiv adds):
 * the newest. A URL read wrong costs time, never a badge: ids outside the span are asked about.
 */
export function listingSpan(href: string): BadgeSpanAsk {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return 'newest';
  }
  if (path.startsWith('/search')) return 'none';
  const month = MONTH_LIST.exec(path);
  if (month) {
    const yymm = validMonth(month[1]!, month[2]!);
    return yymm ? months(yymm, yymm) : 'newest';
  }
  const year = YEAR_LIST.exec(path);
  if (year) return months(`${year[1]!}01`, `${year[1]!}12`);
  const day = CATCHUP_DAY.exec(path);
  if (day) {
    const yymm = validMonth(day[1]!, day[2]!);
    return yymm ? months(shiftMonth(yymm, -1), yymm) : 'newest';
  }
  return 'newest';
}
