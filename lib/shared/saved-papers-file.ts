/**
 * The JSON file of saved papers: written by Export, read back by Import. A file is outside data like an
 * HF answer: checked with zod entry by entry (a bad entry is skipped and counted, good ones kept), ids
 * must be arXiv ids HF knows, every string is capped and loses its bidi and control characters
 * (./plain-text.ts). Export writes what is stored; Import reads back the person's marks and only the
 * row that lists a paper in Saved (`listingRow`): HF's data (links, the repository, summaries, the day)
 * comes from HF alone, so a file cannot plant a repository link that GitHub pages would then show as the
 * paper's.
 */
import { z } from './zod-no-eval';
import { isHfPaperId } from './arxiv-id';
import type { UserPaperState } from './db';
import type { Paper } from './paper';
import { plainLine, plainLines } from './plain-text';

export const SAVED_PAPERS_FORMAT = 'daily-papers-lens/saved-papers';
export const SAVED_PAPERS_VERSION = 1;
export const MAX_IMPORT_ENTRIES = 10_000;
/** Larger files are refused before reading: ten thousand papers with abstracts fit well under it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface SavedPaper {
  paper: Paper;
  savedAt: number;
  readAt?: number;
}

/** One-line text (titles, names), capped and cleaned. */
const str = (max: number) => z.string().max(max).transform(plainLine);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const time = z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso));

/** What Import reads of an entry; every other field of the file is left unread. */
const EntrySchema = z.object({
  id: z.string().refine(isHfPaperId, 'not an arXiv id'),
  title: str(1_000)
    .transform((title) => title.trim())
    .refine((title) => title.length > 0),
  authors: z.array(str(300)).max(500).catch([]),
  summary: z.string().max(20_000).transform(plainLines).catch(''),
  upvotes: z.number().int().min(0).catch(0),
  savedAt: time,
  readAt: optional(time),
});

/** The row that lists a saved paper not stored (Saved, BibTeX): no link, no repository, no day. */
export type ListingRow = Pick<Paper, 'id' | 'title' | 'authors' | 'summary' | 'upvotes' | 'fetchedAt'>;

/** A paper cut to its listing row; `fetchedAt` 0: never from HF, so the first answer about it wins whole. */
export function listingRow({ id, title, authors, summary, upvotes }: ListingRow): Paper {
  return { id, title, authors, summary, upvotes, fetchedAt: 0 };
}

const FileSchema = z.object({
  format: z.literal(SAVED_PAPERS_FORMAT),
  version: z.literal(SAVED_PAPERS_VERSION),
  papers: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES),
});

export function savedPapersFile(entries: SavedPaper[], now: number): string {
  const papers = entries.map(({ paper, savedAt, readAt }) => {
    const { fetchedAt: _fetchedAt, githubRepoKey: _key, firstSeen: _firstSeen, ...rest } = paper;
    return { ...rest, savedAt: new Date(savedAt).toISOString(), ...(readAt ? { readAt: new Date(readAt).toISOString() } : {}) };
  });
  return `${JSON.stringify({ format: SAVED_PAPERS_FORMAT, version: SAVED_PAPERS_VERSION, exportedAt: new Date(now).toISOString(), papers }, null, 2)}\n`;
}

export type ParsedSavedPapers = { ok: true; entries: SavedPaper[]; skipped: number } | { ok: false; error: string };

export function parseSavedPapersFile(text: string): ParsedSavedPapers {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file made by “Export JSON”.' };
  }
  const file = FileSchema.safeParse(json);
  if (!file.success) {
    const tooMany = file.error.issues.some((issue) => issue.path[0] === 'papers' && issue.code === 'too_big');
    return {
      ok: false,
      error: tooMany
        ? `This file lists more than ${MAX_IMPORT_ENTRIES.toLocaleString('en')} papers; nothing was imported.`
        : 'This is not a Daily Papers Lens export (saved papers, version 1). Nothing was imported.',
    };
  }
  const entries: SavedPaper[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const raw of file.data.papers) {
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success || seen.has(parsed.data.id)) {
      skipped++;
      continue;
    }
    seen.add(parsed.data.id);
    const { savedAt, readAt, ...paper } = parsed.data;
    entries.push({ paper: listingRow({ ...paper, fetchedAt: 0 }), savedAt, ...(readAt !== undefined ? { readAt } : {}) });
  }
  return { ok: true, entries, skipped };
}

/** The person's marks after an import: what they already had wins; the file fills the gaps. */
export function mergeImportedState(existing: UserPaperState | undefined, entry: SavedPaper): UserPaperState {
  const readAt = existing?.readAt ?? entry.readAt;
  return { ...existing, id: entry.paper.id, savedAt: existing?.savedAt ?? entry.savedAt, ...(readAt !== undefined ? { readAt } : {}) };
}
