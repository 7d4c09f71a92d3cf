/**
 * The overlay's badges in GitHub's page: each in its own shadow root (GitHub's CSS can't reach in, ours
 * can't leak out), mounted synchronously so a reconcile never races a half-made badge, and unmounted
 * with `render(null)` before its host leaves. Hosts carry the page's light/dark look as an attribute;
 * the CSS prefers GitHub's own colour variables, which pierce the shadow root.
 */
import { render, type VNode } from 'preact';
import { RepoPapers } from '../../components/RepoPapers';
import { UpvoteBadge } from '../../components/UpvoteBadge';
import type { ColorScheme } from './color-mode';
import type { BadgeUi, MountedBadge } from './page-view';

export const INLINE_BADGE_HOST = 'dpl-paper-badge';
export const REPO_BADGE_HOST = 'dpl-repo-papers';

export interface BadgeUiOptions {
  doc: Document;
  /** The stylesheet of every badge's shadow root. */
  css: string;
  colorScheme: () => ColorScheme;
}

export function createBadgeUi({ doc, css, colorScheme }: BadgeUiOptions): BadgeUi {
  const mount = (tag: string, content: VNode, place: (host: Element) => void): MountedBadge => {
    const host = doc.createElement(tag);
    host.setAttribute('data-dpl-theme', colorScheme());
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    const container = doc.createElement('span');
    container.className = 'dpl-root';
    shadow.append(style, container);
    render(content, container);
    place(host);
    return {
      host,
      remove() {
        render(null, container);
        host.remove();
      },
    };
  };
  return {
    hostSelector: `${INLINE_BADGE_HOST}, ${REPO_BADGE_HOST}`,
    inline: (link, paper) => mount(INLINE_BADGE_HOST, <UpvoteBadge paper={paper} />, (host) => link.after(host)),
    repo: (container, papers, placement) =>
      mount(REPO_BADGE_HOST, <RepoPapers papers={papers} placement={placement} />, (host) => container.append(host)),
  };
}
