/**
 * The overlay's badges in GitHub's page, built like the arXiv listing's (lib/sites/kit/shadow-host.ts): each in
 * its own shadow root (GitHub's CSS can't reach in, ours can't leak out), plain DOM without a renderer,
 * and every root adopting one shared constructed stylesheet, so a README with a hundred paper links
 * parses the CSS once. Built synchronously, so a reconcile never races a half-made badge. Hosts carry
 * the page's light/dark look as an attribute; the CSS prefers GitHub's own colour variables, which
 * pierce the shadow root.
 */
import { createRepoPapers } from './repo-papers-element';
import { createUpvoteBadge } from '../kit/upvote-badge-element';
import { createShadowHost, fillRestOfRow, OVERLAY_TAGS, OverlayStyles, setHostTheme, type HostDisplay } from '../../../lib/sites/kit/shadow-host';
import type { ColorScheme } from '../../../lib/sites/github/color-mode';
import type { BadgeUi, MountedBadge } from '../../../lib/sites/github/page-view';

export const INLINE_BADGE_HOST = OVERLAY_TAGS.badge;
export const REPO_BADGE_HOST = OVERLAY_TAGS.repoPapers;

export interface BadgeUiOptions {
  doc: Document;
  /** The stylesheet of every badge's shadow root (one constructed sheet, shared). */
  css: string;
  colorScheme: () => ColorScheme;
}

export function createBadgeUi({ doc, css, colorScheme }: BadgeUiOptions): BadgeUi {
  const styles = new OverlayStyles(css);
  const mount = (tag: string, display: HostDisplay, content: HTMLElement, place: (host: HTMLElement) => void): MountedBadge => {
    const { host, root } = createShadowHost(doc, tag, styles, display);
    setHostTheme(host, colorScheme());
    content.classList.add('dpl-root');
    root.append(content);
    place(host);
    return { host, remove: () => host.remove() };
  };
  return {
    hostSelector: `${INLINE_BADGE_HOST}, ${REPO_BADGE_HOST}`,
    inline: (link, paper) => mount(INLINE_BADGE_HOST, 'inline', createUpvoteBadge(doc, paper, { highlighted: false }), (host) => link.after(host)),
    repo: (container, papers, placement) =>
      mount(REPO_BADGE_HOST, 'block', createRepoPapers(doc, papers, placement), (host) => {
        // The header's name row (`d-flex flex-wrap`) puts what does not fit on its line onto a second
        // one, pushing the whole page down when the papers come: the row takes the room left (overlay.css).
        if (placement === 'header') fillRestOfRow(host);
        container.append(host);
      }),
  };
}
