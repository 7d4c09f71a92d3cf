/** A paper as the extension stores and shows it: validated, flattened, links already checked. */
export interface Paper {
  /** Bare new-style arXiv id, the primary key. */
  id: string;
  title: string;
  /** The abstract. */
  summary: string;
  authors: string[];
  upvotes: number;
  numComments?: number;
  /** UTC day (YYYY-MM-DD) the paper was on Daily Papers; the latest, when it was listed on several. */
  dailyDate?: string;
  /**
   * Every Daily Papers day that listed it, oldest first: HF lists some papers on two days a week apart,
   * and each day's list must show them (indexed, multi-entry). Absent on papers never on a list.
   */
  dailyDates?: string[];
  publishedAt?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  /** `https://github.com/Owner/Repo` */
  githubRepo?: string;
  /** `owner/repo`, lower case, for matching repository pages. */
  githubRepoKey?: string;
  githubStars?: number;
  projectPage?: string;
  organization?: { name: string; fullname?: string };
  withdrawnAt?: string;
  /**
   * When an HF answer last changed this record (ms since epoch): a sync that brings nothing new does not
   * write the paper again.
   */
  fetchedAt: number;
  /**
   * When the extension first stored the paper, and its upvotes then: the first point of its upvote trend
   * (the sync writes an upvoteHistory row only when the count changes). Absent on papers stored by
   * earlier versions, whose first point is a history row, and on imported papers.
   */
  firstSeen?: UpvotePoint;
}

/** One point of a paper's upvote trend. */
export interface UpvotePoint {
  at: number;
  upvotes: number;
}

export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

/**
 * Merges a fresh HF answer into what is stored. `answers` names the fields the answer's endpoint speaks
 * for (lib/background/hf/schemas.ts): HF leaves a field out when it has no value, so one of these the
 * answer lacks is gone from HF (a wrong repository taken off, a withdrawal undone) and goes from the
 * stored paper too. Any other field the answer lacks keeps its stored value (a paper object has no
 * comment count; the Daily Papers day is the list's; `firstSeen` is ours).
 */
export function mergePaper(stored: Paper | undefined, fresh: Paper, answers: readonly (keyof Paper)[]): Paper {
  if (!stored) return fresh;
  const merged: Paper = { ...stored };
  for (const key of answers) delete merged[key];
  for (const [key, value] of Object.entries(fresh) as [keyof Paper, Paper[keyof Paper]][]) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Whether two records of a paper hold the same data, when they were fetched aside. */
export function samePaperData(a: Paper, b: Paper): boolean {
  return sameValue({ ...a, fetchedAt: 0 }, { ...b, fetchedAt: 0 });
}

/** Deep equality of stored values (plain objects, arrays, primitives); an absent field equals undefined. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameValue(x[key], y[key])) return false;
  return true;
}
