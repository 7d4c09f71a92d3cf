import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchDoc } from '../../lib/shared/search/local-index';
import type { UpvotePoint } from '../../lib/popup/trends';
import { FIRST_FRAME_ENTRIES } from '../../lib/popup/first-screen';
import { PaperItem } from './PaperItem';
import { usePopupServices } from './popup-context';
import { ListFilterBar } from './ListFilterBar';
import { filterPapers } from '../../lib/popup/paper-filters';

/** Entries drawn at first; "Show more" adds as many again (a week at 20,000 papers is long). */
export const PAGE_SIZE = 50;

interface Props {
  papers: SearchDoc[];
  label: string;
  history?: ReadonlyMap<string, UpvotePoint[]>;
  showDay?: boolean;
  /** Entries drawn at first (and added by each "Show more"). */
  pageSize?: number;
}

/**
 * A ranked list of papers, used by every view. Arrow keys (and Home/End) move between entries, Enter
 * opens the focused entry's HF page; Tab reaches one entry, then its buttons and links.
 */
export function PaperList({ papers: all, label, history, showDay = false, pageSize = PAGE_SIZE }: Props) {
  const { userStatesReady, firstScreen, filters, links } = usePopupServices();
  const papers = filterPapers(all, filters, links);
  const [shown, setShown] = useState(pageSize);
  const [active, setActive] = useState(0);
  const [painted, setPainted] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  // The first frame draws a screenful; the rest follows it (lib/popup/first-screen.ts).
  const visible = papers.slice(0, painted ? shown : Math.min(shown, FIRST_FRAME_ENTRIES));

  useEffect(() => (userStatesReady ? firstScreen.afterListFrame(() => setPainted(true)) : undefined), [userStatesReady, firstScreen]);
  const activeIndex = Math.min(active, Math.max(0, visible.length - 1));

  const entries = () => [...(list.current?.querySelectorAll<HTMLElement>('article.paper-entry') ?? [])];
  const focusEntry = (index: number) => {
    const all = entries();
    const target = all[Math.max(0, Math.min(index, all.length - 1))];
    if (!target) return;
    setActive(all.indexOf(target));
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const entry = (event.target as HTMLElement).closest<HTMLElement>('article.paper-entry');
    if (!entry) return;
    const index = entries().indexOf(entry);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: Number.MAX_SAFE_INTEGER };
    if (event.key in moves && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      focusEntry(moves[event.key]!);
    } else if (event.key === 'Enter' && event.target === entry) {
      event.preventDefault();
      entry.querySelector<HTMLAnchorElement>('a.title')?.click();
    }
  };

  if (!userStatesReady) return null;
  return (
    <>
      <ListFilterBar papers={all} shown={papers.length} />
      <ol class="papers" aria-label={label} ref={list} onKeyDown={onKeyDown} onFocusIn={(event) => {
        const entry = (event.target as HTMLElement).closest<HTMLElement>('article.paper-entry');
        if (entry) setActive(entries().indexOf(entry));
      }}>
        {visible.map((paper, index) => (
          <PaperItem
            key={paper.id}
            paper={paper}
            rank={index + 1}
            history={history?.get(paper.id)}
            showDay={showDay}
            active={index === activeIndex}
          />
        ))}
      </ol>
      {papers.length > shown && (
        <button type="button" class="show-more" onClick={() => setShown(shown + pageSize)}>
          Show more ({papers.length - shown} left)
        </button>
      )}
    </>
  );
}

/** Moves focus from outside (the search box) to the list's first entry. */
export function focusFirstEntry(container: ParentNode | null): boolean {
  const first = container?.querySelector<HTMLElement>('article.paper-entry');
  first?.focus();
  return Boolean(first);
}
