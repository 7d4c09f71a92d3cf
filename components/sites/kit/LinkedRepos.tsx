import { useState } from 'preact/hooks';
import type { PaperLinks } from '../../../lib/shared/messages';
import type { RepoKind } from '../../../lib/shared/hf-repo';
import { LinkedRepoItem } from '../../shared/LinkedRepoItem';
import { formatCount } from '../../../lib/shared/numbers';

/** The linked part of the card: asked after the card is shown. */
export type LinksState = { status: 'failed' } | { status: 'ok'; links: PaperLinks };

export interface LinkedReposProps {
  state: LinksState;
  initiallyOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onRetry: () => void;
}

const KINDS: [RepoKind, string][] = [
  ['models', 'Models'],
  ['datasets', 'Datasets'],
  ['spaces', 'Spaces'],
];

/** A disclosure button (the card's own toggle look). */
function Toggle({ open, controls, label, onClick }: { open: boolean; controls: string; label: string; onClick: () => void }) {
  return (
    <button type="button" class="dpl-toggle" aria-expanded={open} aria-controls={controls} onClick={onClick}>
      {label}
    </button>
  );
}

function Failed({ what, onRetry }: { what: string; onRetry: () => void }) {
  return (
    <p>
      Couldn't load {what}. <Toggle open={false} controls="" label="Retry" onClick={onRetry} />
    </p>
  );
}

/** Totals in one row; the top few of each behind one remembered control. */
export function LinkedRepos({ state, initiallyOpen, onOpenChange, onRetry }: LinkedReposProps) {
  const [open, setOpen] = useState(initiallyOpen);
  if (state.status === 'failed') return <Failed what="the models, datasets and Spaces" onRetry={onRetry} />;
  const { totals, top } = state.links;
  const any = totals.models + totals.datasets + totals.spaces > 0;
  return (
    <div class="dpl-linked" aria-label="On Hugging Face" role="group">
      <span>{KINDS.map(([kind, label]) => `${label} ${formatCount(totals[kind])}`).join(' · ')}</span>{' '}
      {any && (
        <Toggle
          open={open}
          controls="dpl-linked-lists"
          label={open ? 'Hide linked' : 'Show linked'}
          onClick={() => {
            setOpen(!open);
            onOpenChange(!open);
          }}
        />
      )}
      <div id="dpl-linked-lists" hidden={!open || !any}>
        {KINDS.map(([kind, label]) =>
          top[kind].length ? (
            <div key={kind} class="dpl-linked-kind">
              <span aria-hidden="true">{label}</span>
              <ul aria-label={label}>
                {top[kind].map((repo) => (
                  <LinkedRepoItem key={repo.id} kind={kind} repo={repo} />
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </div>
    </div>
  );
}

