import { useState } from 'preact/hooks';
import { hfPaperUrl } from '../../lib/shared/paper';
import { isNewSince } from '../../lib/popup/popup-session';
import type { SearchDoc } from '../../lib/shared/search/local-index';
import { firstSeenAt, paperPoints, upvoteSeries, type UpvotePoint } from '../../lib/popup/trends';
import { isRead, isSaved } from '../../lib/shared/user-state';
import { EmphasisText } from '../shared/EmphasisText';
import { PaperLinks } from './PaperLinks';
import { HubRepos } from './HubRepos';
import { usePopupServices } from './popup-context';
import { Sparkline } from './Sparkline';

const SHOWN_AUTHORS = 3;

interface Props {
  paper: SearchDoc;
  rank: number;
  /** Stored upvote history rows; undefined while loading or for papers not stored (HF search results). */
  history: UpvotePoint[] | undefined;
  /** Lists that mix days show each paper's day. */
  showDay: boolean;
  /** The entry the arrow keys are on: the one reached by Tab. */
  active: boolean;
}

/** One paper: every string from HF is rendered as text by Preact, never as HTML (`**bold**` as `<strong>` elements). */
export function PaperItem({ paper, rank, history, showDay, active }: Props) {
  const { userStates, since, now, act, loadAbstract } = usePopupServices();
  const [expanded, setExpanded] = useState(false);
  const [abstract, setAbstract] = useState(paper.summary);
  const state = userStates.get(paper.id);
  const saved = isSaved(state);
  const read = isRead(state);
  const points = history && paperPoints(paper, history);
  const fresh = points !== undefined && isNewSince(firstSeenAt(points), since);
  const titleId = `title-${paper.id}`;
  const abstractId = `abstract-${paper.id}`;
  const authors = paper.authors.slice(0, SHOWN_AUTHORS).join(', ');
  const moreAuthors = paper.authors.length - SHOWN_AUTHORS;

  const toggleAbstract = () => {
    if (!expanded && abstract === undefined) void loadAbstract(paper.id).then((text) => setAbstract(text ?? ''));
    setExpanded(!expanded);
  };

  return (
    <li class={`paper${read ? ' read' : ''}`} data-paper-id={paper.id}>
      <article class="paper-entry" tabIndex={active ? 0 : -1} aria-labelledby={titleId}>
        <span class="rank" aria-hidden="true">
          {rank}
        </span>
        <div class="paper-body">
          <div class="headline">
            {fresh && (
              <span class="new" data-testid="new-mark">
                New
              </span>
            )}
            <a id={titleId} class="title" href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
              {paper.title}
            </a>
          </div>
          <div class="meta">
            <span class="upvotes" aria-label={`${paper.upvotes} upvotes`}>
              ▲ {paper.upvotes}
            </span>
            {points && <Sparkline series={upvoteSeries(points, paper.upvotes, now)} now={now} />}
            {paper.numComments !== undefined && (
              <span class="comments" aria-label={`${paper.numComments} comments`}>
                💬 {paper.numComments}
              </span>
            )}
            {showDay && paper.dailyDate && <span class="day-of">{paper.dailyDate}</span>}
            {paper.organization && <span class="org">{paper.organization.fullname ?? paper.organization.name}</span>}
          </div>
          {authors && (
            <p class="authors">
              {authors}
              {moreAuthors > 0 && ` +${moreAuthors} more`}
            </p>
          )}
          {paper.aiSummary && (
            <p class="ai-summary">
              <EmphasisText text={paper.aiSummary} />
            </p>
          )}
          {expanded && (
            <p class="abstract" id={abstractId}>
              {abstract === undefined ? 'Loading the abstract…' : <EmphasisText text={abstract} />}
            </p>
          )}
          {expanded && <HubRepos paperId={paper.id} />}
          {paper.aiKeywords && paper.aiKeywords.length > 0 && (
            <ul class="keywords" aria-label="Keywords">
              {paper.aiKeywords.slice(0, 6).map((keyword) => (
                <li key={keyword}>{keyword}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button type="button" class="toggle-abstract" aria-expanded={expanded} aria-controls={expanded ? abstractId : undefined} onClick={toggleAbstract}>
              {expanded ? 'Less' : 'Abstract'}
            </button>
            {/* Toggle buttons: a constant name, the state in aria-pressed; the words shown are always part of
                the name, so a person speaking to the computer can say what they see. */}
            <button type="button" class="save" aria-label="Save" aria-pressed={saved} onClick={() => act(paper, saved ? 'unsave' : 'save')}>
              {saved ? '★ Save' : '☆ Save'}
            </button>
            <button type="button" class="mark-read" aria-label="Mark read" aria-pressed={read} onClick={() => act(paper, read ? 'markUnread' : 'markRead')}>
              {read ? '✓ Read' : 'Mark read'}
            </button>
            <PaperLinks paper={paper} />
          </div>
        </div>
      </article>
    </li>
  );
}
