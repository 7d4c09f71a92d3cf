/**
 * Reordering a listing's entries by a score (upvotes) within each section, and putting arXiv's own
 * order back exactly: the section's children are remembered before the first move and restored as
 * they were (headings, text and all). What leads a section (its heading, the toolbar beside it) is
 * never taken out: the toolbar's button keeps the focus it has when it is pressed.
 */
import type { ListingEntry } from './listing-entry';

/**
 * The entries of one section in score order: highest first; entries without a score after, in their
 * page order; ties keep page order.
 */
export function orderByScore<T>(entries: readonly T[], score: (entry: T) => number | undefined): T[] {
  return entries
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .sort((a, b) => {
      if (a.score === undefined || b.score === undefined) {
        if (a.score === b.score) return a.index - b.index;
        return a.score === undefined ? 1 : -1;
      }
      return b.score - a.score || a.index - b.index;
    })
    .map((item) => item.entry);
}

/**
 * The children of a section with the entries' places filled in a new order: every child that belongs
 * to no entry keeps its place; the n-th entry slot takes the n-th entry of `order`.
 */
export function arrangeChildren(children: readonly Node[], inPageOrder: readonly ListingEntry[], order: readonly ListingEntry[]): Node[] {
  const slotOf = new Map<Node, number>();
  const belongs = new Set<Node>();
  inPageOrder.forEach((entry, slot) => {
    slotOf.set(entry.nodes[0]!, slot);
    for (const node of entry.nodes) belongs.add(node);
  });
  const arranged: Node[] = [];
  for (const child of children) {
    const slot = slotOf.get(child);
    if (slot !== undefined) arranged.push(...order[slot]!.nodes);
    else if (!belongs.has(child)) arranged.push(child);
  }
  return arranged;
}

/**
 * `section`'s children made `arranged`, as `replaceChildren` would, but for those that already lead it in
 * that order: they stay where they are, untouched.
 */
export function rearrangeChildren(section: Element, arranged: readonly Node[]): void {
  const current = section.childNodes;
  let kept = 0;
  while (kept < arranged.length && current[kept] === arranged[kept]) kept += 1;
  const rest = section.ownerDocument.createDocumentFragment();
  rest.append(...arranged.slice(kept));
  while (section.childNodes.length > kept) section.lastChild!.remove();
  section.append(rest);
}

export class EntryOrder {
  private readonly sections = new Map<Element, ListingEntry[]>();
  private readonly original = new Map<Element, Node[]>();

  constructor(entries: readonly ListingEntry[]) {
    for (const entry of entries) {
      // A section is only ever reordered when all its entries are its own children.
      if (!entry.nodes.every((node) => node.parentNode === entry.section)) continue;
      const list = this.sections.get(entry.section) ?? [];
      list.push(entry);
      this.sections.set(entry.section, list);
    }
  }

  get reordered(): boolean {
    return this.original.size > 0;
  }

  /** Reorders each section by score (see orderByScore). */
  sortBy(score: (entry: ListingEntry) => number | undefined): void {
    for (const [section, entries] of this.sections) {
      if (!this.original.has(section)) this.original.set(section, [...section.childNodes]);
      const children = this.original.get(section)!;
      rearrangeChildren(section, arrangeChildren(children, entries, orderByScore(entries, score)));
    }
  }

  /** Puts every section back exactly as arXiv served it. */
  restore(): void {
    for (const [section, children] of this.original) {
      const known = new Set(children);
      // Anything added to the section meanwhile (by the page or another extension) stays, at the end.
      const added = [...section.childNodes].filter((node) => !known.has(node));
      rearrangeChildren(section, [...children, ...added]);
    }
    this.original.clear();
  }
}
