/**
 * The papers of a Reddit page, new or old: a link post pointing to a paper (badge after its title),
 * and paper links in post texts and comments (badge after the link). Reddit may send a post's link
 * through out.reddit.com: the real target is read from its `url` parameter, never opened.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';
import type { PaperMention } from '../kit/link-badges';
import { findPaperLinks, selectAll } from '../kit/paper-links';
import { NEW_POST, NEW_POST_TITLE, OLD_POST, OLD_POST_TITLE, TEXT_PAPER_LINK } from './page-selectors';

/** The link a post points to, unwrapped from an out.reddit.com redirect. */
export function postTarget(href: string): string {
  try {
    const url = new URL(href);
    if (url.hostname === 'out.reddit.com') return url.searchParams.get('url') ?? href;
  } catch {
    // Not a URL: no paper.
  }
  return href;
}

function paperOfHref(href: string | null): string | undefined {
  const parsed = href ? arxivIdFromUrl(postTarget(href)) : undefined;
  return parsed?.style === 'new' ? parsed.id : undefined;
}

export function findRedditPapers(root: ParentNode): PaperMention[] {
  const found: PaperMention[] = [];
  const posts = (selector: string, attribute: string, title: string) => {
    for (const post of selectAll(root, selector)) {
      const id = paperOfHref(post.getAttribute(attribute));
      // The post's own title element, not a nested post's (a crosspost embeds another).
      const titleElement = [...post.querySelectorAll(title)].find((el) => el.closest(selector) === post);
      if (id && titleElement) found.push({ link: titleElement, id });
    }
  };
  posts(NEW_POST, 'content-href', NEW_POST_TITLE);
  posts(OLD_POST, 'data-url', OLD_POST_TITLE);
  found.push(...findPaperLinks(root, TEXT_PAPER_LINK));
  return found;
}
