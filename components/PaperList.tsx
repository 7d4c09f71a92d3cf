import type { Paper } from '../lib/paper';
import { hfPaperUrl } from '../lib/paper';

/** A ranked list of papers: every string from HF is rendered as text by Preact, never as HTML. */
export function PaperList({ papers }: { papers: Paper[] }) {
  return (
    <ol class="papers" aria-label="Papers, most upvoted first">
      {papers.map((paper, index) => (
        <li key={paper.id} class="paper" data-paper-id={paper.id}>
          <span class="rank" aria-hidden="true">
            {index + 1}
          </span>
          <div class="paper-body">
            <a class="title" href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
              {paper.title}
            </a>
            <div class="meta">
              <span class="upvotes" aria-label={`${paper.upvotes} upvotes`}>
                ▲ {paper.upvotes}
              </span>
              {paper.numComments !== undefined && (
                <span class="comments" aria-label={`${paper.numComments} comments`}>
                  💬 {paper.numComments}
                </span>
              )}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
