import type { PaperOverview } from '../lib/messages';
import { arxivAbsUrl, hfPaperUrl } from '../lib/paper';

export type RepoPapersPlacement = 'about' | 'header';

/** Papers shown in the header row before the rest fold into "+N more". */
export const HEADER_PAPERS_SHOWN = 2;

/**
 * The papers whose code a GitHub repository is: title (to the HF page), upvotes, comments and the
 * arXiv page. The About box gets the full card; the header of the other repository pages a compact
 * row. Every string from HF is rendered as text by Preact, never as HTML.
 */
export function RepoPapers({ papers, placement }: { papers: PaperOverview[]; placement: RepoPapersPlacement }) {
  const heading = papers.length === 1 ? 'Paper on Hugging Face Daily Papers' : `${papers.length} papers on Hugging Face Daily Papers`;
  const label = `Daily Papers Lens: ${heading.toLowerCase()} whose code is this repository`;
  if (placement === 'header') {
    const shown = papers.slice(0, HEADER_PAPERS_SHOWN);
    const rest = papers.slice(HEADER_PAPERS_SHOWN);
    return (
      <section class="dpl-repo dpl-repo-header" aria-label={label} title="Daily Papers Lens: papers whose code is this repository" data-testid="dpl-repo-papers">
        <span class="dpl-brand" aria-hidden="true">
          🤗
        </span>
        <ul class="dpl-repo-list">
          {shown.map((paper) => (
            <PaperItem key={paper.id} paper={paper} compact />
          ))}
        </ul>
        {rest.length > 0 && (
          <details class="dpl-more">
            <summary>+{rest.length} more</summary>
            <ul class="dpl-repo-list dpl-more-list">
              {rest.map((paper) => (
                <PaperItem key={paper.id} paper={paper} compact />
              ))}
            </ul>
          </details>
        )}
      </section>
    );
  }
  return (
    <section class="dpl-repo dpl-repo-about" aria-label={label} data-testid="dpl-repo-papers">
      <h2 class="dpl-repo-heading">
        <span class="dpl-brand" aria-hidden="true">
          🤗
        </span>
        <span>{heading}</span>
      </h2>
      <ul class="dpl-repo-list">
        {papers.map((paper) => (
          <PaperItem key={paper.id} paper={paper} compact={false} />
        ))}
      </ul>
    </section>
  );
}

function PaperItem({ paper, compact }: { paper: PaperOverview; compact: boolean }) {
  return (
    <li class="dpl-repo-paper" data-paper-id={paper.id}>
      <a class="dpl-repo-title" href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer" title={paper.title}>
        {paper.title}
      </a>
      {!compact && paper.aiSummary && <p class="dpl-repo-summary">{paper.aiSummary}</p>}
      <span class="dpl-repo-meta">
        <span class="dpl-upvotes" aria-label={`${paper.upvotes} upvotes`}>
          ▲ {paper.upvotes}
        </span>
        {paper.numComments !== undefined && (
          <span class="dpl-comments" aria-label={`${paper.numComments} comments`}>
            💬 {paper.numComments}
          </span>
        )}
        {paper.withdrawnAt && <span class="dpl-withdrawn">withdrawn</span>}
        <a class="dpl-arxiv" href={arxivAbsUrl(paper.id)} target="_blank" rel="noopener noreferrer" aria-label={`arXiv ${paper.id}: ${paper.title}`}>
          {compact ? 'arXiv' : `arXiv ${paper.id}`}
        </a>
      </span>
    </li>
  );
}
