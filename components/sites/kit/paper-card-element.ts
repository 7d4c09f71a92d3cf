/**
 * The fuller card on abstract and HTML pages (arXiv's, alphaXiv's) as plain DOM, for its first paint:
 * the badge, then (expanded) the one-line AI summary, keywords, code, project page, organization and the
 * day on Daily Papers. Built without a renderer, as the listings' badges are: the card is painted while
 * the page loads, and a renderer's first run in a freshly injected script is most of what the card cost
 * the page. What follows it (the linked models, datasets and Spaces, the discussion) goes into two
 * slots of its own, after the page's load or on a click. Every string is text (the summary's `**bold**`
 * as `<strong>` elements); links are the checked ones of `paperFacts`.
 */
import type { PaperCardData } from '../../../lib/shared/messages';
import { hfPaperUrl } from '../../../lib/shared/paper';
import { hasCardDetails, paperFacts, type PaperFact } from '../../../lib/sites/kit/paper-facts';
import { element, emphasisNodes } from './element';
import { createUpvoteBadge } from './upvote-badge-element';

export interface PaperCardElement {
  card: HTMLElement;
  /** Where the linked models, datasets and Spaces go (empty until then). */
  links: HTMLElement;
  /** Where the discussion goes (empty when there is none to show). */
  discussion: HTMLElement;
}

export interface PaperCardOptions {
  initiallyCollapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  /**
   * The linked part (models, datasets, Spaces) will be asked for: its line is held from the first paint
   * (`LINKS_PENDING`), so the page under the card does not move when the answer comes after the page's load.
   */
  linksPending?: boolean;
}

/** The class of the linked part's line while its answer is on its way (./LinkedRepos.tsx draws the answer in its place). */
export const LINKS_PENDING = 'dpl-linked-pending';

const toggleLabel = (collapsed: boolean) => (collapsed ? 'Show details' : 'Hide details');

function factValue(doc: Document, fact: PaperFact): HTMLElement {
  const value = fact.href ? element(doc, 'a', { href: fact.href, target: '_blank', rel: 'noopener noreferrer' }, [fact.text]) : fact.text;
  return element(doc, 'dd', {}, [value, fact.extra && ` ${fact.extra}`]);
}

function details(doc: Document, paper: PaperCardData, collapsed: boolean): HTMLElement {
  const keywords = paper.aiKeywords ?? [];
  const box = element(doc, 'div', { id: 'dpl-card-details', 'data-testid': 'dpl-card-details' }, [
    paper.aiSummary ? element(doc, 'p', { class: 'dpl-summary', 'data-testid': 'dpl-ai-summary' }, emphasisNodes(doc, paper.aiSummary)) : undefined,
    keywords.length > 0 &&
      element(
        doc,
        'ul',
        { class: 'dpl-keywords', 'aria-label': 'Keywords' },
        keywords.map((keyword) => element(doc, 'li', {}, [keyword])),
      ),
    element(
      doc,
      'dl',
      { class: 'dpl-facts' },
      paperFacts(paper).flatMap((fact) => [element(doc, 'dt', {}, [fact.label]), factValue(doc, fact)]),
    ),
  ]);
  box.hidden = collapsed;
  return box;
}

export function createPaperCard(doc: Document, paper: PaperCardData, options: PaperCardOptions): PaperCardElement {
  const header = element(doc, 'div', { class: 'dpl-card-header' }, [
    element(doc, 'span', { class: 'dpl-brand' }, ['Daily Papers Lens']),
    createUpvoteBadge(doc, paper, { highlighted: false }),
  ]);
  const links = doc.createElement('div');
  if (options.linksPending) {
    links.append(element(doc, 'div', { class: `dpl-linked ${LINKS_PENDING}`, 'aria-hidden': 'true' }, [element(doc, 'span', {}, ['Models … · Datasets … · Spaces …'])]));
  }
  const discussion = doc.createElement('div');
  const card = element(
    doc,
    'section',
    { class: 'dpl-card', 'aria-label': 'Daily Papers Lens: this paper on Hugging Face Daily Papers', 'data-testid': 'dpl-card' },
    [header],
  );
  if (hasCardDetails(paper)) {
    let collapsed = options.initiallyCollapsed;
    const box = details(doc, paper, collapsed);
    const toggle = element(doc, 'button', { type: 'button', class: 'dpl-toggle', 'aria-expanded': String(!collapsed), 'aria-controls': box.id }, [
      toggleLabel(collapsed),
    ]);
    toggle.addEventListener('click', () => {
      collapsed = !collapsed;
      box.hidden = collapsed;
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.textContent = toggleLabel(collapsed);
      options.onCollapsedChange(collapsed);
    });
    header.append(toggle);
    card.append(box);
  }
  card.append(links, discussion);
  return { card, links, discussion };
}

/** On a paper page HF does not know: a quiet link to the paper's HF page, where it can be added. */
export function createUnknownPaperLink(doc: Document, id: string): HTMLAnchorElement {
  return element(
    doc,
    'a',
    {
      class: 'dpl-quiet',
      href: hfPaperUrl(id),
      target: '_blank',
      rel: 'noopener noreferrer',
      title: 'Daily Papers Lens: Hugging Face Daily Papers has no entry for this paper yet',
      'data-testid': 'dpl-unknown',
    },
    ['🤗 Not on Hugging Face Daily Papers yet · open it on Hugging Face, where it can be added'],
  );
}
