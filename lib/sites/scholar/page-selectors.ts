/**
 * Google Scholar's result markup the badges rely on, checked against tests/fixtures/scholar/ (modelled on
 * a results page saved in December 2023 whose structure a September 2025 snippet confirms; named in the
 * fixture's header) by tests/unit/sites/scholar/results.test.ts. When Scholar changes, no badge.
 */

/** One result (`data-cid` is Scholar's cluster key). */
export const RESULT = 'div.gs_r.gs_or.gs_scl[data-cid]';

/** The result's title: a link (`h3.gs_rt > a`), or for a citation-only result a `span[id]`. */
export const TITLE = 'h3.gs_rt > a, h3.gs_rt > span[id]';

/** The side link to a full text, e.g. `[PDF] arxiv.org`. */
export const SIDE_LINK = 'div.gs_ggs .gs_or_ggsm a[href]';
