import { describe, expect, it } from 'vitest';
import { createListingToolbar, type ListingToolbarProps } from '../../../../components/sites/arxiv/listing-toolbar-element';
import { parsePage } from './dom';

describe('createListingToolbar', () => {
  const doc = parsePage('<!DOCTYPE html><html><body></body></html>');
  const props = (changes: Partial<ListingToolbarProps> = {}): ListingToolbarProps => ({
    counts: { known: 12, total: 400 },
    highlightThreshold: 0,
    highlighted: 0,
    onSortChange: () => undefined,
    ...changes,
  });

  it('says how many papers HF knows, and how many are highlighted when a threshold is set', () => {
    const { bar, setCounts } = createListingToolbar(doc, props());
    expect(bar.getAttribute('role')).toBe('region');
    expect(bar.getAttribute('aria-label')).toBe('Daily Papers Lens');
    expect(bar.querySelector('[data-testid="dpl-toolbar-text"]')?.textContent).toBe('12 of 400 on Hugging Face Daily Papers');
    const highlighting = createListingToolbar(doc, props({ highlightThreshold: 50, highlighted: 3 }));
    expect(highlighting.bar.querySelector('.dpl-toolbar-text')?.textContent).toBe('12 of 400 on Hugging Face Daily Papers · 3 with 50+ upvotes highlighted');
    // Badges that came later (asked about once the page was read) count too.
    setCounts(15, 0);
    highlighting.setCounts(14, 4);
    expect(bar.querySelector('.dpl-toolbar-text')?.textContent).toBe('15 of 400 on Hugging Face Daily Papers');
    expect(highlighting.bar.querySelector('.dpl-toolbar-text')?.textContent).toBe('14 of 400 on Hugging Face Daily Papers · 4 with 50+ upvotes highlighted');
  });

  it('sorts by upvotes and back, saying what the next press does and marking the sorted state', () => {
    const calls: boolean[] = [];
    const { bar } = createListingToolbar(doc, props({ onSortChange: (byUpvotes) => calls.push(byUpvotes) }));
    const button = bar.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.textContent).toBe('Sort by upvotes');
    expect(button.hasAttribute('data-sorted')).toBe(false);
    button.dispatchEvent(new doc.defaultView!.Event('click'));
    expect(button.textContent).toBe('Restore arXiv order');
    // Its name whole, even where only its first word shows (the rest in .dpl-wide).
    expect(button.getAttribute('aria-label')).toBe('Restore arXiv order');
    expect(button.querySelector('.dpl-wide')?.textContent).toBe(' arXiv order');
    expect(button.hasAttribute('data-sorted')).toBe(true);
    button.dispatchEvent(new doc.defaultView!.Event('click'));
    expect(button.textContent).toBe('Sort by upvotes');
    expect(button.hasAttribute('data-sorted')).toBe(false);
    expect(calls).toEqual([true, false]);
  });

  it('keeps whatever it is given as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { bar } = createListingToolbar(doc, props({ counts: { known: hostile as unknown as number, total: 400 } }));
    expect(bar.querySelector('img')).toBeNull();
    expect(bar.querySelector('.dpl-toolbar-text')?.textContent).toContain(hostile);
  });
});
