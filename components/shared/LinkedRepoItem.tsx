import type { LinkedRepo } from '../../lib/shared/messages';
import { hfRepoUrl, type RepoKind } from '../../lib/shared/hf-repo';
import { formatCount } from '../../lib/shared/numbers';

/** One linked repository (the arXiv card, the popup): its name as a link built from the checked id, then its task, likes and downloads. */
export function LinkedRepoItem({ kind, repo }: { kind: RepoKind; repo: LinkedRepo }) {
  const href = hfRepoUrl(kind, repo.id);
  const facts = [repo.task, repo.likes !== undefined && `♥ ${formatCount(repo.likes)}`, repo.downloads !== undefined && `↓ ${formatCount(repo.downloads)}`].filter(Boolean);
  return href ? (
    <li>
      <a href={href} target="_blank" rel="noopener noreferrer">
        {repo.id}
      </a>
      <span> {facts.join(' · ')}</span>
    </li>
  ) : null;
}
