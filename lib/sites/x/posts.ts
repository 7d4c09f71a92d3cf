/**
 * The papers of X's posts. X wraps every link in t.co; the real target is only in what the page shows:
 * a text link's textContent (hidden spans hold the scheme and the cut tail; a trailing "…" is X's) and,
 * for a card, its domain and title (matched against the title index, for paper domains only). A t.co
 * link is never opened.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';
import type { TitleMatcher } from '../../shared/title-index';
import type { PaperMention } from '../kit/link-badges';
import { selectAll } from '../kit/paper-links';
import { CARD, CARD_LINK, POST, SMALL_CARD_LINES, TEXT_LINK } from './page-selectors';

/** The URL a text link shows (its whole textContent, X's "…" dropped); undefined when that is not an http(s) URL. */
export function shownUrl(link: Element): string | undefined {
  const text = (link.textContent ?? '').trim().replace(/…$/, '');
  return /^https?:\/\/\S+$/.test(text) ? text : undefined;
}

/** Cards of these sites are papers when their title names one. */
const PAPER_DOMAINS = ['arxiv.org', 'huggingface.co', 'alphaxiv.org'];

/** The title a card's label gives after a paper site's domain ("arxiv.org Title"); undefined for any other site. */
export function cardPaperTitle(label: string): string | undefined {
  const domain = PAPER_DOMAINS.find((d) => label.startsWith(`${d} `));
  return domain ? label.slice(domain.length + 1).trim() || undefined : undefined;
}

/** The paper title a card shows, if it is a paper site's card. */
export function cardTitle(card: Element): string | undefined {
  const label = card.querySelector(CARD_LINK)?.getAttribute('aria-label');
  if (label) return cardPaperTitle(label);
  const [domain, title] = [...card.querySelectorAll(SMALL_CARD_LINES)].map((line) => (line.textContent ?? '').trim());
  return domain && title && PAPER_DOMAINS.includes(domain) ? title : undefined;
}

function postsUnder(root: ParentNode): Element[] {
  // A part added inside a post already in the page (X renders a post in pieces) is read with its post.
  const around = root instanceof Element ? root.closest(POST) : null;
  return around ? [around] : selectAll(root, POST);
}

export function findXPapers(root: ParentNode, titles: TitleMatcher | undefined): PaperMention[] {
  const found: PaperMention[] = [];
  for (const post of postsUnder(root)) {
    const ids = new Set<string>();
    for (const link of post.querySelectorAll(TEXT_LINK)) {
      const url = shownUrl(link);
      const parsed = url ? arxivIdFromUrl(url) : undefined;
      if (parsed?.style !== 'new') continue;
      ids.add(parsed.id);
      found.push({ link, id: parsed.id });
    }
    for (const card of post.querySelectorAll(CARD)) {
      const title = cardTitle(card);
      const id = title ? titles?.match(title) : undefined;
      // A card of a paper the text already links gets no second badge.
      if (id && !ids.has(id)) {
        ids.add(id);
        found.push({ link: card, id });
      }
    }
  }
  return found;
}
