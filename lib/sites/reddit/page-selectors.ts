/**
 * Reddit's markup the badges rely on, new ("shreddit", www.reddit.com) and old (old.reddit.com),
 * checked against tests/fixtures/reddit/ (modelled on the live server-rendered HTML of 2025–2026 and
 * old reddit's decade-frozen `div.thing`, named in the fixtures' headers) by
 * tests/unit/sites/reddit/posts.test.ts. When Reddit changes, no badge.
 */
import { PAPER_HREF } from '../kit/paper-links';

/** A post (feed or post page); `content-href` is its link, maybe through out.reddit.com. */
export const NEW_POST = 'shreddit-post[content-href]';
/** The post's title: `a[slot="title"]` in a feed, `h1[slot="title"]` on its page. */
export const NEW_POST_TITLE = '[slot="title"]';

/** An old reddit link post: `data-url` is its link; the badge follows `p.title > a.title`. */
export const OLD_POST = 'div.thing.link[data-url]';
export const OLD_POST_TITLE = 'p.title > a.title';

/** Links in texts people write: new reddit's post bodies and comments, old reddit's `div.md`. */
const TEXTS = ['shreddit-post [slot="text-body"]', 'shreddit-comment [slot="comment"]', 'div.md'];
// Spelled out, not `:is(a b, …)`: complex selectors inside :is() are read differently by some DOMs.
export const TEXT_PAPER_LINK = TEXTS.flatMap((text) => PAPER_HREF.split(', ').map((anchor) => `${text} ${anchor}`)).join(', ');
