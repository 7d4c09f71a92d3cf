import { describe, expect, it } from 'vitest';
import { EntryHighlight, HIGHLIGHT_TINT, isHighlighted } from '../../../../lib/sites/arxiv/entry-highlight';
import { readListingPage } from '../../../../lib/sites/arxiv/listing-page';
import { NEW_LISTING } from './fixture-pages';
import { parsePage } from './dom';

describe('isHighlighted', () => {
  it('is at or above the threshold, and never with threshold 0', () => {
    expect(isHighlighted(50, 50)).toBe(true);
    expect(isHighlighted(49, 50)).toBe(false);
    expect(isHighlighted(1000, 0)).toBe(false);
  });
});

describe('EntryHighlight', () => {
  it('tints the entry and clears back to the exact markup', () => {
    const doc = parsePage(NEW_LISTING);
    const before = doc.querySelector('#dlpage')!.innerHTML;
    const [first, second] = readListingPage(doc, 'https://arxiv.org/list/cs.CL/new');
    (second!.nodes[0] as HTMLElement).style.setProperty('background-color', 'blue');
    const beforeSecond = doc.querySelector('#dlpage')!.innerHTML;
    const highlight = new EntryHighlight();
    highlight.add(first!);
    highlight.add(second!);
    highlight.add(first!);
    expect(highlight.size).toBe(4);
    for (const node of [...first!.nodes, ...second!.nodes]) {
      expect((node as HTMLElement).style.getPropertyValue('background-color').replace(/\s/g, '')).toBe(HIGHLIGHT_TINT.replace(/\s/g, ''));
    }
    highlight.clear();
    expect(doc.querySelector('#dlpage')!.innerHTML).toBe(beforeSecond);
    (second!.nodes[0] as HTMLElement).removeAttribute('style');
    expect(doc.querySelector('#dlpage')!.innerHTML).toBe(before);
  });
});
