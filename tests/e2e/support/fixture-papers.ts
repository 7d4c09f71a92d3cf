/** The fixture's Daily Papers (tests/fixtures/hf-data.ts) as the specs read them. */
import type { DailyPapersFixture } from '../../fixtures/hf-data';
import type { HfOverride } from './fixture-server';

/** The paper object inside one of HF's daily items, as the fixture writes it (tests may change it). */
export interface RawPaper {
  id: string;
  title: string;
  summary: string;
  upvotes: number;
  authors: { name: string }[];
  githubRepo?: string;
  /** The rest of HF's fields (ai_summary, projectPage, …), as the fixture writes them. */
  [field: string]: unknown;
}

/** One paper of a Daily Papers list, flattened: what the extension should show for it. */
export interface FixturePaper {
  id: string;
  title: string;
  summary: string;
  upvotes: number;
  numComments: number;
  githubRepo?: string;
  /** The day whose list holds it. */
  date: string;
  raw: RawPaper;
}

/** The paper object of a daily item (the same object: changing it changes what the server answers). */
export const paperOf = (item: Record<string, unknown>) => item.paper as RawPaper;

function flatten(item: Record<string, unknown>, date: string): FixturePaper {
  const raw = paperOf(item);
  const { id, title, summary, upvotes, githubRepo } = raw;
  return { id, title, summary, upvotes, numComments: item.numComments as number, ...(githubRepo ? { githubRepo } : {}), date, raw };
}

/** Every paper of the fixture's Daily Papers lists, newest day first, in HF's order within a day. */
export function fixturePapers(data: DailyPapersFixture): FixturePaper[] {
  const days = [...data.days].sort(([a], [b]) => b.localeCompare(a));
  return days.flatMap(([date, items]) => items.map((item) => flatten(item, date)));
}

/** The same papers by id. */
export function fixturePapersById(data: DailyPapersFixture): Map<string, FixturePaper> {
  return new Map(fixturePapers(data).map((paper) => [paper.id, paper]));
}

/** Today's papers, in HF's order (the ones a fresh install stores first). */
export function todaysPapers(data: DailyPapersFixture): FixturePaper[] {
  return data.days.get(data.today)!.map((item) => flatten(item, data.today));
}

/** HF's answer for today's list with `more` upvotes for paper `id`, as a later sync fetches it (other answers unchanged). */
export function todayWithMoreUpvotes(data: DailyPapersFixture, id: string, more: number): HfOverride {
  return (url) => {
    if (!url.pathname.startsWith('/api/daily_papers') || (url.searchParams.get('date') ?? data.today) !== data.today) return undefined;
    const items = structuredClone(data.days.get(data.today)!).map((item) => {
      const paper = paperOf(item);
      if (paper.id === id) paper.upvotes += more;
      return item;
    });
    return { status: 200, body: JSON.stringify(items) };
  };
}
