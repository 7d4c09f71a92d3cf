/**
 * Abstract pages and HTML papers: the paper card after the title (an HTML paper LaTeXML did not make:
 * after its first heading, or at the top of its body), or a quiet link when HF does not know it. The
 * paper's id is in the URL: at document_start its card is read from the local copy of the synced
 * papers' cards (lib/background/card-mirror.ts: no message, so a stopped background worker is not
 * started), else asked about, and rendered while the page loads; it goes in as soon as the title is
 * parsed, before the page under it is painted (a long HTML paper is painted in part long before
 * DOMContentLoaded), or else at DOMContentLoaded. The card, its finding and its linked part are the
 * kit's (components/sites/kit/paper-card-site.tsx).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/kit/paper-overlay.css?inline';
import { dropCard, placeCard, prepareCard, type PreparedCard } from '../../components/sites/kit/paper-card-site';
import { scriptMatches } from '../../lib/shared/sites';
import { paperIdInUrl, readPaperPage, watchParsedTitle, type PaperPage } from '../../lib/sites/arxiv/paper-page';
import { pageTheme, watchPageTheme } from '../../lib/sites/kit/page-theme';
import { domReady } from '../../lib/sites/kit/dom-ready';
import { earlierRunRemover, OVERLAY_TAGS, OverlayStyles, setHostTheme } from '../../lib/sites/kit/shadow-host';

export default defineContentScript({
  ...QUIET_START,
  matches: scriptMatches('arxiv-paper'),
  runAt: 'document_start',
  main(ctx) {
    const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
    const styles = new OverlayStyles(badgeCss + overlayCss);
    // Old-style ids (hep-th/9901001) have no HF page and are never sent anywhere.
    const earlyId = paperIdInUrl(location.href);
    const early = earlyId ? prepareCard(ctx, 'arxiv', styles, earlyId) : undefined;
    early?.catch(report);
    // Never throw into the page: no card is the worst that happens.
    showPaperCard(ctx, styles, earlyId, early, earlierRunRemover(document, [OVERLAY_TAGS.card])).catch(report);
  },
});

async function showPaperCard(
  ctx: ContentScriptContext,
  styles: OverlayStyles,
  earlyId: string | undefined,
  early: Promise<PreparedCard | undefined> | undefined,
  removeEarlierRun: () => void,
): Promise<void> {
  // While the page is parsed: the card goes after the title as soon as both are here.
  let placedEarly: PreparedCard | undefined;
  const frame = (check: () => void) => void ctx.requestAnimationFrame(check);
  const putEarly = (card: PreparedCard | undefined) => {
    if (!card || ctx.isInvalid) return;
    const put = (page: PaperPage) => {
      removeEarlierRun();
      placeCard(ctx, card, page);
      placedEarly = card;
      ctx.onInvalidated(() => dropCard(card));
    };
    watchParsedTitle(location.href, document, put, ctx.signal, frame);
  };
  early?.then(putEarly, () => undefined);

  await domReady(document);
  if (ctx.isInvalid) return;
  // What an earlier run left goes first: never two cards.
  removeEarlierRun();
  const page = readPaperPage(location.href, document);
  if (!page || page.arxivId.style !== 'new') return;
  // An abstract page whose URL names no paper names it in its markup: asked about now.
  const card = await (early && earlyId === page.arxivId.id ? early : prepareCard(ctx, 'arxiv', styles, page.arxivId.id));
  if (placedEarly && placedEarly !== card) dropCard(placedEarly);
  if (!card || ctx.isInvalid) return;

  removeEarlierRun();
  placeCard(ctx, card, page);
  watchPageTheme(document, () => setHostTheme(card.host, pageTheme(card.host)), ctx.signal);
  if (card !== placedEarly) ctx.onInvalidated(() => dropCard(card));
}
