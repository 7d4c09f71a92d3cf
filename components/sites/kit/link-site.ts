/**
 * A badges-only site's whole content script (Hacker News, Reddit, X…), given the site's reader: one
 * `badgeIndex` question (answered from the local copy, never sent on), at document_start, or, for a
 * site where most pages name no paper, once the page names one (`indexWhenSeen`); the page's paper
 * links badged at DOMContentLoaded (or when the answer comes), new posts badged as they appear (pages
 * that keep loading), and every badge gone at once when the person turns the site off (back when
 * turned on again).
 */
import { BadgeIndex } from '../../../lib/shared/badge-index';
import { sendRequest } from '../../../lib/shared/messages';
import type { SiteId } from '../../../lib/shared/sites';
import { watchAddedContent } from '../../../lib/sites/kit/added-content';
import { domReady } from '../../../lib/sites/kit/dom-ready';
import { LinkBadges, type PaperMention } from '../../../lib/sites/kit/link-badges';
import { TitleIndex, type TitleMatcher } from '../../../lib/shared/title-index';
import { LazyTitleIndex } from '../../../lib/sites/kit/lazy-title-index';
import { HostThemes } from '../../../lib/sites/kit/page-theme';
import { createShadowHost, OVERLAY_TAGS, OverlayStyles, removeOverlayElements } from '../../../lib/sites/kit/shadow-host';
import { watchSiteEnabled } from '../../../lib/sites/kit/site-switch';
import { createUpvoteBadge } from './upvote-badge-element';

/** The badge's host tag on every badges-only site (an earlier run's are found and removed by it). */
export const SITE_BADGE_TAG = OVERLAY_TAGS.badge;

export interface LinkSiteOptions {
  /** The registry site, whose switch turns the badges on and off; none for a page the popup badges once on request. */
  site: SiteId | undefined;
  /** The badges' stylesheet (components/sites/kit/paper-badge.css). */
  css: string;
  /** The site's reader: the papers named under a root (by link; by title with the title index, for `byTitle` sites). */
  find: (root: ParentNode, titles: TitleMatcher | undefined) => PaperMention[];
  /** Pages that keep adding posts (feeds, late comments): badge what is added, once a frame. */
  watchAdded: boolean;
  /**
   * The badge index is asked for only once the page names a paper (a paper link, or a paper site's
   * card), not at document_start: for sites where most pages name none (Hacker News, Reddit, X), whose
   * tabs then never wake the background nor hold a copy of the index (628 KB with a year of papers).
   */
  indexWhenSeen?: boolean;
}

/** What the script needs of WXT's content-script context. */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

export async function runLinkSite(ctx: ScriptContext, options: LinkSiteOptions, doc: Document = document): Promise<void> {
  const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
  const { site } = options;
  const ask = () => (site ? sendRequest({ type: 'badgeIndex', site }) : sendRequest({ type: 'onRequestBadgeIndex' }));
  const styles = new OverlayStyles(options.css);
  // Each turn of the switch starts a new run; an older run's late answer is dropped.
  let run: AbortController | undefined;

  /** `first`: the question asked at document_start; none when the index is asked for once the page names a paper. */
  const start = async (first: ReturnType<typeof ask> | undefined) => {
    run?.abort();
    const current = new AbortController();
    run = current;
    ctx.signal.addEventListener('abort', () => current.abort(), { once: true });
    const live = () => !current.signal.aborted && !ctx.isInvalid;
    let loaded: { index: BadgeIndex; titles: TitleMatcher | undefined; highlightThreshold: number } | undefined;
    let asked = first;
    // In the page's look, read once in the frame after the first badge (../../../lib/sites/kit/page-theme.ts).
    const themes = new HostThemes();
    const badges = new LinkBadges({
      find: (root) => options.find(root, loaded ? loaded.titles : titlesWanted),
      badgeOf: (id) => (loaded ? loaded.index.get(id) : want()),
      mount: ({ link, inside }, paper) => {
        const { host, root } = createShadowHost(doc, SITE_BADGE_TAG, styles, 'inline');
        // The badge is sized in em: its host takes the size of the text it follows.
        host.style.fontSize = 'inherit';
        // Above a card's full-size click overlay (Reddit's feed posts), without moving anything.
        host.style.position = 'relative';
        host.style.zIndex = '1';
        // After a slotted element (Reddit's post title), the badge goes to the same slot of the custom element.
        const slot = link.getAttribute('slot');
        if (slot) host.setAttribute('slot', slot);
        themes.add(host, link.parentElement ?? doc.documentElement);
        const threshold = loaded?.highlightThreshold ?? 0;
        root.append(createUpvoteBadge(doc, paper, { highlighted: threshold > 0 && paper.upvotes >= threshold }));
        if (inside) link.append(host);
        else link.after(host);
        return host;
      },
    });
    /** The answer is here: the page is read again, whole (what was read before had no index to badge from). */
    const settle = async (answer: Awaited<ReturnType<typeof ask>>) => {
      await domReady(doc);
      if (!answer.enabled || !live()) return;
      const { index, titles: encodedTitles, titlesOnAsk, highlightThreshold } = answer;
      // A site whose pages seldom name a paper by title asks for the titles when its page first shows one.
      const askTitles = () => (site ? sendRequest({ type: 'titleIndex', site }).then((titles) => titles.titles) : Promise.resolve(''));
      const again = () => void (live() && badges.badge(doc));
      const titles = encodedTitles !== undefined ? new TitleIndex(encodedTitles) : titlesOnAsk ? new LazyTitleIndex(askTitles, again) : undefined;
      loaded = { index: new BadgeIndex(index), titles, highlightThreshold };
      badges.clear();
      badges.badge(doc);
    };
    /** Asked for by the page's first paper link (or paper card): undefined until the answer. */
    const want = (): undefined => {
      if (!asked && live()) {
        asked = ask();
        asked.then(settle).catch(report);
      }
      return undefined;
    };
    // Before the index, a title to match is a paper named: it asks for the index (titles follow it).
    const titlesWanted: TitleMatcher | undefined = first ? undefined : { match: want };
    current.signal.addEventListener('abort', () => badges.clear(), { once: true });
    await domReady(doc);
    if (!live()) return;
    // What an earlier run of the script left (the extension was reloaded) goes first.
    removeOverlayElements(doc, [SITE_BADGE_TAG]);
    if (options.watchAdded && doc.body) {
      watchAddedContent(doc.body, (added) => added.forEach((root) => badges.badge(root)), current.signal, { ownTags: [SITE_BADGE_TAG] });
    }
    if (first) await settle(await first);
    else badges.badge(doc);
  };

  try {
    // Asked at once (the answer is usually back by DOMContentLoaded), or once the page names a paper.
    const askAtStart = () => (options.indexWhenSeen ? undefined : ask());
    const opening = askAtStart();
    if (site) watchSiteEnabled(site, (enabled) => void (enabled ? start(askAtStart()).catch(report) : run?.abort()), ctx.signal);
    await start(opening);
  } catch (error) {
    // Never throw into the page: no badge is the worst that happens.
    report(error);
  }
}
