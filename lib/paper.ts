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
  /** UTC day (YYYY-MM-DD) the paper was on Daily Papers. */
  dailyDate?: string;
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
  /** When this record was last written from an HF answer (ms since epoch). */
  fetchedAt: number;
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
 * Merges a fresh HF answer into what is stored: fields the new answer lacks (a paper object has no
 * comment count, a trending item may lack the Daily Papers day) keep their stored values.
 */
export function mergePaper(stored: Paper | undefined, fresh: Paper): Paper {
  if (!stored) return fresh;
  const merged: Paper = { ...stored };
  for (const [key, value] of Object.entries(fresh) as [keyof Paper, Paper[keyof Paper]][]) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
