/**
 * The listing toolbar above an arXiv listing: how many papers HF knows, and the one button that sorts
 * by upvotes and back. Plain DOM, like the badges (../kit/upvote-badge-element.ts): it is the listing
 * script's only other UI, and Preact's first render in a freshly injected script cost a 2000-entry
 * listing 3–7 ms before its first badges (measured with marks at DOMContentLoaded), plus Preact's
 * parse on every listing. Every string goes in as text.
 */
import { textSpan } from '../kit/element';

export interface ListingToolbarProps {
  /**
   * Entries HF knows, of all entries on the page. None while the page is still parsed (the toolbar goes
   * in then, ../arxiv/listing-site.ts): no counts, and the button waits (`setCounts`) for the listing.
   */
  counts?: { known: number; total: number };
  /** 0: no highlight. */
  highlightThreshold: number;
  highlighted: number;
  /** Reorders the listing by upvotes (true) or puts arXiv's order back (false). */
  onSortChange: (byUpvotes: boolean) => void;
}

export interface ListingToolbar {
  bar: HTMLDivElement;
  /**
   * New counts: the page read (its total, and the button works from then on), or papers whose badge came
   * later (a /new page's replacements, asked about once the page was read).
   */
  setCounts(known: number, highlighted: number, total?: number): void;
}

export function createListingToolbar(doc: Document, { counts: initial, highlightThreshold, highlighted, onSortChange }: ListingToolbarProps): ListingToolbar {
  const bar = doc.createElement('div');
  bar.className = 'dpl-toolbar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Daily Papers Lens');
  bar.setAttribute('data-testid', 'dpl-toolbar');
  let total = initial?.total;
  const counts = (known: number, highlighted: number) =>
    total === undefined ? '' : `${known} of ${total} on Hugging Face Daily Papers${highlightThreshold > 0 ? ` · ${highlighted} with ${highlightThreshold}+ upvotes highlighted` : ''}`;
  const text = textSpan(doc, 'dpl-toolbar-text', counts(initial?.known ?? 0, highlighted));
  text.setAttribute('data-testid', 'dpl-toolbar-text');
  // The whole counts on hover where the toolbar shortens them (at the end of a row: listing-toolbar.css).
  text.title = text.textContent ?? '';
  // The button says what it does next; `data-sorted` (styled) marks the listing as sorted.
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'dpl-button';
  button.setAttribute('data-testid', 'dpl-sort');
  button.disabled = total === undefined;
  let sorted = false;
  // Its first word alone where the toolbar has little room (at the end of a row: listing-toolbar.css); its name whole.
  const show = () => {
    const [verb, rest] = sorted ? ['Restore', ' arXiv order'] : ['Sort', ' by upvotes'];
    button.replaceChildren(verb, textSpan(doc, 'dpl-wide', rest));
    button.setAttribute('aria-label', verb + rest);
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
    setCounts(known, highlighted, newTotal) {
      if (newTotal !== undefined) {
        total = newTotal;
        button.disabled = false;
      }
      text.textContent = text.title = counts(known, highlighted);
    },
  };
}
