/**
 * The paper card of a single-paper page (arXiv's abstract and HTML pages, alphaXiv's paper pages): the
 * card found (local copy first, else the background, live lookups as the settings allow) and rendered
 * off-page, then put after the page's title, its linked models, datasets and Spaces and its discussion
 * asked for after that. `followPaperCard` keeps it right on a single-page app:
 * client-side navigation to another paper swaps the card, a re-render that drops it puts it back.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendRequest, type PaperCardData } from '../../../lib/shared/messages';
import type { SiteId } from '../../../lib/shared/sites';
import { readLocalCard, writeCardCollapsed, writeCardLinksOpen } from '../../../lib/sites/kit/card-state';
import { domReady } from '../../../lib/sites/kit/dom-ready';
import { pageTheme, watchPageTheme } from '../../../lib/sites/kit/page-theme';
import { createRenderTarget, OVERLAY_TAGS, OverlayStyles, removeOverlayElements, setHostTheme, THEME_ATTRIBUTE, type HostPlace, type RenderTarget } from '../../../lib/sites/kit/shadow-host';
import { readSiteSwitches, watchSiteEnabled } from '../../../lib/sites/kit/site-switch';
import { mountCardDiscussion } from './CardDiscussion';
import { LinkedRepos, type LinksState } from './LinkedRepos';
import { createPaperCard, createUnknownPaperLink, LINKS_PENDING } from './paper-card-element';

/** What the card script needs of WXT's content-script context. */
export type CardContext = Pick<ContentScriptContext, 'isInvalid' | 'signal' | 'requestAnimationFrame' | 'onInvalidated'>;

type CardPlace = HostPlace;

/**
 * The paper's card from the local copy when the site is on; the background's answer when the copy lacks
 * the paper (live lookups and the unknown-paper link as ever). Nothing when the site is off, nor when HF
 * could not be asked now (`unanswered`: the background's limits or a failure, not "HF has no such paper").
 */
async function findCard(site: SiteId, id: string): Promise<{ enabled: boolean; paper?: PaperCardData; unanswered?: boolean; collapsed: boolean; linksOpen: boolean; live: boolean }> {
  const [local, switches] = await Promise.all([readLocalCard(id), readSiteSwitches(site).catch(() => undefined)]);
  const { card, collapsed, linksOpen } = local;
  // Unreadable settings: the background decides (it checks again anyway).
  const { enabled, live } = switches ?? { live: true };
  if (enabled === false) return { enabled, collapsed, linksOpen, live };
  if (card && enabled) return { enabled, paper: card, collapsed, linksOpen, live };
  const answer = await sendRequest({ type: 'pagePapers', site, ids: [id], live: true });
  return { enabled: answer.enabled, paper: answer.papers[id], unanswered: answer.unanswered?.includes(id), collapsed, linksOpen, live };
}

/**
 * A rendered card not yet in the page; `loadLinks` (a known paper only) fills in its linked part
 * afterwards. `rendered`: the elements Preact may render into (the linked part, the opened discussion).
 */
export interface PreparedCard extends RenderTarget {
  loadLinks?: () => void;
  rendered: HTMLElement[];
}

/**
 * Finds the paper's card and builds it, not yet in the page; undefined when there is nothing to show.
 * The first paint is plain DOM (./paper-card-element.ts, the discussion's closed line): Preact renders
 * only the linked part, after the page's load, and the discussion once opened.
 */
export async function prepareCard(ctx: Pick<CardContext, 'isInvalid'>, site: SiteId, css: OverlayStyles, id: string): Promise<PreparedCard | undefined> {
  const { enabled, paper, unanswered, collapsed, linksOpen, live } = await findCard(site, id);
  if (!enabled || unanswered || ctx.isInvalid) return undefined;
  const target = createRenderTarget(document, OVERLAY_TAGS.card, css, 'block');
  if (!paper) {
    target.container.append(createUnknownPaperLink(document, id));
    return { ...target, rendered: [] };
  }
  const { card, links, discussion } = createPaperCard(document, paper, {
    initiallyCollapsed: collapsed,
    onCollapsedChange: (value) => void writeCardCollapsed(value).catch(() => undefined),
    linksPending: live,
  });
  target.container.append(card);
  const prepared: PreparedCard = { ...target, rendered: [links, discussion] };
  // Live lookups off: no discussion, and not even the worker is asked for links (the background would refuse to ask HF anyway).
  if (!live) return prepared;
  mountCardDiscussion(discussion, { paperId: paper.id, numComments: paper.numComments, load: () => sendRequest({ type: 'paperComments', id: paper.id }) });
  // Its line is held until the background answers (`linksPending`), then drawn in its place in the same
  // task: the answer's line, or nothing when there is none to show (HF's limits for now, and the like).
  function loadLinks() {
    if (ctx.isInvalid) return;
    const draw = (state?: LinksState) => {
      links.querySelector(`.${LINKS_PENDING}`)?.remove();
      render(
        state && <LinkedRepos state={state} initiallyOpen={linksOpen} onOpenChange={(open) => void writeCardLinksOpen(open).catch(() => undefined)} onRetry={loadLinks} />,
        links,
      );
    };
    sendRequest({ type: 'paperLinks', id }).then(
      (answer) => draw(answer.ok ? { status: 'ok', links: answer.links } : answer.reason === 'failed' ? { status: 'failed' } : undefined),
      () => draw({ status: 'failed' }),
    );
  }
  return { ...prepared, loadLinks };
}

/**
 * Puts a prepared card in its place (nothing if it is there already), at its title's indent, in the
 * page's look (read in the next frame, from styles that frame computes anyway); the first time, its
 * linked part is asked for once the page has loaded: its first paint never waits on HF, and the page's
 * own load never waits on the linked part (a message, a second render and its layout).
 */
export function placeCard(ctx: CardContext, card: PreparedCard, place: CardPlace): void {
  if (isPlaced(card, place)) return;
  const { host } = card;
  const first = !host.hasAttribute(THEME_ATTRIBUTE);
  if (first) setHostTheme(host, 'light');
  place.anchor.insertAdjacentElement(place.position, host);
  followAnchorIndent(ctx, host, place);
  ctx.requestAnimationFrame(() => setHostTheme(host, pageTheme(host)));
  if (first && card.loadLinks) afterPageLoad(ctx, card.loadLinks, host.ownerDocument);
}

/** Each card's resize listener (one at a time: a card is put back, or follows another paper's title). */
const indentListeners = new WeakMap<HTMLElement, () => void>();

/**
 * The card at its title's indent from the start: read as it goes in (a style read, with no layout for
 * a margin in px or em; not in the next frame, which may come after the card's first paint, since the
 * card goes in from a frame's callback while the page is parsed), then again when the window's size
 * changes (arXiv's indent is 12 px below 769 px; the resize event comes before the frame's styles, so
 * nothing is laid out twice) and at the load event (a stylesheet that came late: not arXiv's abs.css,
 * which is linked in the body before the title and holds the parser until it is here, so the title is
 * parsed with its indent; seen in Chromium with the sheet held back 800 ms).
 */
function followAnchorIndent(ctx: Pick<CardContext, 'signal'>, host: HTMLElement, place: CardPlace): void {
  const indent = () => indentLikeAnchor(host, place);
  indent();
  const view = host.ownerDocument.defaultView;
  if (!view || place.position !== 'afterend') return;
  const previous = indentListeners.get(host);
  if (previous) view.removeEventListener('resize', previous);
  indentListeners.set(host, indent);
  view.addEventListener('resize', indent, { signal: ctx.signal });
  afterPageLoad(ctx, indent, host.ownerDocument);
}

/**
 * The card's start edge at its title's (arXiv's abstract page indents its title, authors and dates 20
 * px, 12 on a phone, by a stylesheet linked in the page's body: a card at the column's edge stood out
 * of them): the title's own start margin, when it has one and the card still follows it.
 */
export function indentLikeAnchor(host: HTMLElement, place: CardPlace): void {
  if (place.position !== 'afterend' || host.previousElementSibling !== place.anchor) return;
  const view = host.ownerDocument.defaultView;
  const start = view?.getComputedStyle(place.anchor).getPropertyValue('margin-inline-start') ?? '';
  const indent = parseFloat(start) > 0 ? start : '';
  if (host.style.getPropertyValue('margin-inline-start') !== indent) host.style.setProperty('margin-inline-start', indent);
}

/** Runs `work` in a task of its own after the page's load event (at once when it has passed). */
function afterPageLoad(ctx: Pick<CardContext, 'signal'>, work: () => void, doc: Document): void {
  const view = doc.defaultView;
  if (doc.readyState === 'complete' || !view) {
    setTimeout(work);
    return;
  }
  view.addEventListener('load', () => setTimeout(work), { once: true, signal: ctx.signal });
}

/** Takes a card off the page and lets Preact clean up what it rendered. */
export function dropCard(card: PreparedCard): void {
  for (const element of card.rendered) render(null, element);
  card.host.remove();
}

/** Whether the card already sits where `place` says. */
function isPlaced(card: RenderTarget, place: CardPlace): boolean {
  const { host } = card;
  if (!host.isConnected) return false;
  return place.position === 'afterend' ? host.previousElementSibling === place.anchor : host.parentElement === place.anchor && host === place.anchor.firstElementChild;
}

export interface FollowedCardSite {
  site: SiteId;
  css: string;
  /** The new-style arXiv id of the paper the URL names; undefined on the app's other pages. */
  idInUrl: (location: string) => string | undefined;
  /** Where the card goes on the page as now rendered; undefined while the app has not rendered the paper yet. */
  findPlace: (doc: Document) => CardPlace | undefined;
}

/**
 * A single-page app's paper pages: the card of the paper the URL names, put in place once the app has
 * rendered the title, swapped when the app navigates to another paper, put back when a re-render drops
 * it, gone on the app's other pages and when the site is turned off (back when turned on). The page is
 * looked at once a frame at most, after the DOM changed.
 */
export async function followPaperCard(ctx: CardContext, options: FollowedCardSite, doc: Document = document): Promise<void> {
  const styles = new OverlayStyles(options.css);
  let shownId: string | undefined;
  let card: PreparedCard | undefined;
  let enabled = true;
  let generation = 0;

  const clear = () => {
    generation += 1;
    if (card) dropCard(card);
    card = undefined;
    shownId = undefined;
  };

  const place = () => {
    if (!card || ctx.isInvalid) return;
    const where = options.findPlace(doc);
    if (where && !isPlaced(card, where)) placeCard(ctx, card, where);
  };

  const check = () => {
    if (!enabled || ctx.isInvalid) return;
    const id = options.idInUrl(doc.location.href);
    if (id !== shownId) {
      clear();
      shownId = id;
      if (!id) return;
      const mine = generation;
      prepareCard(ctx, options.site, styles, id)
        .then((prepared) => {
          // A later navigation (or the switch) made this card stale before it was ready.
          if (!prepared) return;
          if (mine !== generation || ctx.isInvalid) return dropCard(prepared);
          card = prepared;
          place();
        })
        .catch(report);
      return;
    }
    place();
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      check();
    });
  };

  await domReady(doc);
  if (ctx.isInvalid) return;
  // What an earlier run left (extension reload, re-injection) goes first: never two cards.
  removeOverlayElements(doc, [OVERLAY_TAGS.card]);
  check();
  // A navigation (a link, back or forward) re-renders the page: the observer hears it, no history hook needed.
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  watchPageTheme(doc, () => card && setHostTheme(card.host, pageTheme(card.host)), ctx.signal);
  watchSiteEnabled(
    options.site,
    (on) => {
      enabled = on;
      clear();
      if (on) check();
    },
    ctx.signal,
  );
  ctx.onInvalidated(() => {
    observer.disconnect();
    clear();
  });
}

const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
