/**
 * The upvote badge as plain DOM, on every page the extension annotates (listings, paper cards, GitHub,
 * the link sites): built without a render per badge (a freshly injected script runs cold, a 2000-entry
 * listing may need 2000 of them, a README a hundred). Every string goes in as text or an attribute
 * value, never as HTML.
 */
import { textSpan } from './element';
import type { PaperBadge } from '../../../lib/shared/messages';
import { upvoteBadgeModel } from './upvote-badge-model';

export function createUpvoteBadge(doc: Document, paper: PaperBadge, options: { highlighted: boolean }): HTMLAnchorElement {
  const model = upvoteBadgeModel(paper, options.highlighted);
  const link = doc.createElement('a');
  link.className = 'dpl-badge';
  link.href = model.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.title = model.title;
  link.setAttribute('aria-label', model.label);
  link.setAttribute('data-testid', 'dpl-badge');
  if (options.highlighted) link.setAttribute('data-highlighted', '');
  // The 🤗 mark comes from the stylesheet (.dpl-badge::before): one element fewer, 2000 times over.
  link.append(textSpan(doc, 'dpl-upvotes', model.upvotes));
  if (model.comments) link.append(textSpan(doc, 'dpl-comments', model.comments));
  return link;
}
