/**
 * An arXiv listing's (and search results') whole content script: a badge on every paper HF knows, the
 * highlight, and the sort by upvotes.
 *
 * At document_start the page asks for the badges of the papers its URL says it can show (a month list's
 * month, the newest months for /new; ../../../lib/sites/arxiv/listing-span.ts), so that answer is here
 * when the page is parsed and those badges go in then (the first screens') or once it is read: at
 * DOMContentLoaded, or after the page's load event when the first screens' badges went in as they were
 * parsed (that work held the load event back). Its other ids (a
 * /new page's replacements of older papers) are asked about then, in one message per 500, as every other
 * site asks (local only, never sent on); their badges go in when the answer comes, and the toolbar's
 * counts follow. Search results, whose URL names no span, ask about their ids as the page is parsed.
 *
 * A long listing is laid out and painted as it is parsed (a 2000-entry page's first screens some 400 ms
 * before DOMContentLoaded), so the toolbar, which goes above the entries, and the first screens' badges
 * do not wait for it: they go in while the page is parsed (`whileParsed`), the toolbar as soon as the
 * answer is here and an entry of the first section parsed so far is known, each badge as its entry is
 * parsed, before they are laid out, most often. The toolbar put in at DOMContentLoaded pushed all of them
 * down: a visible jump, and the page laid out and painted again (pre-paint and paint after
 * DOMContentLoaded 2–3× the page's own); the badges came that much later than their entries.
 *
 * Search results are shown as they are parsed too, and so are their first screens' badges, each at the
 * end of its result's first line (it moves nothing there) once its answer is here: a page that arrives
 * in parts shows its first results' badges with them, not when the whole page is in. Their toolbar goes
 * at the end of arXiv's own sort row ("Sort results by"), a flex line as tall as arXiv's box of
 * controls: it takes no line of its own, so it moves nothing whenever it comes (at DOMContentLoaded,
 * with its counts). Below 769 px, where that row is a block, it takes no height at all
 * (listing-toolbar.css).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ListingOverlay } from './listing-overlay';
import { EntryHighlight, isHighlighted } from '../../../lib/sites/arxiv/entry-highlight';
import { EntryOrder, orderByScore } from '../../../lib/sites/arxiv/entry-order';
import { LISTING_EAGER_ENTRIES, ParsedEntries, type ListingEntry, type ParsedEntry } from '../../../lib/sites/arxiv/listing-entry';
import { listingToolbarPlace, PARSED_LISTING, readListingPage } from '../../../lib/sites/arxiv/listing-page';
import { isSearchPage, PARSED_SEARCH, readSearchPage, searchToolbarPlace } from '../../../lib/sites/arxiv/search-page';
import { SEARCH_PAGE } from '../../../lib/sites/arxiv/page-selectors';
import { watchParsedPaperLinks } from '../../../lib/sites/kit/paper-links';
import { afterPageLoad, domReady } from '../../../lib/sites/kit/dom-ready';
import { showNearViewport, type NearViewportHandle } from '../../../lib/sites/kit/near-viewport';
import { LinkAnswers } from '../../../lib/sites/kit/remote-answers';
import { readLocalNewestSpan, readLocalNoSpan } from '../../../lib/sites/kit/local-start';
import { listingSpan } from '../../../lib/sites/arxiv/listing-span';
import { OVERLAY_TAGS } from '../../../lib/sites/kit/shadow-host';
import { SpanBadges } from '../../../lib/shared/badge-index';
import { sendRequest, type BadgeIndexAnswer, type PaperBadge } from '../../../lib/shared/messages';

/** Our elements on a listing: an earlier run's are removed before ours go in. */
export const LISTING_TAGS = [OVERLAY_TAGS.badge, OVERLAY_TAGS.toolbar];

/**
 * A listing whose first screens were badged as they were parsed reads the rest after the page's load
 * event, or this long after DOMContentLoaded when the load is slower (arXiv's pages load scripts and
 * fonts): entries past the first screens are at least two screens down.
 */
export const REST_AFTER_LOAD_CAP_MS = 500;

/** The page: its document and its URL. */
export interface ListingPage {
  doc: Document;
  href: string;
}

/** What the listing needs of WXT's content-script context. */
export type ListingContext = Pick<ContentScriptContext, 'isInvalid' | 'signal' | 'requestAnimationFrame' | 'onInvalidated'>;

/**
 * The listing's first answer, asked for at document_start: the badges of the span of ids its URL names
 * (../../../lib/sites/arxiv/listing-span.ts). For the newest papers' (/new, /recent, /pastweek), read
 * from their local copy when it is there, as the badges-only sites read it (no message: a stopped
 * worker stays stopped for a listing of the last days, and its first screens' badges do not wait for
 * it to start); for search results', whose URL names no span, from the settings alone (no badges: the
 * page asks about each id as it is parsed, and those asks no longer wait a round trip for this answer),
 * the background asked all the same so that a stopped worker starts at once; else, and for a month's,
 * asked of the background.
 */
export async function firstListingAnswer(href: string): Promise<BadgeIndexAnswer> {
  const span = listingSpan(href);
  if (span === 'none') {
    // Asked all the same, and first: a stopped worker starts now, while the page loads, not at the
    // first result's ask; its answer is used only when the settings cannot be read.
    const asked = sendRequest({ type: 'badgeIndex', site: 'arxiv', span });
    asked.catch(() => undefined);
    return (await readLocalNoSpan('arxiv')) ?? asked;
  }
  const local = span === 'newest' ? await readLocalNewestSpan('arxiv') : undefined;
  return local ?? sendRequest({ type: 'badgeIndex', site: 'arxiv', span });
}

/**
 * Badges the listing, given the answer asked for at document_start, what removes an earlier run's
 * elements, and the stylesheets of the badges, their overlay and the toolbar: the toolbar and the first
 * screens' badges while the page is parsed (`whileParsed`), the rest once it is (after its load event
 * when the first screens are in: `afterPageLoad`).
 */
export async function showListingBadges(
  ctx: ListingContext,
  answer: Promise<BadgeIndexAnswer>,
  removeEarlierRun: () => void,
  css: string,
  { doc, href }: ListingPage = { doc: document, href: location.href },
): Promise<void> {
  const search = isSearchPage(href);
  // Made at the first element of ours (the body is parsed by then: its look is watched).
  let overlay: ListingOverlay | undefined;
  const overlayOf = () => (overlay ??= new ListingOverlay(ctx, doc, css));
  // The badges of the page's ids: from the first answer's lines (its span), the others asked about.
  // What shows those that come later is set once the page is read.
  let arrived: () => void = () => undefined;
  let parsed: ReturnType<typeof whileParsed>;
  const badges = new LinkAnswers(
    (ids) => sendRequest({ type: 'linkBadges', site: 'arxiv', ids }).then((asked) => (asked.enabled ? asked.badges : ids.map(() => null))),
    () => {
      if (ctx.isInvalid) return;
      parsed?.arrived();
      arrived();
    },
  );
  // Nothing is asked before the first answer says the site is on (ids met before it wait for it).
  answer.then(({ enabled, index, covers }) => enabled && !ctx.isInvalid && badges.begin(new SpanBadges(index, covers)), () => undefined);
  // Search results come with no span of badges: their ids (25 to 200) are asked about as the page is
  // parsed, so their answers are here by DOMContentLoaded rather than one round trip after it.
  if (search) watchParsedPaperLinks(doc, (id) => void badges.get(id), ctx.signal, SEARCH_PAGE.abstractLink);
  parsed = whileParsed(doc, new ParsedEntries(doc, href, search ? PARSED_SEARCH : PARSED_LISTING), search, answer, badges, overlayOf, ctx.signal);
  await domReady(doc);
  const firstScreensIn = parsed?.stop() ?? false;
  if (ctx.isInvalid) return;
  // What an earlier run left goes first: never two badges (a page still parsed when this run began has none).
  removeEarlierRun();
  // The first screens' badges went in as they were parsed: the rest (every entry read, the badges of
  // those further down, the toolbar's counts) waits for the page's load event, which it held back by
  // ~15 ms on a 2000-entry listing (read and looked up in the DOMContentLoaded task).
  // Search results (50 to 200, read in a millisecond or two) are read at once: the toolbar and its counts come then.
  if (firstScreensIn && !search) await afterPageLoad(doc, REST_AFTER_LOAD_CAP_MS);
  // The site off: the page is not read at all (2000 entries, ~8 ms). A failed answer is read past here:
  // only a page with new-style ids counts it as a failure (below).
  if (ctx.isInvalid || !(await answer.then(({ enabled }) => enabled, () => true))) return;
  const entries = (search ? readSearchPage : readListingPage)(doc, href);
  // Old-style ids have no HF page.
  const papers = entries.filter((entry) => entry.arxivId.style === 'new');
  if (!papers.length) return;
  const { enabled, highlightThreshold } = await answer;
  if (!enabled || ctx.isInvalid) return;

  // Put in at the first paper known, now or when an answer brings one (the view takes over what the
  // first screens' entries parsed waited for).
  parsed?.handOver();
  let view: ListingView | undefined;
  const show = (known: Map<ListingEntry, PaperBadge>) => {
    if (known.size) (view ??= new ListingView(ctx, doc, entries, highlightThreshold, search, overlayOf(), removeEarlierRun)).add(known);
  };
  // Entries whose answer is on its way.
  let waiting: ListingEntry[] = [];
  /** The badges of those of `pending` known now; those not known yet wait (and are asked about). */
  const knownOf = (pending: readonly ListingEntry[]) => {
    const known = new Map<ListingEntry, PaperBadge>();
    waiting = [];
    for (const entry of pending) {
      const badge = badges.get(entry.arxivId.id);
      if (badge) known.set(entry, badge);
      else if (badge === undefined) waiting.push(entry);
    }
    return known;
  };
  arrived = () => show(knownOf(waiting));
  show(knownOf(papers));
}

/**
 * While the page is parsed, once the answer is here: a listing's toolbar put in beside the lines above
 * the first section's entries at its first known entry (`PARSED_LISTING`'s `toolbarPlace`), and the
 * badges of the known entries of the first screens (LISTING_EAGER_ENTRIES) as they are parsed (the
 * listing's first section, or the search results: `PARSED_SEARCH`, whose ids are asked about as
 * they are parsed, their first answer holding no span), read each time the parser has added to the
 * page: a MutationObserver's records come before the next layout. Up to the list, every node parsed is
 * a record; from it on, only its own children, until the first screens are read and the toolbar is in.
 * An entry of the first screens that the answer's span does not cover (a listing of the newest papers
 * answered from their local copy: an entry older than the copy) is asked about as it is parsed, and its
 * badge put in when the answer comes, until the listing view takes over (`handOver`). `stop` at
 * DOMContentLoaded: the listing view takes these over and puts in what is not in yet.
 */
function whileParsed(
  doc: Document,
  entries: ParsedEntries,
  search: boolean,
  answer: Promise<BadgeIndexAnswer>,
  badges: Pick<LinkAnswers, 'get' | 'inSpan' | 'answered'>,
  overlay: () => ListingOverlay,
  signal: AbortSignal,
): { stop(): boolean; arrived(): void; handOver(): void } | undefined {
  if (doc.readyState !== 'loading' || signal.aborted) return undefined;
  /** The first answer's threshold, once it is here (its span's badges are `badges`'). */
  let known: { highlightThreshold: number } | undefined;
  let watching: Node | undefined;
  let firstScreensRead = false;
  // A page whose toolbar waits for the page read (search results') has nothing to put in but badges.
  let toolbarIn = !entries.page.toolbarPlace;
  let done = false;
  /** Entries of the first screens whose answer is on its way. */
  let waiting: ParsedEntry[] = [];
  // Search results' ids are asked about as their links are parsed (`watchParsedPaperLinks`, a few
  // milliseconds' worth in a message, one message at a time): here they are only looked up, so reading
  // the results adds no message of its own and the page's asks go out as they did before its badges
  // went in as parsed.
  const badgeOf = (id: string) => (search ? badges.answered(id) : badges.get(id));
  const stop = () => {
    done = true;
    observer.disconnect();
  };
  /** A known entry: the toolbar in at the first, the badge if in the first screens. */
  const put = ({ badgeSlot, position }: ParsedEntry, badge: PaperBadge, anchor: Element, highlightThreshold: number) => {
    if (!toolbarIn) overlay().putToolbar(entries.page.toolbarPlace!(anchor), highlightThreshold);
    toolbarIn = true;
    if (position < LISTING_EAGER_ENTRIES) overlay().putBadge(badgeSlot, badge, isHighlighted(badge.upvotes, highlightThreshold));
  };
  const read = () => {
    if (done || signal.aborted) return stop();
    const anchor = entries.anchor;
    if (anchor && watching !== anchor) {
      observer.disconnect();
      observer.observe(anchor, { childList: true });
      watching = anchor;
    }
    if (!anchor || !known) return;
    for (const entry of entries.readNew()) {
      firstScreensRead ||= entry.position >= LISTING_EAGER_ENTRIES - 1;
      // Old-style ids have no HF page.
      if (entry.id.style !== 'new') continue;
      const eager = entry.position < LISTING_EAGER_ENTRIES;
      // Of the first screens, an id the answer does not cover is asked about; further down, it waits for the page to be read.
      const badge = eager ? badgeOf(entry.id.id) : badges.inSpan(entry.id.id);
      if (badge) put(entry, badge, anchor, known.highlightThreshold);
      else if (badge === undefined && eager) waiting.push(entry);
    }
    if (firstScreensRead && toolbarIn) stop();
  };
  const observer = new MutationObserver(read);
  observer.observe(doc, { childList: true, subtree: true });
  watching = doc;
  answer.then(
    ({ enabled, highlightThreshold, index }) => {
      // Off, or no badge to give (a listing: nothing stored of the months it shows; search results have
      // no span, their ids are asked about): nothing to read for.
      if (!enabled || (!index && !search)) return stop();
      // `badges` began with this answer's span already: its `begin` was chained on the answer first.
      known = { highlightThreshold };
      read();
    },
    stop,
  );
  return {
    // Stopped at DOMContentLoaded: whether the first screens were read with the answer (their badges in).
    stop: () => {
      stop();
      return firstScreensRead;
    },
    arrived: () => {
      const anchor = entries.anchor;
      if (!anchor || !known || signal.aborted) return;
      const { highlightThreshold } = known;
      waiting = waiting.filter((entry) => {
        const badge = badgeOf(entry.id.id);
        if (badge) put(entry, badge, anchor, highlightThreshold);
        return badge === undefined;
      });
    },
    handOver: () => void (waiting = []),
  };
}

/** The badges, tints and toolbar of one listing, put in at the first paper known; more papers added as their answers come. */
class ListingView {
  private readonly known = new Map<ListingEntry, PaperBadge>();
  private readonly firstScreens: Set<ListingEntry>;
  private readonly highlight = new EntryHighlight();
  private readonly lazy: NearViewportHandle<ListingEntry>;
  /** Built at the first sort: it reads every entry's place (4000 elements on a 2000-entry listing). */
  private order: EntryOrder | undefined;

  constructor(
    ctx: ListingContext,
    doc: Document,
    private readonly entries: readonly ListingEntry[],
    private readonly highlightThreshold: number,
    search: boolean,
    private readonly overlay: ListingOverlay,
    removeEarlierRun: () => void,
  ) {
    removeEarlierRun();
    const showBadge = (entry: ListingEntry) => {
      const paper = this.known.get(entry)!;
      const highlighted = isHighlighted(paper.upvotes, highlightThreshold);
      overlay.putBadge(entry.badgeSlot, paper, highlighted);
      if (highlighted) this.highlight.add(entry);
    };
    // The first screens' badges (and tints) go in at once (most of the badges often in already, put in
    // while the page was parsed: `whileParsed`); the rest as the person scrolls near them: a badge costs
    // the page's layout whether it is seen or not.
    this.firstScreens = new Set(entries.slice(0, LISTING_EAGER_ENTRIES));
    this.lazy = showNearViewport<ListingEntry>([], (entry) => this.firstScreens.has(entry), (entry) => entry.badgeSlot, showBadge, { signal: ctx.signal });

    // The toolbar: in already if the page was still parsed when it could go in (`whileParsed`).
    const place = (search ? searchToolbarPlace : listingToolbarPlace)(doc);
    if (place) overlay.putToolbar(place, highlightThreshold, { known: 0, total: entries.length });
    overlay.onSort = (byUpvotes) => (byUpvotes ? this.sortByUpvotes() : this.order?.restore());

    ctx.onInvalidated(() => {
      this.order?.restore();
      this.highlight.clear();
    });
  }

  /** Papers whose badge is known: badged now (the first screens') or as they come near, counted, and in the order if sorted. */
  add(known: ReadonlyMap<ListingEntry, PaperBadge>): void {
    for (const [entry, badge] of known) this.known.set(entry, badge);
    this.lazy.add([...known.keys()]);
    let highlighted = 0;
    for (const badge of this.known.values()) if (isHighlighted(badge.upvotes, this.highlightThreshold)) highlighted += 1;
    this.overlay.toolbar?.setCounts(this.known.size, highlighted, this.entries.length);
    if (this.order?.reordered) this.sortByUpvotes();
  }

  private readonly upvotesOf = (entry: ListingEntry) => this.known.get(entry)?.upvotes;

  /** Sorted by upvotes, the page's top shows entries that were far down: their badges go in with the move. */
  private sortByUpvotes(): void {
    this.order ??= new EntryOrder(this.entries);
    this.order.sortBy(this.upvotesOf);
    const firstSection = this.entries.filter((entry) => entry.section === this.entries[0]!.section);
    for (const entry of orderByScore(firstSection, this.upvotesOf).slice(0, LISTING_EAGER_ENTRIES)) if (this.known.has(entry)) this.lazy.showNow(entry);
  }
}
