/**
 * Many stored papers for benchmarks, built from the seed page's real titles and abstracts: sentences
 * recombined, plus made-up method names and author names so the vocabulary grows as a real archive's
 * does. Deterministic (seeded), so runs compare.
 */
import type { Paper } from '../../../lib/shared/paper';
import seed from '../../fixtures/seed-papers.json' with { type: 'json' };
import type { SeedPaper } from '../../fixtures/hf-data';

const SEED = seed as SeedPaper[];
const SENTENCES = SEED.flatMap((p) => p.abstract.split(/(?<=\.)\s+/));
const TITLE_WORDS = SEED.flatMap((p) => p.title.split(/\s+/));
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'shi', 'zu', 'pe', 'dan', 'gor', 'fle', 'xi', 'qua', 'bri', 'nu'];
const KEYWORDS = ['diffusion', 'transformer', 'reinforcement learning', 'multimodal', 'video generation', 'reasoning', 'agents', 'retrieval', 'quantization', 'distillation', 'speech', 'robotics', 'benchmark', 'alignment', 'mixture of experts'];
const ORGS = [
  { name: 'apple', fullname: 'Apple' },
  { name: 'google', fullname: 'Google' },
  { name: 'meta-llama', fullname: 'Meta Llama' },
  { name: 'nvidia', fullname: 'NVIDIA' },
  { name: 'Qwen', fullname: 'Qwen' },
];

/** A small seeded generator (mulberry32). */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  firstDay: string;
  perDay: number;
  now: number;
  /**
   * Ids numbered in the month of each paper's day (`2611.30000` on, in order), as arXiv numbers papers
   * and as a year of Daily Papers holds them: ~3,300 a month at 110 a day. Without it, 9,000 a month
   * from `2401.` on, whatever the day.
   */
  idsByDay?: boolean;
}

export function syntheticPapers(count: number, options: SyntheticOptions): Paper[] {
  const next = random(42);
  const inMonth = new Map<string, number>();
  const idOf = (i: number, day: string) => {
    if (!options.idsByDay) return `${String(24 + Math.floor(i / 90_000)).padStart(2, '0')}${String(1 + (Math.floor(i / 9_000) % 10)).padStart(2, '0')}.${String(10_000 + (i % 9_000)).padStart(5, '0')}`;
    const month = `${day.slice(2, 4)}${day.slice(5, 7)}`;
    const n = inMonth.get(month) ?? 0;
    inMonth.set(month, n + 1);
    // From 30000: clear of the test fixture's ids (2511.1xxxx), its unknown entries and the bench's misses.
    return `${month}.${String(30_000 + n)}`;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const madeUpWord = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join('');
  const firstDayMs = Date.parse(`${options.firstDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(firstDayMs + Math.floor(i / options.perDay) * 86_400_000).toISOString().slice(0, 10);
    const method = madeUpWord();
    const name = `${method[0]!.toUpperCase()}${method.slice(1)}`;
    const sentences = Array.from({ length: 6 + Math.floor(next() * 5) }, () => pick(SENTENCES));
    sentences.splice(1, 0, `We call it ${name}, built on ${madeUpWord()} and ${madeUpWord()} layers.`);
    const title = `${name}: ${Array.from({ length: 4 + Math.floor(next() * 6) }, () => pick(TITLE_WORDS)).join(' ')}`;
    const id = idOf(i, day);
    return {
      id,
      title,
      summary: sentences.join(' '),
      authors: Array.from({ length: 2 + Math.floor(next() * 8) }, () => `${madeUpWord()} ${madeUpWord()}`.replace(/\b\w/g, (c) => c.toUpperCase())),
      upvotes: Math.floor(next() ** 3 * 300),
      numComments: Math.floor(next() * 6),
      dailyDate: day,
      dailyDates: [day],
      aiSummary: `${name} ${pick(SENTENCES).toLowerCase()}`,
      aiKeywords: [pick(KEYWORDS), pick(KEYWORDS), method],
      ...(next() < 0.3 ? { organization: pick(ORGS) } : {}),
      fetchedAt: options.now,
    };
  });
}
