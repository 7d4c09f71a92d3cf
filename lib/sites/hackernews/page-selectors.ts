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

/** Every anchor of a page that may cite a paper: titles, comments and post texts; not the nav or the `from?site=` links. */
export const HN_PAPER_LINK = [STORY_TITLE_LINK, ...PAPER_HREF.split(', ').map((anchor) => `${TEXT_LINKS} ${anchor}`)].join(', ');
