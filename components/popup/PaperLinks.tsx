import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../../lib/shared/paper';
import type { SearchDoc } from '../../lib/shared/search/local-index';

/** Where to read on: HF, arXiv, PDF, code (with stars) and project page. Every URL is ours or checked https. */
export function PaperLinks({ paper }: { paper: SearchDoc }) {
  // Named by the words shown (what a person sees is what they can say); the longer description is the tooltip.
  const link = (href: string, text: string, description: string, cls = '') => (
    <a class={`link ${cls}`} href={href} target="_blank" rel="noopener noreferrer" title={description}>
      {text}
    </a>
  );
  return (
    // A group, not a landmark: a list of papers would otherwise be fifty navigation regions of one name.
    <div class="links" role="group" aria-label="Links">
      {link(hfPaperUrl(paper.id), 'HF', 'Hugging Face page')}
      {link(arxivAbsUrl(paper.id), 'arXiv', 'arXiv abstract')}
      {link(arxivPdfUrl(paper.id), 'PDF', 'PDF on arXiv')}
      {paper.githubRepo &&
        link(
          paper.githubRepo,
          paper.githubStars !== undefined ? `GitHub ★ ${paper.githubStars}` : 'GitHub',
          `Code on GitHub${paper.githubStars !== undefined ? `, ${paper.githubStars} stars` : ''}`,
          'github',
        )}
      {paper.projectPage && link(paper.projectPage, 'Project', 'Project page')}
    </div>
  );
}
