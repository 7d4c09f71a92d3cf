/**
 * What an arXiv listing's elements of ours share (./listing-site.ts): their stylesheets, their look, the
 * badges put in at the end of an entry's first line, and the toolbar, beside the lines above the entries
 * or at the end of a row; all removed when the script goes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createListingToolbar, type ListingToolbar } from './listing-toolbar-element';
import { createUpvoteBadge } from '../kit/upvote-badge-element';
import type { BesideLines, ToolbarPlace } from '../../../lib/sites/arxiv/listing-entry';
import { HostThemes, watchPageTheme } from '../../../lib/sites/kit/page-theme';
import { addHostStyle, createRenderTarget, createShadowHost, fillRestOfRow, OVERLAY_TAGS, OverlayStyles, type ShadowHost } from '../../../lib/sites/kit/shadow-host';
import type { PaperBadge } from '../../../lib/shared/messages';

/** What the overlay needs of WXT's content-script context. */
type OverlayContext = Pick<ContentScriptContext, 'signal' | 'requestAnimationFrame' | 'onInvalidated'>;

/** `Node.TEXT_NODE`, written out: the unit tests' DOM has no `Node` constants. */
const TEXT_NODE = 3;

/**
 * `host` at the end of `slot`, before the white space that ends it (a search result's first line ends
 * with its markup's line break): that space stays trailing, never shown, so nothing moves when the
 * badge comes; after the badge it would become a space before it, and the browser counts it as moved.
 */
function appendBeforeTrailingSpace(slot: Element, host: Element): void {
  let last = slot.lastChild;
  while (last?.nodeType === TEXT_NODE && !last.textContent?.trim()) last = last.previousSibling;
  if (last) last.after(host);
  else slot.prepend(host);
}

/**
 * `host` floated right beside the lines of text that start at `place.beside`, where it takes no line of
 * its own: put in before their first element, it sits at that element's top (after the margins above
 * it), raised to be centred on the lines, and it ends within the margin below them (arXiv's `h3`: a 17
 * px line, 15 px margins; a month list's paging lines: two 15 px lines, then the section's 13 px
 * margin). It is as wide as the room past their text (`place.textEm`, ours being the browser's 16 px:
 * the host's font is reset), and a gap. What it holds shortens to fit (listing-toolbar.css); where the
 * room is gone (a narrow window) it keeps enough for "Sort" and the lines wrap.
 */
function floatBeside(host: HTMLElement, place: BesideLines): void {
  const room = `calc(100% - ${(place.textEm + 1.5).toFixed(1)}em)`;
  addHostStyle(host, `float: right; width: ${room}; min-width: 5.5em; margin-top: -${place.raise}px;`);
  place.beside.before(host);
}

/**
 * What a listing's elements share: their stylesheets, their look (the page's, read once in the frame
 * after the first and followed: ../../../lib/sites/kit/page-theme.ts), the toolbar once in, and their
 * removal when the script goes.
 */
export class ListingOverlay {
  private readonly styles: OverlayStyles;
  private readonly themes: HostThemes;
  private readonly hosts: ShadowHost[] = [];
  toolbar: ListingToolbar | undefined;
  /** The entries' first elements that have their badge. */
  private readonly badged = new WeakSet<Element>();
  /** What the toolbar's button does: nothing until the listing view is there (the button waits for it too). */
  onSort: (byUpvotes: boolean) => void = () => undefined;

  constructor(
    ctx: OverlayContext,
    private readonly doc: Document,
    css: string,
  ) {
    this.styles = new OverlayStyles(css);
    this.themes = new HostThemes((read) => ctx.requestAnimationFrame(read));
    watchPageTheme(doc, () => this.themes.follow(), ctx.signal);
    ctx.onInvalidated(() => {
      for (const { host } of this.hosts) host.remove();
    });
  }

  /** A host of ours in the page, in its look, removed with the others. */
  private add(shadow: ShadowHost, themeOf: Element): void {
    this.themes.add(shadow.host, themeOf);
    this.hosts.push(shadow);
  }

  /**
   * A badge at the end of `slot` (an entry's first element), once: the listing view takes over those
   * put in while the page was parsed. In the font of the line's text (the kit's badge is 0.85 em of it,
   * ../kit/paper-badge.css): arXiv's listing text is 81 % of the browser's (13 px), and a badge from the
   * host's reset 16 px made an entry's first line 18 px tall instead of 15, so each badge that went in
   * as the listing was scrolled moved the entries below it.
   */
  putBadge(slot: Element, paper: PaperBadge, highlighted: boolean): void {
    if (this.badged.has(slot)) return;
    this.badged.add(slot);
    const shadow = createShadowHost(this.doc, OVERLAY_TAGS.badge, this.styles, 'inline-block', true);
    this.add(shadow, slot);
    shadow.root.append(createUpvoteBadge(this.doc, paper, { highlighted }));
    appendBeforeTrailingSpace(slot, shadow.host);
  }

  /**
   * The toolbar, at `place`, without counts until the listing view gives them (`counts`): once. At the end
   * of a row (search results: arXiv's sort row) it takes the room left on the row's line, and beside the
   * lines above a listing's entries (its first heading, a month list's paging lines) the room their text
   * leaves: one line high, shortened to fit (listing-toolbar.css).
   */
  putToolbar(place: ToolbarPlace, highlightThreshold: number, counts?: { known: number; total: number }): void {
    if (this.toolbar) return;
    const target = createRenderTarget(this.doc, OVERLAY_TAGS.toolbar, this.styles, 'block');
    this.toolbar = createListingToolbar(this.doc, { counts, highlightThreshold, highlighted: 0, onSortChange: (byUpvotes) => this.onSort(byUpvotes) });
    target.container.append(this.toolbar.bar);
    if ('before' in place) {
      this.add(target, place.before);
      place.before.before(target.host);
    } else if ('endOf' in place) {
      target.container.toggleAttribute('data-in-row', true);
      fillRestOfRow(target.host);
      this.add(target, place.endOf);
      place.endOf.append(target.host);
    } else {
      target.container.toggleAttribute('data-beside', true);
      this.add(target, place.beside);
      floatBeside(target.host, place);
    }
  }
}
