import type { PaperOverview } from '../lib/messages';
import { hfPaperUrl } from '../lib/paper';

/** The compact mark of a paper HF knows: upvotes (and comments), linking to its HF page. */
export function UpvoteBadge({ paper }: { paper: PaperOverview }) {
  const comments = paper.numComments;
  return (
    <a
      class="dpl-badge"
      href={hfPaperUrl(paper.id)}
      target="_blank"
      rel="noopener noreferrer"
      title="Daily Papers Lens: this paper on Hugging Face Daily Papers"
      aria-label={`Hugging Face Daily Papers: ${paper.upvotes} upvotes${comments !== undefined ? `, ${comments} comments` : ''}`}
      data-testid="dpl-badge"
    >
      <span class="dpl-brand" aria-hidden="true">🤗</span>
      <span class="dpl-upvotes">▲ {paper.upvotes}</span>
      {comments !== undefined && <span class="dpl-comments">💬 {comments}</span>}
    </a>
  );
}
