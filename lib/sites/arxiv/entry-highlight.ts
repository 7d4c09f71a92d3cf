/**
 * Highlighting listing entries above the person's upvote threshold: a translucent tint behind the
 * entry's own elements (no size or position changes), each element's previous style attribute kept
 * so clearing puts the page back exactly as it was.
 */
import type { ListingEntry } from './listing-entry';

/** Reads on light and dark pages alike. */
export const HIGHLIGHT_TINT = 'rgba(255, 190, 0, 0.2)';

/** At or above the threshold; a threshold of 0 turns highlighting off. */
export function isHighlighted(upvotes: number, threshold: number): boolean {
  return threshold > 0 && upvotes >= threshold;
}

export class EntryHighlight {
  /** Each tinted element's style attribute before (null: it had none). */
  private readonly saved = new Map<HTMLElement, string | null>();

  add(entry: ListingEntry): void {
    for (const node of entry.nodes) {
      const element = node as HTMLElement;
      if (!element.style || this.saved.has(element)) continue;
      this.saved.set(element, element.getAttribute('style'));
      element.style.setProperty('background-color', HIGHLIGHT_TINT);
    }
  }

  get size(): number {
    return this.saved.size;
  }

  clear(): void {
    for (const [element, style] of this.saved) {
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
    this.saved.clear();
  }
}
