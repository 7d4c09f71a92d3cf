/** What the paper card tells beyond the badge, as plain text and checked links (rendered as text only). */
import type { PaperCardData } from '../../shared/messages';
import { safeHttpsUrl } from '../../shared/safe-url';
import { formatCount } from '../../shared/numbers';
import { dateLabel } from '../../shared/day-label';

export interface PaperFact {
  label: string;
  text: string;
  /** An https link, when the fact has one. */
  href?: string;
  /** A short addition after the text (the repository's stars). */
  extra?: string;
}

/** `https://github.com/apple/ml-starflow` → `apple/ml-starflow`; other links: host and path, shortened. */
export function linkText(href: string): string {
  const url = new URL(href);
  if (url.hostname === 'github.com' || url.hostname === 'www.github.com') {
    const path = url.pathname.split('/').filter(Boolean).slice(0, 2).join('/');
    if (path) return path;
  }
  const text = (url.hostname + url.pathname).replace(/\/$/, '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function paperFacts(paper: PaperCardData): PaperFact[] {
  const facts: PaperFact[] = [];
  const repo = safeHttpsUrl(paper.githubRepo);
  if (repo) {
    const stars = paper.githubStars;
    facts.push({ label: 'Code', text: linkText(repo), href: repo, extra: stars === undefined ? undefined : `★ ${formatCount(stars)}` });
  }
  const project = safeHttpsUrl(paper.projectPage);
  if (project) facts.push({ label: 'Project page', text: linkText(project), href: project });
  const organization = paper.organization?.fullname || paper.organization?.name;
  if (organization) facts.push({ label: 'Organization', text: organization });
  const day = paper.dailyDate ? dateLabel(paper.dailyDate) : undefined;
  if (day) facts.push({ label: 'On Daily Papers', text: day });
  const withdrawn = paper.withdrawnAt ? dateLabel(paper.withdrawnAt) : undefined;
  if (withdrawn) facts.push({ label: 'Withdrawn', text: withdrawn });
  return facts;
}

/** True when the card has anything to show beyond the badge. */
export function hasCardDetails(paper: PaperCardData): boolean {
  return Boolean(paper.aiSummary) || (paper.aiKeywords?.length ?? 0) > 0 || paperFacts(paper).length > 0;
}
