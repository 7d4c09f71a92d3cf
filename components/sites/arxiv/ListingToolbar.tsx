import { useState } from 'preact/hooks';

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

/** Above a listing: how many papers HF knows, and the one button that sorts by upvotes and back. */
export function ListingToolbar({ known, total, highlightThreshold, highlighted, onSortChange }: ListingToolbarProps) {
  const [sorted, setSorted] = useState(false);
  const toggle = () => {
    setSorted(!sorted);
    onSortChange(!sorted);
  };
  return (
    <div class="dpl-toolbar" role="region" aria-label="Daily Papers Lens" data-testid="dpl-toolbar">
      <span class="dpl-brand">Daily Papers Lens</span>
      <span class="dpl-toolbar-text" data-testid="dpl-toolbar-text">
        {known} of {total} on Hugging Face Daily Papers
        {highlightThreshold > 0 && ` · ${highlighted} with ${highlightThreshold}+ upvotes highlighted`}
      </span>
      <button type="button" class="dpl-button" onClick={toggle} data-testid="dpl-sort">
        {sorted ? 'Restore arXiv order' : 'Sort by upvotes'}
      </button>
    </div>
  );
}
