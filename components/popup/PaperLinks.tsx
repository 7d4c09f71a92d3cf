import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../../lib/shared/paper';
import type { SearchDoc } from '../../lib/shared/search/local-index';

/** Where to read on: HF, arXiv, PDF, code (with stars) and project page. Every URL is ours or checked https. */
export function PaperLinks({ paper }: { paper: SearchDoc }) {
  const link = (href: string, text: string, label: string, cls = '') => (
    <a class={`link ${cls}`} href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {text}
    </a>
  );
  return (
    <nav class="links" aria-label="Links">
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
    </nav>
  );
}
