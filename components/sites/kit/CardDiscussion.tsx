import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Fetched, PaperComment, PaperDiscussion } from '../../../lib/shared/messages';
import { hfPaperUrl } from '../../../lib/shared/paper';
import { dateLabel } from '../../../lib/shared/day-label';
import { element } from './element';

type DiscussionState = { status: 'closed' | 'loading' | 'failed' } | { status: 'ok'; discussion: PaperDiscussion };

export interface CardDiscussionProps {
  paperId: string;
  /** HF's comment count, when known: 0 hides the control (nothing to fetch). */
  numComments?: number;
  /** Asks the background for the discussion (cached there an hour); called only when the person opens it. */
  load: () => Promise<Fetched<{ discussion: PaperDiscussion }>>;
  /** Open from the start, the discussion asked for at once (the person's click on the plain line below). */
  initiallyOpen?: boolean;
}

const discussionLabel = (numComments: number | undefined) =>
  numComments === undefined ? 'Discussion' : `Discussion · ${numComments} comment${numComments === 1 ? '' : 's'}`;

/** One comment: who, when, reactions, then what they wrote, as text (never parsed as HTML). */
function Comment({ comment }: { comment: PaperComment }) {
  return (
    <li class="dpl-comment">
      <div class="dpl-comment-head">
        <strong>{comment.author}</strong>
        {comment.byPaperAuthor && <span class="dpl-author-mark">author of the paper</span>}
        <time dateTime={comment.at}>{dateLabel(comment.at)}</time>
        {comment.reactions > 0 && <span aria-label={`${comment.reactions} reactions`}>♥ {comment.reactions}</span>}
      </div>
      <p class="dpl-comment-text">{comment.text}</p>
      {comment.replies.length > 0 && (
        <ul class="dpl-replies" aria-label="Replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The paper's discussion on HF behind its own control: asked when first opened, a retry after a failure. */
export function CardDiscussion({ paperId, numComments, load, initiallyOpen = false }: CardDiscussionProps) {
  const [state, setState] = useState<DiscussionState>({ status: initiallyOpen ? 'loading' : 'closed' });
  const [open, setOpen] = useState(initiallyOpen);
  const fetchIt = () => {
    setState({ status: 'loading' });
    load().then(
      (answer) => setState(answer.ok ? { status: 'ok', discussion: answer.discussion } : { status: 'failed' }),
      () => setState({ status: 'failed' }),
    );
  };
  useEffect(() => {
    if (initiallyOpen) fetchIt();
  }, []);
  if (numComments === 0) return null;
  const toggle = () => {
    if (!open && (state.status === 'closed' || state.status === 'failed')) fetchIt();
    setOpen(!open);
  };
  const link = `${hfPaperUrl(encodeURIComponent(paperId))}#community`;
  return (
    <div class="dpl-linked" role="group" aria-label="Discussion">
      <span>{discussionLabel(numComments)}</span>{' '}
      <button type="button" class="dpl-toggle" aria-expanded={open} aria-controls="dpl-discussion" onClick={toggle}>
        {open ? 'Hide discussion' : 'Show discussion'}
      </button>
      <div id="dpl-discussion" hidden={!open}>
        {state.status === 'loading' && <p class="dpl-quiet">Loading…</p>}
        {state.status === 'failed' && (
          <p class="dpl-quiet">
            Couldn't load the discussion.{' '}
            <button type="button" class="dpl-button" onClick={fetchIt}>
              Retry
            </button>
          </p>
        )}
        {state.status === 'ok' && (
          <>
            {state.discussion.threads.length > 0 ? (
              <ul class="dpl-threads" aria-label="Latest threads">
                {state.discussion.threads.map((thread) => (
                  <Comment key={thread.id} comment={thread} />
                ))}
              </ul>
            ) : (
              <p class="dpl-quiet">No visible comments yet.</p>
            )}
            <a class="dpl-quiet" href={link} target="_blank" rel="noopener noreferrer">
              {state.discussion.totalThreads > state.discussion.threads.length
                ? `All ${state.discussion.totalThreads} threads on Hugging Face`
                : 'The discussion on Hugging Face'}
            </a>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * The discussion's closed line in `slot` as plain DOM, the same markup as the component's: the card's
 * first paint runs no renderer. The first click puts the component there instead, open (the discussion
 * asked for then, as ever), and keeps the focus on its button. Nothing when HF counts no comments.
 */
export function mountCardDiscussion(slot: HTMLElement, props: Omit<CardDiscussionProps, 'initiallyOpen'>): void {
  if (props.numComments === 0) return;
  const doc = slot.ownerDocument;
  const button = element(doc, 'button', { type: 'button', class: 'dpl-toggle', 'aria-expanded': 'false', 'aria-controls': 'dpl-discussion' }, [
    'Show discussion',
  ]);
  const panel = element(doc, 'div', { id: 'dpl-discussion' });
  panel.hidden = true;
  slot.append(element(doc, 'div', { class: 'dpl-linked', role: 'group', 'aria-label': 'Discussion' }, [element(doc, 'span', {}, [discussionLabel(props.numComments)]), ' ', button, panel]));
  button.addEventListener(
    'click',
    () => {
      const root = slot.getRootNode() as Document | ShadowRoot;
      const focused = root.activeElement === button;
      slot.replaceChildren();
      render(<CardDiscussion {...props} initiallyOpen />, slot);
      if (focused) slot.querySelector('button')?.focus();
    },
    { once: true },
  );
}
