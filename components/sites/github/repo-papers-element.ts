/**
 * The papers whose code a GitHub repository is, as plain DOM: title (to the HF page), upvotes, comments
 * and the arXiv page. The About box gets the full card; the header of the other repository pages a
 * compact row, where more than HEADER_PAPERS_SHOWN papers fold into "+N more". Built without Preact,
 * like the badges next to it (./upvote-badge-element.ts), so the GitHub content script carries no
 * renderer. Every string from HF goes in as text or an attribute value, never as HTML.
 */
import type { RepoPaper } from '../../../lib/shared/messages';
import { hfRepoUrl, type RepoKind } from '../../../lib/shared/hf-repo';
import { arxivAbsUrl, hfPaperUrl } from '../../../lib/shared/paper';
import type { RepoBadgePlacement } from '../../../lib/sites/github/repo-badge-place';
import { element, emphasisNodes } from '../kit/element';

/** Papers shown in the header row before the rest fold into "+N more". */
export const HEADER_PAPERS_SHOWN = 2;

function brand(doc: Document): HTMLSpanElement {
  return element(doc, 'span', { class: 'dpl-brand', 'aria-hidden': 'true' }, ['🤗']);
}

function outLink(doc: Document, className: string, href: string, text: string, extra: Record<string, string> = {}): HTMLAnchorElement {
  return element(doc, 'a', { class: className, href, target: '_blank', rel: 'noopener noreferrer', ...extra }, [text]);
}

function paperItem(doc: Document, paper: RepoPaper, compact: boolean): HTMLLIElement {
  const meta = element(doc, 'span', { class: 'dpl-repo-meta' }, [
    element(doc, 'span', { class: 'dpl-upvotes', 'aria-label': `${paper.upvotes} upvotes` }, [`▲ ${paper.upvotes}`]),
    paper.numComments !== undefined &&
      element(doc, 'span', { class: 'dpl-comments', 'aria-label': `${paper.numComments} comments` }, [`💬 ${paper.numComments}`]),
    Boolean(paper.withdrawnAt) && element(doc, 'span', { class: 'dpl-withdrawn' }, ['withdrawn']),
    outLink(doc, 'dpl-arxiv', arxivAbsUrl(paper.id), compact ? 'arXiv' : `arXiv ${paper.id}`, { 'aria-label': `arXiv ${paper.id}: ${paper.title}` }),
  ]);
  return element(doc, 'li', { class: 'dpl-repo-paper', 'data-paper-id': paper.id }, [
    outLink(doc, 'dpl-repo-title', hfPaperUrl(paper.id), paper.title, { title: paper.title }),
    !compact && paper.aiSummary ? element(doc, 'p', { class: 'dpl-repo-summary' }, emphasisNodes(doc, paper.aiSummary)) : undefined,
    meta,
    !compact && linkedLine(doc, paper),
  ]);
}

const LINKED_KINDS: [RepoKind, string][] = [
  ['models', 'Models'],
  ['spaces', 'Spaces'],
];

/**
 * The paper's weights and demos, from the extension's cache only (a GitHub page never asks HF): its top
 * models and Spaces as links built from checked ids, "+N" for the rest. Nothing when the cache lacks them.
 */
function linkedLine(doc: Document, paper: RepoPaper): HTMLElement | undefined {
  const { links } = paper;
  if (!links) return undefined;
  const groups = LINKED_KINDS.flatMap(([kind, label]) => {
    const items = links.top[kind].flatMap((repo) => {
      const href = hfRepoUrl(kind, repo.id);
      return href ? [outLink(doc, 'dpl-repo-linked-item', href, repo.id)] : [];
    });
    if (!items.length) return [];
    const rest = links.totals[kind] - items.length;
    const more = rest > 0 ? ` +${rest} more` : '';
    const list = items.flatMap((item, i) => (i ? [', ', item] : [item]));
    return [element(doc, 'span', { class: 'dpl-repo-linked-group' }, [`${label} (${links.totals[kind]}): `, ...list, more])];
  });
  return groups.length ? element(doc, 'p', { class: 'dpl-repo-linked', 'data-testid': 'dpl-repo-linked' }, groups) : undefined;
}

function paperList(doc: Document, className: string, papers: RepoPaper[], compact: boolean): HTMLUListElement {
  return element(doc, 'ul', { class: className }, papers.map((paper) => paperItem(doc, paper, compact)));
}

export function createRepoPapers(doc: Document, papers: RepoPaper[], placement: RepoBadgePlacement): HTMLElement {
  const heading = papers.length === 1 ? 'Paper on Hugging Face Daily Papers' : `${papers.length} papers on Hugging Face Daily Papers`;
  const label = `Daily Papers Lens: ${heading.toLowerCase()} whose code is this repository`;
  if (placement === 'header') {
    const rest = papers.slice(HEADER_PAPERS_SHOWN);
    return element(
      doc,
      'section',
      { class: 'dpl-repo dpl-repo-header', 'aria-label': label, title: 'Daily Papers Lens: papers whose code is this repository', 'data-testid': 'dpl-repo-papers' },
      [
        brand(doc),
        paperList(doc, 'dpl-repo-list', papers.slice(0, HEADER_PAPERS_SHOWN), true),
        rest.length > 0 &&
          element(doc, 'details', { class: 'dpl-more' }, [
            element(doc, 'summary', {}, [`+${rest.length} more`]),
            paperList(doc, 'dpl-repo-list dpl-more-list', rest, true),
          ]),
      ],
    );
  }
  return element(doc, 'section', { class: 'dpl-repo dpl-repo-about', 'aria-label': label, 'data-testid': 'dpl-repo-papers' }, [
    element(doc, 'h2', { class: 'dpl-repo-heading' }, [brand(doc), element(doc, 'span', {}, [heading])]),
    paperList(doc, 'dpl-repo-list', papers, false),
  ]);
}
