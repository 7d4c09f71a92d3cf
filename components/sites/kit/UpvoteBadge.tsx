import type { PaperBadge } from '../../../lib/shared/messages';
import { upvoteBadgeModel } from './upvote-badge-model';

export interface UpvoteBadgeProps {
  paper: PaperBadge;
  /** At or above the person's highlight threshold (listings). */
  highlighted?: boolean;
  class?: string;
}

/**
 * The compact mark of a paper HF knows: upvotes (and comments), linking to its HF page. Listings
 * (up to 2000 at once) and GitHub pages build the same markup without Preact: ./upvote-badge-element.ts.
 */
export function UpvoteBadge({ paper, highlighted = false, class: extraClass }: UpvoteBadgeProps) {
  const model = upvoteBadgeModel(paper, highlighted);
  return (
    <a
      class={extraClass ? `dpl-badge ${extraClass}` : 'dpl-badge'}
      href={model.href}
      target="_blank"
      rel="noopener noreferrer"
      title={model.title}
      aria-label={model.label}
      data-testid="dpl-badge"
      data-highlighted={highlighted ? '' : undefined}
    >
      <span class="dpl-upvotes">{model.upvotes}</span>
      {model.comments && <span class="dpl-comments">{model.comments}</span>}
    </a>
  );
}
