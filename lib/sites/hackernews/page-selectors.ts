/**
 * Hacker News's markup the badges rely on, checked against tests/fixtures/hackernews/ (modelled on the
 * front page of 2026-08-09 and the item page's comment rows, named in the fixture's header) by
 * tests/unit/sites/hackernews/paper-links.test.ts. When HN changes and one stops matching, no badge.
 */
import { PAPER_HREF } from '../kit/paper-links';

/** A story's title line (`tr.athing.submission` > `span.titleline`: its link, then `span.sitebit` "(arxiv.org)"), on listings and item pages. */
export const STORY_TITLE_LINE = 'tr.athing.submission span.titleline';

/** A story's title link. */
export const STORY_TITLE_LINK = `${STORY_TITLE_LINE} > a`;

/** Links inside comments (`div.commtext`) and an Ask HN post's text (`div.toptext`). */
export const TEXT_LINKS = ':is(div.commtext, div.toptext)';

/** The anchors of comments and post texts that may cite a paper: their badges go right after them, as they are parsed. */
export const HN_TEXT_PAPER_LINK = PAPER_HREF.split(', ')
  .map((anchor) => `${TEXT_LINKS} ${anchor}`)
  .join(', ');

/** Every anchor of a page that may cite a paper: titles, comments and post texts; not the nav or the `from?site=` links. */
export const HN_PAPER_LINK = `${STORY_TITLE_LINK}, ${HN_TEXT_PAPER_LINK}`;

/**
 * The links a page badges as they are parsed (runLinkSite's `whileParsed`): on an item page, a thread
 * that may be long and is shown in part long before it is whole, its comments' and post text's links.
 * Elsewhere nothing: the front page and its like list titles only, whose badges go at the end of their
 * lines once the page is read, so watching its parse would cost and spare nothing.
 */
export function hnLinksWhileParsed(url: string): string | undefined {
  try {
    return new URL(url).pathname === '/item' ? HN_TEXT_PAPER_LINK : undefined;
  } catch {
    return undefined;
  }
}
