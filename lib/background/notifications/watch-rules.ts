/**
 * The person's watch lists, applied to a paper. Matching forgives case, accents, hyphens and plurals,
 * and nothing more: a rule should match what the person means, not every word that contains it.
 */
import type { Paper } from '../../shared/paper';
import type { Settings } from '../../shared/settings';

export type WatchRuleKind = 'keyword' | 'author' | 'organization';

export interface WatchMatch {
  kind: WatchRuleKind;
  /** The rule as the person wrote it. */
  term: string;
}

/** Lower case, accents dropped, every run of non-letters/digits one space, padded with spaces. */
export function normalizeForMatch(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** Whole words (or a whole phrase); singular and plural (`s`, `es`) of the last word match each other. */
export function containsTerm(normalizedText: string, term: string): boolean {
  const needle = normalizeForMatch(term).trim();
  if (!needle) return false;
  const stems = [needle];
  if (needle.length > 3 && needle.endsWith('s')) stems.push(needle.slice(0, -1));
  if (needle.length > 4 && needle.endsWith('es')) stems.push(needle.slice(0, -2));
  return stems.some((stem) => [' ', 's ', 'es '].some((ending) => normalizedText.includes(` ${stem}${ending}`)));
}

function sameName(a: string, b: string): boolean {
  const left = normalizeForMatch(a);
  return left !== '' && left === normalizeForMatch(b);
}

/** Every watch rule the paper meets, in the order keywords, authors, organizations. */
export function matchWatchRules(paper: Paper, watch: Settings['watch']): WatchMatch[] {
  const matches: WatchMatch[] = [];
  if (watch.keywords.length) {
    const text = normalizeForMatch(
      [paper.title, paper.summary, paper.aiSummary ?? '', ...(paper.aiKeywords ?? [])].join(' \n '),
    );
    for (const term of watch.keywords) if (containsTerm(text, term)) matches.push({ kind: 'keyword', term });
  }
  for (const term of watch.authors) {
    if (paper.authors.some((author) => sameName(author, term))) matches.push({ kind: 'author', term });
  }
  const org = paper.organization;
  for (const term of watch.organizations) {
    if (org && (sameName(org.name, term) || (org.fullname !== undefined && sameName(org.fullname, term)))) {
      matches.push({ kind: 'organization', term });
    }
  }
  return matches;
}

/** Whether a watch match is worth telling: at or above the person's upvote threshold (0: any). */
export function meetsWatchThreshold(paper: Paper, threshold: number): boolean {
  return paper.upvotes >= threshold;
}

/** Watch matches worth telling, with what they matched. */
export function watchMatches(papers: Paper[], settings: Settings): { paper: Paper; matches: WatchMatch[] }[] {
  return papers.flatMap((paper) => {
    if (!meetsWatchThreshold(paper, settings.watchUpvoteThreshold)) return [];
    const matches = matchWatchRules(paper, settings.watch);
    return matches.length ? [{ paper, matches }] : [];
  });
}
