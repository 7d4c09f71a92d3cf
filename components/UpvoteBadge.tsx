import type { PaperOverview } from '../lib/messages';
import { hfPaperUrl } from '../lib/paper';

export interface UpvoteBadgeProps {
  paper: PaperOverview;
  /** At or above the person's highlight threshold (listings). */
  highlighted?: boolean;
  class?: string;
}

/** The compact mark of a paper HF knows: upvotes (and comments), linking to its HF page. */
export function UpvoteBadge({ paper, highlighted = false, class: extraClass }: UpvoteBadgeProps) {
  const comments = paper.numComments;
  const label = `Daily Papers Lens: ${paper.upvotes} upvotes${comments !== undefined ? `, ${comments} comments` : ''} on Hugging Face Daily Papers${highlighted ? ' (above your highlight threshold)' : ''}`;
  return (
    <a
      class={extraClass ? `dpl-badge ${extraClass}` : 'dpl-badge'}
      href={hfPaperUrl(paper.id)}
      target="_blank"
      rel="noopener noreferrer"
      title="Daily Papers Lens: this paper on Hugging Face Daily Papers"
      aria-label={label}
      data-testid="dpl-badge"
      data-highlighted={highlighted ? '' : undefined}
    >
      <span class="dpl-brand-mark" aria-hidden="true">🤗</span>
      <span class="dpl-upvotes">▲ {paper.upvotes}</span>
      {comments !== undefined && <span class="dpl-comments">💬 {comments}</span>}
    </a>
  );
}
