/** One paper in a list of papers on an arXiv page (a listing or search results). */
import { arxivIdFromUrl, newStyleId, parseArxivId, type ArxivId } from '../../shared/arxiv-id';

export interface ListingEntry {
  arxivId: ArxivId;
  /** The page's elements that make up the entry, in page order (`<dt>` and `<dd>`, or one `<li>`). */
  nodes: Element[];
  /** The element at whose end the badge goes. */
  badgeSlot: Element;
  /** The element whose children are the entries of the entry's section (what a reorder moves within). */
  section: Element;
}

/** An entry read while its page is parsed: its id, the element at whose end its badge goes, its place among the page's entries. */
export interface ParsedEntry {
  id: ArxivId;
  badgeSlot: Element;
  position: number;
}

/** What reading a page's list of entries while it is parsed needs of the page (a listing's first section, search results). */
export interface ParsedPage {
  /** The element whose children are the entries, once the parser has reached it. */
  list(doc: Document): Element | null;
  /** An element of the list: its id and where its badge goes; none for another element or an entry not read. */
  entryOf(item: Element, baseUrl: string): { id: ArxivId; badgeSlot: Element } | undefined;
  /** Where the toolbar goes while the page is parsed, at the first entry known; none: it goes in once the page is read. */
  toolbarPlace?(list: Element): ToolbarPlace;
}

/**
 * A page's list of entries while it is parsed, each entry read once it is whole (an element follows it),
 * once, counted as the page's reading counts them (those with an id): the toolbar goes in as soon as
 * one of them is known (where the page has it go in then), and the first screens' badges as their
 * entries come, before they are laid out (components/sites/arxiv/listing-site.ts).
 */
export class ParsedEntries {
  private list: Element | null = null;
  /** The last element read. */
  private last: Element | null = null;
  private entries = 0;

  constructor(
    private readonly doc: Document,
    private readonly baseUrl: string,
    readonly page: ParsedPage,
  ) {}

  /** The list, once the parser has reached it: watched for more. */
  get anchor(): Element | null {
    return (this.list ??= this.page.list(this.doc));
  }

  /** Its entries parsed whole since the last call, in page order. */
  readNew(): ParsedEntry[] {
    const list = this.anchor;
    if (!list) return [];
    const read: ParsedEntry[] = [];
    for (let item = this.last ? this.last.nextElementSibling : list.firstElementChild; item?.nextElementSibling; item = item.nextElementSibling) {
      this.last = item;
      const entry = this.page.entryOf(item, this.baseUrl);
      if (entry) read.push({ ...entry, position: this.entries++ });
    }
    return read;
  }
}

/**
 * Where a page's toolbar goes, without a line of its own where the page has room for it: at the end of
 * a flex row (arXiv's own sort row above search results), taking the room left on the row's line;
 * beside a few lines of text (a listing's first section's heading; a month list's paging lines, which
 * the section follows), floated right of them; else before an element (search results with no sort
 * row), on a line of its own.
 */
export type ToolbarPlace = { endOf: Element } | BesideLines | { before: Element };

/**
 * Floated right beside the lines of text that start at `beside` (put in before it), in the room their
 * text leaves. That room is estimated rather than read from layout, which would force one while the
 * page is parsed: `textEm` is the width of their longest line, in em of the browser's own font, erring
 * wide; `raise` (px) centres the toolbar on the lines.
 */
export interface BesideLines {
  beside: Element;
  textEm: number;
  raise: number;
}

/**
 * The entries of a page whose badges go in at once, before its first frame: more than the first two
 * screens of any listing (an entry without its abstract is ~90 px tall). The others' go in as the person
 * scrolls near them.
 */
export const LISTING_EAGER_ENTRIES = 40;

/**
 * `/abs/YYMM.NNNNN` (or `…vN`), the form arXiv's listings write every new-style entry's link in: read with
 * one regex (a 2000-entry listing reads 2000 of them before its first badges; ~5× quicker than the
 * general path below in a freshly injected script).
 */
const NEW_STYLE_ABS_HREF = /^\/abs\/(\d{4})\.(\d{4,5})(?:v(\d+))?$/;

/** `/abs/ID` or `https://arxiv.org/abs/ID` as arXiv writes them: read without building an URL (2000 a page). */
const PLAIN_ABS_HREF = /^(?:https:\/\/(?:www\.|export\.)?arxiv\.org)?\/abs\/([\w./-]+?)\/?$/;

/** The id an abstract link points at: from its href, else from an id attribute holding a bare id. */
export function idOfAbstractLink(link: Element, baseUrl: string): ArxivId | undefined {
  const href = link.getAttribute('href')?.trim();
  const newStyle = href ? NEW_STYLE_ABS_HREF.exec(href) : null;
  if (newStyle) {
    const id = newStyleId(newStyle[1]!, newStyle[2]!, newStyle[3]);
    if (id) return id;
  }
  const plain = href ? PLAIN_ABS_HREF.exec(href)?.[1] : undefined;
  const fromPlain = plain ? parseArxivId(plain) : undefined;
  if (fromPlain) return fromPlain;
  if (href) {
    try {
      const fromHref = arxivIdFromUrl(new URL(href, baseUrl).href);
      if (fromHref) return fromHref;
    } catch {
      // An unparsable href: fall back to the id attribute.
    }
  }
  const id = link.getAttribute('id');
  return id ? parseArxivId(id) : undefined;
}
