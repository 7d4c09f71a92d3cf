/**
 * The edge where HF answers become typed data. Each item is validated on its own: a bad item is
 * dropped and counted, good ones are kept, unknown keys are ignored. Optional fields of the wrong type
 * are dropped rather than failing the item; URLs are kept only when they are `https:`; text loses its
 * bidi and control characters (../../shared/plain-text.ts).
 */
import { z } from '../../shared/zod-no-eval';
import { isHfPaperId } from '../../shared/arxiv-id';
import { parseGithubRepo, safeHttpsUrl } from '../../shared/safe-url';
import type { Paper } from '../../shared/paper';
import { utcDay } from '../../shared/utc-day';
import { isRecord } from '../../shared/is-record';
import { withoutModelTokens } from './model-tokens';
import { plainLine, plainLines } from '../../shared/plain-text';
import { isHfRepoId } from '../../shared/hf-repo';
import type { LinkedRepo, PaperComment, PaperDiscussion, PaperLinks } from '../../shared/messages';

const MAX_TITLE = 1_000;
const MAX_SUMMARY = 20_000;
const MAX_AUTHORS = 500;
const MAX_KEYWORDS = 50;

/** An optional field read leniently: a value of the wrong shape makes the field absent, not the item bad. */
const lenient = <T>(read: (value: unknown) => T) => z.unknown().transform(read).optional();

/** A string, cleaned (`clean`: one line, or keeping its lines) and capped in length. */
const text = (max: number, clean: (text: string) => string) =>
  lenient((value) => (typeof value === 'string' ? clean(value).slice(0, max) : undefined));

const count = lenient((value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined,
);

const isoDate = lenient((value) => {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
});

/** A plain object (not an array, not null): what HF's nested records are. */
// The nested readers below are plain code rather than zod schemas: they run for every author of every
// paper, and zod without generated code (see ../zod-no-eval) costs several times more per object.
const organization = lenient((value): Paper['organization'] => {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name.length > 200) return undefined;
  const { fullname } = value;
  const name = plainLine(value.name);
  return typeof fullname === 'string' && fullname.length <= 300 ? { name, fullname: plainLine(fullname) } : { name };
});

const authors = lenient((value): string[] => {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const entry of value.slice(0, MAX_AUTHORS)) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name.length > 300) continue;
    const name = plainLine(entry.name).trim();
    if (name) names.push(name);
  }
  return names;
});

const keywords = lenient((value) =>
  Array.isArray(value)
    ? value
        .filter((k): k is string => typeof k === 'string' && k.length <= 200)
        .slice(0, MAX_KEYWORDS)
        .map(plainLine)
        .filter(Boolean)
    : undefined,
);

/** The paper object, flat (`/api/papers/{id}`, and `paper` inside a daily item). */
export const PaperObjectSchema = z.object({
  id: z.string().refine(isHfPaperId, 'not a bare new-style arXiv id'),
  title: z
    .string()
    .transform((t) => plainLine(t).slice(0, MAX_TITLE))
    .refine((t) => t.length > 0, 'an empty title'),
  upvotes: z.number().int().nonnegative(),
  summary: text(MAX_SUMMARY, plainLines),
  authors,
  publishedAt: isoDate,
  submittedOnDailyAt: isoDate,
  ai_summary: text(2_000, plainLine),
  ai_keywords: keywords,
  githubRepo: z.unknown().optional(),
  githubStars: count,
  projectPage: z.unknown().optional(),
  organization,
  withdrawnAt: isoDate,
  numComments: count,
});

/**
 * The stored fields a paper object speaks for (`/api/papers/{id}`, and `paper` in a daily or search
 * item): HF sends each of them whenever it has a value (optional ones are absent, never null), so an
 * answer without one means HF has none any more. Not the comment count (a paper object has none) nor the
 * Daily Papers day (the list's business: a paper object has it only while the paper is on a list).
 */
export const PAPER_OBJECT_FIELDS = [
  'title',
  'summary',
  'authors',
  'upvotes',
  'publishedAt',
  'aiSummary',
  'aiKeywords',
  'githubRepo',
  'githubRepoKey',
  'githubStars',
  'projectPage',
  'organization',
  'withdrawnAt',
] as const satisfies readonly (keyof Paper)[];

/** A daily item (a day's list, the trending list) also speaks for the comment count, which sits on the item. */
export const DAILY_ITEM_FIELDS = [...PAPER_OBJECT_FIELDS, 'numComments'] as const satisfies readonly (keyof Paper)[];

/** One element of `/api/daily_papers`. */
export const DailyItemSchema = z.object({
  paper: PaperObjectSchema,
  numComments: count,
  organization,
});

type PaperObject = z.infer<typeof PaperObjectSchema>;

function toPaper(p: PaperObject, extra: { numComments?: number; organization?: Paper['organization'] }, fetchedAt: number): Paper {
  const repo = parseGithubRepo(p.githubRepo);
  const paper: Paper = {
    id: p.id,
    title: p.title,
    summary: withoutModelTokens(p.summary ?? ''),
    authors: p.authors ?? [],
    upvotes: p.upvotes,
    numComments: extra.numComments ?? p.numComments,
    dailyDate: p.submittedOnDailyAt ? utcDay(Date.parse(p.submittedOnDailyAt)) : undefined,
    publishedAt: p.publishedAt,
    // A summary that was only stray tokens is no summary.
    aiSummary: p.ai_summary === undefined ? undefined : withoutModelTokens(p.ai_summary) || undefined,
    aiKeywords: p.ai_keywords,
    githubRepo: repo?.url,
    githubRepoKey: repo?.key,
    githubStars: repo ? p.githubStars : undefined,
    projectPage: safeHttpsUrl(p.projectPage),
    organization: extra.organization ?? p.organization,
    withdrawnAt: p.withdrawnAt,
    fetchedAt,
  };
  // Absent fields stay absent: what an absent field means is the merge's to say (mergePaper).
  for (const key of Object.keys(paper) as (keyof Paper)[]) if (paper[key] === undefined) delete paper[key];
  return paper;
}

export interface ParsedList {
  papers: Paper[];
  /** Items that failed validation and were dropped. */
  dropped: number;
}

export class MalformedAnswerError extends Error {
  override name = 'MalformedAnswerError';
}

/** Parses a `/api/daily_papers` answer: an array of items, each kept or dropped on its own. */
export function parseDailyItems(json: unknown, fetchedAt: number): ParsedList {
  if (!Array.isArray(json)) throw new MalformedAnswerError('expected a list of papers');
  const papers: Paper[] = [];
  let dropped = 0;
  for (const item of json) {
    const parsed = DailyItemSchema.safeParse(item);
    if (parsed.success) {
      const { paper, numComments, organization: itemOrg } = parsed.data;
      papers.push(toPaper(paper, { numComments, organization: itemOrg }, fetchedAt));
    } else dropped++;
  }
  return { papers, dropped };
}

/**
 * One element of `/api/papers/search`: a daily-item-like wrapper (`{paper: {…}, numComments, …}`) or a
 * flat paper object; both are seen.
 */
export const SearchItemSchema = z.union([DailyItemSchema, PaperObjectSchema]);

/** Parses a `/api/papers/search` answer: each item, wrapped or flat, kept or dropped on its own. */
export function parseSearchItems(json: unknown, fetchedAt: number): ParsedList {
  if (!Array.isArray(json)) throw new MalformedAnswerError('expected a list of search results');
  const papers: Paper[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of json) {
    const parsed = SearchItemSchema.safeParse(item);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const paper =
      'paper' in parsed.data
        ? toPaper(parsed.data.paper, { numComments: parsed.data.numComments, organization: parsed.data.organization }, fetchedAt)
        : toPaper(parsed.data, {}, fetchedAt);
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    papers.push(paper);
  }
  return { papers, dropped };
}

/** Parses a `/api/papers/{id}` answer (a flat paper object). */
export function parsePaperObject(json: unknown, fetchedAt: number): Paper {
  const parsed = PaperObjectSchema.safeParse(json);
  if (!parsed.success) throw new MalformedAnswerError(`malformed paper: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return toPaper(parsed.data, {}, fetchedAt);
}

// ---------------------------------------------------------------------------------------------------
// Linked repositories and the discussion (`/api/papers/{id}`, `?field=comments`): plain readers, each
// item kept or dropped (and counted) on its own.
// ---------------------------------------------------------------------------------------------------

/** How many of each kind the card lists. */
export const TOP_LINKED = 3;
/** How many threads of the discussion the card shows. */
export const LATEST_THREADS = 5;
const MAX_COMMENT = 4_000;
const KINDS = [
  ['models', 'linkedModels', 'numTotalModels'],
  ['datasets', 'linkedDatasets', 'numTotalDatasets'],
  ['spaces', 'linkedSpaces', 'numTotalSpaces'],
] as const;

const countOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined);

function linkedRepo(value: unknown): LinkedRepo | undefined {
  if (!isRecord(value) || !isHfRepoId(value.id) || value.private === true) return undefined;
  const repo: LinkedRepo = { id: value.id };
  const likes = countOf(value.likes);
  const downloads = countOf(value.downloads);
  if (likes !== undefined) repo.likes = likes;
  if (downloads !== undefined) repo.downloads = downloads;
  if (typeof value.pipeline_tag === 'string' && /^[a-z0-9-]{1,60}$/.test(value.pipeline_tag)) repo.task = value.pipeline_tag;
  return repo;
}

export interface ParsedLinks {
  links: PaperLinks;
  dropped: number;
}

/** The linked lists of a paper answer: the top few of each by likes, then downloads; totals never below what is listed. */
export function parsePaperLinks(json: unknown): ParsedLinks {
  if (!isRecord(json)) throw new MalformedAnswerError('expected a paper object');
  const links: PaperLinks = { totals: { models: 0, datasets: 0, spaces: 0 }, top: { models: [], datasets: [], spaces: [] } };
  let dropped = 0;
  for (const [kind, listKey, totalKey] of KINDS) {
    const list = Array.isArray(json[listKey]) ? (json[listKey] as unknown[]) : [];
    const repos: LinkedRepo[] = [];
    for (const item of list) {
      const repo = linkedRepo(item);
      if (repo) repos.push(repo);
      else dropped++;
    }
    // Stable: Spaces (no likes, no downloads) keep HF's order.
    repos.sort((a, b) => (b.likes ?? 0) - (a.likes ?? 0) || (b.downloads ?? 0) - (a.downloads ?? 0));
    links.top[kind] = repos.slice(0, TOP_LINKED);
    links.totals[kind] = Math.max(countOf(json[totalKey]) ?? 0, repos.length);
  }
  return { links, dropped };
}

/** The HF user names of the paper's claimed authors (`authors[].user.user`, else `.name`). */
function authorUsers(authorsValue: unknown): Set<string> {
  const users = new Set<string>();
  if (!Array.isArray(authorsValue)) return users;
  for (const author of authorsValue.slice(0, MAX_AUTHORS)) {
    const user = isRecord(author) && isRecord(author.user) ? author.user : undefined;
    const name = user ? (typeof user.user === 'string' ? user.user : user.name) : undefined;
    if (typeof name === 'string' && name) users.add(name);
  }
  return users;
}

interface FlatComment {
  comment: PaperComment;
  parent?: string;
}

function flatComment(value: unknown, authorsOnHf: Set<string>): FlatComment | 'hidden' | undefined {
  if (!isRecord(value) || !isRecord(value.data) || !isRecord(value.author)) return undefined;
  const { data, author } = value;
  if (data.hidden === true) return 'hidden';
  const latest = isRecord(data.latest) ? data.latest : undefined;
  const at = typeof value.createdAt === 'string' && !Number.isNaN(Date.parse(value.createdAt)) ? new Date(value.createdAt).toISOString() : undefined;
  if (typeof value.id !== 'string' || typeof author.name !== 'string' || typeof latest?.raw !== 'string' || !at) return undefined;
  const reactions = Array.isArray(data.reactions)
    ? data.reactions.reduce<number>((sum, r) => sum + (isRecord(r) ? (countOf(r.count) ?? 0) : 0), 0)
    : 0;
  return {
    comment: {
      id: value.id.slice(0, 64),
      author: plainLine(author.name.slice(0, 100)),
      at,
      text: plainLines(latest.raw.slice(0, MAX_COMMENT)),
      reactions,
      byPaperAuthor: authorsOnHf.has(author.name),
      replies: [],
    },
    parent: typeof data.parentCommentId === 'string' ? data.parentCommentId : undefined,
  };
}

export interface ParsedDiscussion {
  discussion: PaperDiscussion;
  /** Malformed comments (hidden ones are left out, not counted). */
  dropped: number;
}

/**
 * A `?field=comments` answer as threads: replies one level deep under their top-level comment (a reply
 * to a reply, or to a hidden comment, goes with its thread or not at all), the latest threads first.
 */
export function parseDiscussion(json: unknown): ParsedDiscussion {
  if (!isRecord(json) || !Array.isArray(json.comments)) throw new MalformedAnswerError('expected a paper with comments');
  const authorsOnHf = authorUsers(json.authors);
  const flat: FlatComment[] = [];
  let dropped = 0;
  for (const item of json.comments) {
    const read = flatComment(item, authorsOnHf);
    if (read === undefined) dropped++;
    else if (read !== 'hidden') flat.push(read);
  }
  const threads = new Map<string, PaperComment>();
  for (const { comment, parent } of flat) if (!parent) threads.set(comment.id, comment);
  const parentOf = new Map(flat.map(({ comment, parent }) => [comment.id, parent]));
  for (const { comment, parent } of flat) {
    if (!parent) continue;
    // HF threads one level deep: a reply to a reply belongs to the top of its thread.
    const top = threads.get(parent) ?? threads.get(parentOf.get(parent) ?? '');
    top?.replies.push(comment);
  }
  const latest = [...threads.values()].sort((a, b) => b.at.localeCompare(a.at));
  return { discussion: { threads: latest.slice(0, LATEST_THREADS), totalThreads: latest.length }, dropped };
}
