import type { PaperOverview } from '../lib/messages';
import { arxivAbsUrl, hfPaperUrl } from '../lib/paper';

export type RepoPapersPlacement = 'about' | 'header';

/**
 * The papers whose code a GitHub repository is: title (to the HF page), upvotes, comments and the
 * arXiv page. The About box gets the full card; the header of other repository pages a compact row.
 * Every string from HF is rendered as text by Preact, never as HTML.
 */
export function RepoPapers({ papers, placement }: { papers: PaperOverview[]; placement: RepoPapersPlacement }) {
  const Heading = placement === 'about' ? 'h2' : 'span';
  const heading = papers.length === 1 ? 'Paper on Hugging Face Daily Papers' : `${papers.length} papers on Hugging Face Daily Papers`;
  return (
    <section
      class={`dpl-repo dpl-repo-${placement}`}
      aria-label={`Daily Papers Lens: ${heading.toLowerCase()} whose code is this repository`}
      title={placement === 'header' ? 'Daily Papers Lens: papers whose code is this repository' : undefined}
      data-testid="dpl-repo-papers"
    >
      <Heading class="dpl-repo-heading">
        <span class="dpl-brand" aria-hidden="true">
          🤗
        </span>
        <span class="dpl-repo-heading-text">{heading}</span>
      </Heading>
      <ul class="dpl-repo-list">
        {papers.map((paper) => (
          <li key={paper.id} class="dpl-repo-paper" data-paper-id={paper.id}>
            <a class="dpl-repo-title" href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer" title={paper.title}>
              {paper.title}
            </a>
            {placement === 'about' && paper.aiSummary && <p class="dpl-repo-summary">{paper.aiSummary}</p>}
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
              <a
                class="dpl-arxiv"
                href={arxivAbsUrl(paper.id)}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={`arXiv ${paper.id}: ${paper.title}`}
              >
                arXiv {paper.id}
              </a>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
