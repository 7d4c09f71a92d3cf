/**
 * The badge index: every stored paper's badge (id, upvotes, comments) as one compact string, built by
 * the background from its in-memory view (./stored-papers.ts) and sent to a listing or GitHub page in
 * one answer. Such a page asks for it at document_start, before it knows its ids, so the answer is
 * there when the page is parsed and its badges go in at once, before the page's first layout. Local
 * data only: asking for it never causes a request to anyone.
 *
 * One line a paper, `id upvotes` or `id upvotes comments`: a few dozen bytes each, a fraction of what
 * the same data costs as JSON objects, and read back in a single pass.
 */
import type { PaperBadge } from './messages';

export function encodeBadgeIndex(papers: Iterable<PaperBadge>): string {
  const lines: string[] = [];
  for (const { id, upvotes, numComments } of papers) {
    lines.push(numComments === undefined ? `${id} ${upvotes}` : `${id} ${upvotes} ${numComments}`);
  }
  return lines.join('\n');
}

const count = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
};

/** The index as a map; a line that does not read as a badge is skipped, never guessed at. */
export function decodeBadgeIndex(index: string): Map<string, PaperBadge> {
  const badges = new Map<string, PaperBadge>();
  if (!index) return badges;
  for (const line of index.split('\n')) {
    const [id, upvotesText, commentsText, extra] = line.split(' ');
    const upvotes = count(upvotesText);
    if (!id || upvotes === undefined || extra !== undefined) continue;
    const numComments = count(commentsText);
    if (commentsText !== undefined && numComments === undefined) continue;
    badges.set(id, numComments === undefined ? { id, upvotes } : { id, upvotes, numComments });
  }
  return badges;
}
