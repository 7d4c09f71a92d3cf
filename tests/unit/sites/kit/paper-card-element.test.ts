// @vitest-environment happy-dom
/** The paper card's first paint, as plain DOM: its markup, text kept as text, the details' toggle. */
import { describe, expect, it, vi } from 'vitest';
import { createPaperCard, createUnknownPaperLink, LINKS_PENDING } from '../../../../components/sites/kit/paper-card-element';
import type { PaperCardData } from '../../../../lib/shared/messages';

const HOSTILE = '<img src=x onerror=alert(1)>';
const paper: PaperCardData = {
  id: '2506.06276',
  upvotes: 21,
  numComments: 3,
  aiSummary: `STARFlow scales **normalizing flows** ${HOSTILE}`,
  aiKeywords: ['flows', HOSTILE],
  githubRepo: 'https://github.com/apple/ml-starflow',
  githubStars: 1234,
  projectPage: 'javascript:alert(1)',
  organization: { name: 'apple', fullname: HOSTILE },
  dailyDate: '2025-06-09',
};

function build(data: PaperCardData, initiallyCollapsed = false) {
  const onCollapsedChange = vi.fn();
  const made = createPaperCard(document, data, { initiallyCollapsed, onCollapsedChange });
  document.body.replaceChildren(made.card);
  return { ...made, onCollapsedChange, toggle: made.card.querySelector<HTMLButtonElement>('.dpl-toggle') };
}

describe('createPaperCard', () => {
  it('shows the badge, the summary with its bold terms, keywords and the facts, every string as text', () => {
    const { card } = build(paper);
    expect(card.getAttribute('data-testid')).toBe('dpl-card');
    expect(card.getAttribute('aria-label')).toBe('Daily Papers Lens: this paper on Hugging Face Daily Papers');
    const badge = card.querySelector('[data-testid="dpl-badge"]')!;
    expect(badge.getAttribute('href')).toBe('https://huggingface.co/papers/2506.06276');
    expect(badge.textContent).toContain('21');
    const summary = card.querySelector('[data-testid="dpl-ai-summary"]')!;
    expect(summary.textContent).toBe(`STARFlow scales normalizing flows ${HOSTILE}`);
    expect(summary.querySelector('strong')!.textContent).toBe('normalizing flows');
    expect([...card.querySelectorAll('.dpl-keywords li')].map((li) => li.textContent)).toEqual(['flows', HOSTILE]);
    expect([...card.querySelectorAll('.dpl-facts dt')].map((dt) => dt.textContent)).toEqual(['Code', 'Organization', 'On Daily Papers']);
    const code = card.querySelector<HTMLAnchorElement>('.dpl-facts a')!;
    expect(code.getAttribute('href')).toBe('https://github.com/apple/ml-starflow');
    expect(code.rel).toBe('noopener noreferrer');
    expect(code.parentElement!.textContent).toBe('apple/ml-starflow ★ 1,234');
    // Nothing hostile became an element or a link.
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelectorAll('a')).toHaveLength(2);
  });

  it('hides and shows its details, telling the toggle’s state and remembering the choice', () => {
    const { card, toggle, onCollapsedChange } = build(paper, true);
    const details = card.querySelector<HTMLElement>('[data-testid="dpl-card-details"]')!;
    expect(details.hidden).toBe(true);
    expect(toggle!.textContent).toBe('Show details');
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    expect(toggle!.getAttribute('aria-controls')).toBe(details.id);
    toggle!.click();
    expect(details.hidden).toBe(false);
    expect(toggle!.textContent).toBe('Hide details');
    expect(toggle!.getAttribute('aria-expanded')).toBe('true');
    expect(onCollapsedChange).toHaveBeenLastCalledWith(false);
    toggle!.click();
    expect(details.hidden).toBe(true);
    expect(onCollapsedChange).toHaveBeenLastCalledWith(true);
  });

  it('is only the badge when HF tells nothing more, with empty slots for what comes later', () => {
    const { card, toggle, links, discussion } = build({ id: '2506.06276', upvotes: 4 });
    expect(toggle).toBeNull();
    expect(card.querySelector('[data-testid="dpl-card-details"]')).toBeNull();
    expect(links.parentElement).toBe(card);
    expect(discussion.parentElement).toBe(card);
    expect(links.childNodes).toHaveLength(0);
    expect(discussion.childNodes).toHaveLength(0);
    expect(discussion.previousElementSibling).toBe(links);
  });

  it('holds the linked part’s line from the first paint when it will be asked for (hidden from screen readers until it is drawn)', () => {
    const made = createPaperCard(document, paper, { initiallyCollapsed: true, onCollapsedChange: vi.fn(), linksPending: true });
    const line = made.links.querySelector(`.${LINKS_PENDING}`);
    expect(line?.classList.contains('dpl-linked')).toBe(true);
    expect(line?.getAttribute('aria-hidden')).toBe('true');
    expect(line?.textContent).toBe('Models … · Datasets … · Spaces …');
    expect(made.links.childNodes).toHaveLength(1);
  });
});

describe('createUnknownPaperLink', () => {
  it('links to the paper’s HF page, where it can be added', () => {
    const link = createUnknownPaperLink(document, '2506.06276');
    expect(link.getAttribute('href')).toBe('https://huggingface.co/papers/2506.06276');
    expect(link.getAttribute('data-testid')).toBe('dpl-unknown');
    expect(link.target).toBe('_blank');
    expect(link.textContent).toContain('Not on Hugging Face Daily Papers yet');
  });
});
