/** What the upvote badge says and links to (./upvote-badge-element.ts builds it). */
import type { PaperBadge } from '../../../lib/shared/messages';
import { hfPaperUrl } from '../../../lib/shared/paper';

export interface UpvoteBadgeModel {
  href: string;
  title: string;
  label: string;
  upvotes: string;
  comments?: string;
}

export function upvoteBadgeModel(paper: PaperBadge, highlighted: boolean): UpvoteBadgeModel {
  const comments = paper.numComments;
  return {
    href: hfPaperUrl(paper.id),
    title: 'Daily Papers Lens: this paper on Hugging Face Daily Papers',
    label: `Daily Papers Lens: ${paper.upvotes} upvotes${comments !== undefined ? `, ${comments} comments` : ''} on Hugging Face Daily Papers${highlighted ? ' (above your highlight threshold)' : ''}`,
    upvotes: `▲ ${paper.upvotes}`,
    comments: comments === undefined ? undefined : `💬 ${comments}`,
  };
}
