/**
 * Abstract pages and HTML papers: the paper card after the title (an HTML paper LaTeXML did not make:
 * after its first heading, or at the top of its body), or a quiet link when HF does not know it. The
 * paper's id is in the URL: at document_start its card is read from the local copy of the synced
 * papers' cards (lib/background/card-mirror.ts: no message, so a stopped background worker is not
 * started), else asked about, and rendered while the page loads, so at DOMContentLoaded it only has to
 * be put in place.
 */
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/arxiv/overlay.css?inline';
import { PaperCard } from '../../components/sites/arxiv/PaperCard';
import { UnknownPaperLink } from '../../components/sites/arxiv/UnknownPaperLink';
import { LinkedRepos, type LinksState } from '../../components/sites/arxiv/LinkedRepos';
import { CardDiscussion } from '../../components/sites/arxiv/CardDiscussion';
import { readLocalCard, writeCardCollapsed, writeCardLinksOpen } from '../../lib/sites/arxiv/card-state';
import { scriptMatches } from '../../lib/shared/sites';
import { paperIdInUrl, readPaperPage } from '../../lib/sites/arxiv/paper-page';
import { pageTheme, watchPageTheme } from '../../lib/sites/kit/page-theme';
import { domReady } from '../../lib/sites/kit/dom-ready';
import { createRenderTarget, OVERLAY_TAGS, OverlayStyles, removeOverlayElements, setHostTheme, type RenderTarget } from '../../lib/sites/kit/shadow-host';
import { sendRequest, type PaperCardData } from '../../lib/shared/messages';
import { readSiteSwitches } from '../../lib/sites/kit/site-switch';

export default defineContentScript({
  matches: scriptMatches('arxiv-paper'),
  runAt: 'document_start',
  main(ctx) {
    const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
    // Old-style ids (hep-th/9901001) have no HF page and are never sent anywhere.
    const earlyId = paperIdInUrl(location.href);
    const early = earlyId ? prepareCard(ctx, earlyId) : undefined;
    early?.catch(report);
    // Never throw into the page: no card is the worst that happens.
    showPaperCard(ctx, earlyId, early).catch(report);
  },
});

/**
 * The paper's card from the local copy when the site is on; the background's answer when the copy lacks
 * the paper (live lookups and the unknown-paper link as ever). Nothing when the site is off, nor when HF
 * could not be asked now (`unanswered`: the background's limits or a failure, not "HF has no such paper").
 */
async function findCard(id: string): Promise<{ enabled: boolean; paper?: PaperCardData; unanswered?: boolean; collapsed: boolean; linksOpen: boolean; live: boolean }> {
  const [local, switches] = await Promise.all([readLocalCard(id), readSiteSwitches('arxiv').catch(() => undefined)]);
  const { card, collapsed, linksOpen } = local;
  // Unreadable settings: the background decides (it checks again anyway).
  const { enabled, live } = switches ?? { live: true };
  if (enabled === false) return { enabled, collapsed, linksOpen, live };
  if (card && enabled) return { enabled, paper: card, collapsed, linksOpen, live };
  const answer = await sendRequest({ type: 'pagePapers', site: 'arxiv', ids: [id], live: true });
  return { enabled: answer.enabled, paper: answer.papers[id], unanswered: answer.unanswered?.includes(id), collapsed, linksOpen, live };
}

/** A rendered card not yet in the page; `loadLinks` (a known paper only) fills in its linked part afterwards. */
interface PreparedCard extends RenderTarget {
  loadLinks?: () => void;
}

/** Finds the paper's card and renders it, not yet in the page; undefined when there is nothing to show. */
async function prepareCard(ctx: ContentScriptContext, id: string): Promise<PreparedCard | undefined> {
  const { enabled, paper, unanswered, collapsed, linksOpen, live } = await findCard(id);
  if (!enabled || unanswered || ctx.isInvalid) return undefined;
  const target = createRenderTarget(document, OVERLAY_TAGS.card, new OverlayStyles(badgeCss + overlayCss), 'block');
  if (!paper) {
    render(<UnknownPaperLink id={id} />, target.container);
    return target;
  }
  const draw = (links?: LinksState) =>
    render(
      <PaperCard paper={paper} initiallyCollapsed={collapsed} onCollapsedChange={(value) => void writeCardCollapsed(value).catch(() => undefined)}>
        {links && (
          <LinkedRepos
            state={links}
            initiallyOpen={linksOpen}
            onOpenChange={(open) => void writeCardLinksOpen(open).catch(() => undefined)}
            onRetry={loadLinks}
          />
        )}
        {live && <CardDiscussion paperId={paper.id} numComments={paper.numComments} load={() => sendRequest({ type: 'paperComments', id: paper.id })} />}
      </PaperCard>,
      target.container,
    );
  // Nothing is drawn until the background answers: a paper without links, or with live lookups off, keeps today's card.
  function loadLinks() {
    if (ctx.isInvalid) return;
    sendRequest({ type: 'paperLinks', id }).then(
      (answer) => draw(answer.ok ? { status: 'ok', links: answer.links } : answer.reason === 'failed' ? { status: 'failed' } : undefined),
      () => draw({ status: 'failed' }),
    );
  }
  draw();
  // Live lookups off: not even the worker is asked (the background would refuse to ask HF anyway).
  return live ? { ...target, loadLinks } : target;
}

async function showPaperCard(ctx: ContentScriptContext, earlyId: string | undefined, early: Promise<PreparedCard | undefined> | undefined): Promise<void> {
  await domReady(document);
  if (ctx.isInvalid) return;
  // What an earlier run left (extension reload, re-injection) goes first: never two cards.
  removeOverlayElements(document, [OVERLAY_TAGS.card]);
  const page = readPaperPage(location.href, document);
  if (!page || page.arxivId.style !== 'new') return;
  // An abstract page whose URL names no paper names it in its markup: asked about now.
  const card = await (early && earlyId === page.arxivId.id ? early : prepareCard(ctx, page.arxivId.id));
  if (!card || ctx.isInvalid) return;

  removeOverlayElements(document, [OVERLAY_TAGS.card]);
  const { host, container } = card;
  // The page's look is read in the next frame, before it is painted, from the styles that frame
  // computes anyway (reading it now would make the browser compute them once more, at once).
  const followTheme = () => setHostTheme(host, pageTheme(host));
  setHostTheme(host, 'light');
  page.anchor.insertAdjacentElement(page.position, host);
  ctx.requestAnimationFrame(followTheme);
  // After the card is in the page: its first paint never waits on HF.
  card.loadLinks?.();

  watchPageTheme(document, followTheme, ctx.signal);
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
}
