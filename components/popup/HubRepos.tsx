import { useEffect, useState } from 'preact/hooks';
import type { PaperLinks } from '../../lib/shared/messages';
import type { RepoKind } from '../../lib/shared/hf-repo';
import { LinkedRepoItem } from '../shared/LinkedRepoItem';
import { usePopupServices } from './popup-context';

const KINDS: [RepoKind, string][] = [
  ['models', 'Models'],
  ['datasets', 'Datasets'],
  ['spaces', 'Spaces'],
];

type Asked = 'asking' | 'failed' | 'not-allowed' | undefined;

/**
 * An expanded paper's models, datasets and Spaces on HF: from the cache, else asked now (the person chose
 * this paper; the background asks under *Live lookups* and caches a day).
 */
export function HubRepos({ paperId }: { paperId: string }) {
  const { links, askLinks } = usePopupServices();
  const known = links.get(paperId);
  const [asked, setAsked] = useState<Asked>();
  const ask = () => {
    setAsked('asking');
    askLinks(paperId).then(
      (answer) => setAsked(answer.ok ? undefined : answer.reason),
      () => setAsked('failed'),
    );
  };
  useEffect(() => {
    if (!known) ask();
  }, [paperId]);

  if (!known) {
    if (asked === 'not-allowed') return null;
    return (
      <p class="hub-repos note">
        {asked === 'failed' ? (
          <>
            Couldn't load the models, datasets and Spaces.{' '}
            <button type="button" class="retry" onClick={ask}>
              Retry
            </button>
          </>
        ) : (
          'Loading the models, datasets and Spaces…'
        )}
      </p>
    );
  }
  return (
    <div class="hub-repos" role="group" aria-label="On Hugging Face">
      <p class="hub-totals">{KINDS.map(([kind, label]) => `${label} ${known.totals[kind]}`).join(' · ')}</p>
      {KINDS.map(([kind, label]) =>
        known.top[kind].length ? (
          <ul key={kind} aria-label={label}>
            {known.top[kind].map((repo) => (
              <LinkedRepoItem key={repo.id} kind={kind} repo={repo} />
            ))}
          </ul>
        ) : null,
      )}
    </div>
  );
}
