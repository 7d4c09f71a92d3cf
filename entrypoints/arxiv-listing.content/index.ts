/**
 * Listings, catchup and search results: a badge on every paper HF knows, highlight, and sort by upvotes.
 * The badge index is asked for at document_start and the badges go in at DOMContentLoaded, in the same task.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/kit/paper-overlay.css?inline';
import toolbarCss from '../../components/sites/arxiv/listing-toolbar.css?inline';
import { createListingToolbar } from '../../components/sites/arxiv/listing-toolbar-element';
import { createUpvoteBadge } from '../../components/sites/kit/upvote-badge-element';
import { EntryHighlight, isHighlighted } from '../../lib/sites/arxiv/entry-highlight';
import { EntryOrder, orderByScore } from '../../lib/sites/arxiv/entry-order';
import { LISTING_EAGER_ENTRIES, type ListingEntry } from '../../lib/sites/arxiv/listing-entry';
import { listingToolbarAnchor, readListingPage } from '../../lib/sites/arxiv/listing-page';
import { scriptMatches } from '../../lib/shared/sites';
import { HostThemes, watchPageTheme } from '../../lib/sites/kit/page-theme';
import { isSearchPage, readSearchPage, searchToolbarAnchor } from '../../lib/sites/arxiv/search-page';
import { domReady } from '../../lib/sites/kit/dom-ready';
import { showNearViewport } from '../../lib/sites/kit/near-viewport';
import { createRenderTarget, createShadowHost, earlierRunRemover, OVERLAY_TAGS, OverlayStyles, type ShadowHost } from '../../lib/sites/kit/shadow-host';
import { BadgeIndex } from '../../lib/shared/badge-index';
import { sendRequest } from '../../lib/shared/messages';

interface ListingAnswer {
  enabled: boolean;
  highlightThreshold: number;
  badges: BadgeIndex;
}

const OUR_TAGS = [OVERLAY_TAGS.badge, OVERLAY_TAGS.toolbar];

export default defineContentScript({
  matches: scriptMatches('arxiv-listing'),
  runAt: 'document_start',
  main(ctx) {
    // Asked now, while the page is still loading, before its ids are known: the answer is here when the
    // page is parsed, and the badges go in before its first layout.
    const answer = sendRequest({ type: 'badgeIndex', site: 'arxiv' }).then(({ enabled, highlightThreshold, index }) => ({
      enabled,
      highlightThreshold,
      badges: new BadgeIndex(index),
    }));
    // Never throw into the page: no badges is the worst that happens (a page with no new-style ids
    // never waits for the answer, and its failure is not an error then).
    answer.catch(() => undefined);
    showListingBadges(ctx, answer, earlierRunRemover(document, OUR_TAGS)).catch((error: unknown) => console.debug('[Daily Papers Lens]', error));
  },
});

async function showListingBadges(ctx: ContentScriptContext, answer: Promise<ListingAnswer>, removeEarlierRun: () => void): Promise<void> {
  await domReady(document);
  if (ctx.isInvalid) return;
  // What an earlier run left goes first: never two badges.
  removeEarlierRun();
  const search = isSearchPage(location.href);
  const entries = (search ? readSearchPage : readListingPage)(document, location.href);
  // Old-style ids have no HF page.
  if (!entries.some((entry) => entry.arxivId.style === 'new')) return;
  const { enabled, badges, highlightThreshold } = await answer;
  const known = entries.filter((entry) => entry.arxivId.style === 'new' && badges.has(entry.arxivId.id));
  if (!enabled || ctx.isInvalid || known.length === 0) return;

  removeEarlierRun();
  const styles = new OverlayStyles(badgeCss + overlayCss + toolbarCss);
  const highlight = new EntryHighlight();
  const hosts: ShadowHost[] = [];
  // In the page's look, read once in the frame after the first badge, and followed (../../lib/sites/kit/page-theme.ts).
  const themes = new HostThemes((read) => ctx.requestAnimationFrame(read));
  const showBadge = (entry: ListingEntry) => {
    const paper = badges.get(entry.arxivId.id)!;
    const highlighted = isHighlighted(paper.upvotes, highlightThreshold);
    const shadow = createShadowHost(document, OVERLAY_TAGS.badge, styles, 'inline-block');
    themes.add(shadow.host, entry.badgeSlot);
    shadow.root.append(createUpvoteBadge(document, paper, { highlighted, class: 'dpl-listing-badge' }));
    entry.badgeSlot.append(shadow.host);
    if (highlighted) highlight.add(entry);
    hosts.push(shadow);
  };
  // The first screens' badges (and tints) go in now, before the page's first frame; the rest as the
  // person scrolls near them: a badge costs the page's layout whether it is seen or not.
  const firstScreens = new Set(entries.slice(0, LISTING_EAGER_ENTRIES));
  const lazy = showNearViewport(known, (entry) => firstScreens.has(entry), (entry) => entry.badgeSlot, showBadge, { signal: ctx.signal });
  // Built at the first sort: it reads every entry's place (4000 elements on a 2000-entry listing).
  let order: EntryOrder | undefined;
  const upvotesOf = (entry: ListingEntry) => badges.get(entry.arxivId.id)?.upvotes;
  // Sorted by upvotes, the page's top shows entries that were far down: their badges go in with the move.
  const sortByUpvotes = () => {
    order ??= new EntryOrder(entries);
    order.sortBy(upvotesOf);
    const firstSection = entries.filter((entry) => entry.section === entries[0]!.section);
    for (const entry of orderByScore(firstSection, upvotesOf).slice(0, LISTING_EAGER_ENTRIES)) if (badges.has(entry.arxivId.id)) lazy.showNow(entry);
  };

  const anchor = search ? searchToolbarAnchor(document) : listingToolbarAnchor(document);
  const toolbar = anchor ? createRenderTarget(document, OVERLAY_TAGS.toolbar, styles, 'block') : undefined;
  if (anchor && toolbar) {
    const highlightedCount = known.filter((e) => isHighlighted(badges.get(e.arxivId.id)!.upvotes, highlightThreshold)).length;
    toolbar.container.append(
      createListingToolbar(document, {
        known: known.length,
        total: entries.length,
        highlightThreshold,
        highlighted: highlightedCount,
        onSortChange: (byUpvotes) => (byUpvotes ? sortByUpvotes() : order?.restore()),
      }),
    );
    themes.add(toolbar.host, anchor);
    anchor.before(toolbar.host);
    hosts.push(toolbar);
  }

  watchPageTheme(document, () => themes.follow(), ctx.signal);
  ctx.onInvalidated(() => {
    order?.restore();
    highlight.clear();
    for (const { host } of hosts) host.remove();
  });
}
