/**
 * A badges-only site's whole content script (Hacker News, Reddit, X…), given the site's reader: its
 * first answer at document_start (is the site on; the newest papers' badges), read from their local copy
 * (lib/sites/kit/local-start.ts) or, without one, asked of the background (`linkBadges`: the worker
 * readies its badge index), the ids of the page's paper links those do not answer asked about as it is parsed, its paper links badged at
 * DOMContentLoaded (those whose answer is still on its way when it comes; a long thread's comment links
 * as it is parsed: `whileParsed`), their badges asked for in
 * one message a pass (answered from the local copy, never sent on), new posts badged as they appear
 * (pages that keep loading), and every badge gone at once when the person turns the site off (back when turned on again).
 */
import { sendRequest, type LinkBadgesAnswer, type PaperBadge } from '../../../lib/shared/messages';
import { siteByTitle, type SiteId } from '../../../lib/shared/sites';
import { readLocalFirstAnswer } from '../../../lib/sites/kit/local-start';
import { watchAddedContent } from '../../../lib/sites/kit/added-content';
import { domReady } from '../../../lib/sites/kit/dom-ready';
import { LinkBadges, type PaperMention } from '../../../lib/sites/kit/link-badges';
import { PAPER_HREF, watchParsedPaperLinks } from '../../../lib/sites/kit/paper-links';
import type { TitleMatcher } from '../../../lib/shared/title-index';
import { LinkAnswers, RemoteTitles } from '../../../lib/sites/kit/remote-answers';
import { NewestBadges } from '../../../lib/shared/badge-index';
import { HostThemes } from '../../../lib/sites/kit/page-theme';
import { addHostStyle, createShadowHost, earlierRunRemover, OVERLAY_TAGS, OverlayStyles } from '../../../lib/sites/kit/shadow-host';
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
  /** Pages that keep adding posts (feeds, late comments): badge what is added, read as it is added. */
  watchAdded: boolean;
  /**
   * Posts laid under a link the size of the whole card (Reddit's feed: `a[slot=full-post-link]`,
   * absolutely placed over the post), which would take the badge's clicks: the badge hosts are raised
   * above it. Elsewhere they stay unplaced, so the page's layers never gain one of ours.
   */
  aboveCardLinks?: boolean;
  /**
   * Pages shown in part long before they are whole (Hacker News' long threads): the links this selector
   * matches (those whose badge goes right after them) are badged as they are parsed, before they are
   * laid out, where their paper is known by then (`badgeWhileParsed`). Sites that match titles badge
   * once the page is read.
   */
  whileParsed?: string;
}

/** What the script needs of WXT's content-script context. */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

export async function runLinkSite(ctx: ScriptContext, options: LinkSiteOptions, doc: Document = document): Promise<void> {
  const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
  const { site } = options;
  const askBadges = (ids: string[], newest?: true) => sendRequest({ type: 'linkBadges', ...(site ? { site } : {}), ids, ...(newest ? { newest } : {}) });
  // The first question: is the site on, and the newest papers' badges.
  const ask = () => askBadges([], true);
  // Its answer from local storage when the newest badges' copy is there: no message, no worker to wait for.
  const firstAnswer = async (): Promise<LinkBadgesAnswer> => {
    const local = site && (await readLocalFirstAnswer(site));
    if (!local) return ask();
    // A site that matches titles on every page: the worker readies its title index while the page is parsed.
    if (local.enabled && siteByTitle(site!) === 'with-badges') void askBadges([]).catch(report);
    return local;
  };
  const styles = new OverlayStyles(options.css);
  // An earlier run's badges (the extension was reloaded) exist only if the page was parsed before this run began.
  const removeEarlierRun = earlierRunRemover(doc, [SITE_BADGE_TAG]);
  // Each turn of the switch starts a new run; an older run's late answer is dropped.
  let run: AbortController | undefined;

  const start = async (answer: Promise<LinkBadgesAnswer>) => {
    run?.abort();
    const current = new AbortController();
    run = current;
    ctx.signal.addEventListener('abort', () => current.abort(), { once: true });
    const live = () => !current.signal.aborted && !ctx.isInvalid;
    // The papers the page links to and the titles it shows are looked up in the background, a message
    // for all those met in a pass; what waited for its answer is badged when it comes.
    let badges: LinkBadges | undefined;
    const known = new LinkAnswers(
      (ids) => askBadges(ids).then((answer) => answer.badges),
      () => void (live() && badges?.retry()),
    );
    // While the page is parsed, its paper links are looked up as they appear (those the newest badges do
    // not answer, asked about): their answers are here by DOMContentLoaded, and their badges go in
    // then, in the same task.
    watchParsedPaperLinks(doc, (id) => void known.get(id), current.signal);
    const { enabled, highlightThreshold, byTitle, newest } = await answer;
    if (!enabled || !live()) return;
    known.begin(new NewestBadges(newest ?? ''));
    const learn = (found: readonly (PaperBadge | null)[]) => {
      for (const badge of found) if (badge) known.learn(badge.id, badge);
      return found;
    };
    const titles: TitleMatcher | undefined =
      byTitle && site
        ? new RemoteTitles(
            (shown) => sendRequest({ type: 'matchTitles', site, titles: shown }).then((answer) => learn(answer.badges)),
            () => void (live() && badges?.badge(doc)),
          )
        : undefined;
    // In the page's look, read once in the frame after the first badge (../../../lib/sites/kit/page-theme.ts).
    const themes = new HostThemes();
    const shown = new LinkBadges({
      find: (root) => options.find(root, titles),
      badgeOf: (id) => known.get(id),
      mount: ({ link, inside }, paper) => {
        // The badge is sized in em: its host takes the font of the text it follows.
        const { host, root } = createShadowHost(doc, SITE_BADGE_TAG, styles, 'inline', true);
        // Above the card's full-size link, without moving anything.
        if (options.aboveCardLinks) addHostStyle(host, 'position: relative; z-index: 1;');
        // After a slotted element (Reddit's post title), the badge goes to the same slot of the custom element.
        const slot = link.getAttribute('slot');
        if (slot) host.setAttribute('slot', slot);
        themes.add(host, link.parentElement ?? doc.documentElement);
        const highlighted = highlightThreshold > 0 && paper.upvotes >= highlightThreshold;
        root.append(createUpvoteBadge(doc, paper, { highlighted }));
        if (inside) link.append(host);
        else link.after(host);
        return host;
      },
    });
    badges = shown;
    current.signal.addEventListener('abort', () => shown.clear(), { once: true });
    // What an earlier run of the script left goes first.
    removeEarlierRun();
    if (options.whileParsed && !titles) badgeWhileParsed(doc, options.whileParsed, shown, current.signal, () => themes.follow());
    await domReady(doc);
    if (!live()) return;
    shown.badge(doc);
    if (options.watchAdded && doc.body) {
      // Read as soon as it is added, not in the next frame: the ids a new post names are asked about at
      // once, so their answers are usually back before that frame is painted.
      watchAddedContent(doc.body, (added) => added.forEach((root) => shown.badge(root)), current.signal, {
        ownTags: [SITE_BADGE_TAG],
        schedule: (read) => queueMicrotask(read),
      });
    }
  };

  try {
    // Asked at once: the answer is usually back by DOMContentLoaded.
    const first = firstAnswer();
    if (site) watchSiteEnabled(site, (enabled) => void (enabled ? start(firstAnswer()).catch(report) : run?.abort()), ctx.signal);
    await start(first);
  } catch (error) {
    // Never throw into the page: no badge is the worst that happens.
    report(error);
  }
}

/**
 * While `doc` is parsed: the paper links it gains (those `selector` matches) badged at each frame, in
 * its animation-frame callback, before the frame lays out and paints what was parsed since the last:
 * a badge never moves text the reader already sees. A long thread is shown in part long before it is
 * whole, and a badge that came at DOMContentLoaded moved the rest of its line, or of its comment.
 * - Each new link's parent is read with the site's reader (the badges' `badge`, which badges a link
 *   once). A link is tested first for naming a paper at all (PAPER_HREF, its attributes only), then
 *   against the site's selector (which may test its ancestors).
 * - Links whose paper is not known yet wait for their answer (`retry`); DOMContentLoaded reads the whole
 *   page as before.
 * - Only badges that go right after their link: one at the end of an element (Hacker News' title line)
 *   would go before what the parser adds to it next, so it waits for DOMContentLoaded.
 * - `firstAdded` is told in the callback that puts in the first: the badges' look is read there, so
 *   that they are painted in it from their first frame (later ones take it as they go in). That read
 *   makes the frame's style work happen in our script, so our profiled time counts it.
 * - A frame callback rather than a MutationObserver: observing the whole parse cost a 300-comment
 *   thread 28 ms more of our script (bench).
 */
function badgeWhileParsed(doc: Document, selector: string, shown: LinkBadges, signal: AbortSignal, firstAdded: () => void): void {
  const view = doc.defaultView;
  if (!view || doc.readyState !== 'loading' || signal.aborted) return;
  const afterItsLink = (mention: PaperMention) => !mention.inside;
  const links = doc.getElementsByTagName('a');
  let next = 0;
  let frame = 0;
  let told = false;
  const read = () => {
    const parents = new Set<Element>();
    for (let link = links[next]; link; link = links[++next]) if (link.parentElement && link.matches(PAPER_HREF) && link.matches(selector)) parents.add(link.parentElement);
    let badged = 0;
    for (const parent of parents) badged += shown.badge(parent, afterItsLink);
    if (badged && !told) {
      told = true;
      firstAdded();
    }
    if (doc.readyState === 'loading' && !signal.aborted) frame = view.requestAnimationFrame(read);
  };
  frame = view.requestAnimationFrame(read);
  const stop = () => view.cancelAnimationFrame(frame);
  doc.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
}
