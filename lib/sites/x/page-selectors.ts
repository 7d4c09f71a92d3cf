/**
 * X's markup the badges rely on, checked against tests/fixtures/x/ (modelled on real serialized posts of
 * 2023-12 and 2024-05 and 2025–2026 extractors, named in the fixture's header) by
 * tests/unit/sites/x/posts.test.ts. X's generated `css-…`/`r-…` classes change every few months:
 * only test ids, roles and hrefs are used. When X changes, no badge.
 */

/** A post, in a timeline or on its page. */
export const POST = 'article[data-testid="tweet"]';

/** A link in a post's text: href is t.co, the real URL only in its text (hidden spans hold the cut parts). */
export const TEXT_LINK = 'div[data-testid="tweetText"] a[href^="https://t.co/"]';

/** A link card. A large one's t.co anchor has `aria-label` "<domain> <title>"; a small one shows domain, title and description as three `div[dir]`. */
export const CARD = 'div[data-testid="card.wrapper"]';
export const CARD_LINK = 'a[href^="https://t.co/"][aria-label]';
export const SMALL_CARD_LINES = '[data-testid="card.layoutSmall.detail"] > div[dir]';
