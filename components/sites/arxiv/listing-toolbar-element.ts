/**
 * The listing toolbar above an arXiv listing: how many papers HF knows, and the one button that sorts
 * by upvotes and back. Plain DOM, like the badges (../kit/upvote-badge-element.ts): it is the listing
 * script's only other UI, and Preact's first render in a freshly injected script cost a 2000-entry
 * listing 3–7 ms before its first badges (measured with marks at DOMContentLoaded), plus Preact's
 * parse on every listing. Every string goes in as text.
 */
import { textSpan } from '../kit/element';

export interface ListingToolbarProps {
  /** Entries HF knows, of all entries on the page. */
  known: number;
  total: number;
  /** 0: no highlight. */
  highlightThreshold: number;
  highlighted: number;
  /** Reorders the listing by upvotes (true) or puts arXiv's order back (false). */
  onSortChange: (byUpvotes: boolean) => void;
}

export interface ListingToolbar {
  bar: HTMLDivElement;
  /** New counts: papers whose badge came later (a /new page's replacements, asked about once the page was read). */
  setCounts(known: number, highlighted: number): void;
}

export function createListingToolbar(doc: Document, { known, total, highlightThreshold, highlighted, onSortChange }: ListingToolbarProps): ListingToolbar {
  const bar = doc.createElement('div');
  bar.className = 'dpl-toolbar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Daily Papers Lens');
  bar.setAttribute('data-testid', 'dpl-toolbar');
  const counts = (known: number, highlighted: number) =>
    `${known} of ${total} on Hugging Face Daily Papers${highlightThreshold > 0 ? ` · ${highlighted} with ${highlightThreshold}+ upvotes highlighted` : ''}`;
  const text = textSpan(doc, 'dpl-toolbar-text', counts(known, highlighted));
  text.setAttribute('data-testid', 'dpl-toolbar-text');
  // The button says what it does next; `data-sorted` (styled) marks the listing as sorted.
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'dpl-button';
  button.setAttribute('data-testid', 'dpl-sort');
  let sorted = false;
  const show = () => {
    button.textContent = sorted ? 'Restore arXiv order' : 'Sort by upvotes';
    button.toggleAttribute('data-sorted', sorted);
  };
  button.addEventListener('click', () => {
    sorted = !sorted;
    show();
    onSortChange(sorted);
  });
  show();
  bar.append(textSpan(doc, 'dpl-brand', 'Daily Papers Lens'), text, button);
  return {
    bar,
    setCounts(known, highlighted) {
      text.textContent = counts(known, highlighted);
    },
  };
}
