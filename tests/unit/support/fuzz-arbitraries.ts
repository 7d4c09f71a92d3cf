/** Generators shared by the fuzz tests: hostile values, mutated HF items and answers. */
import fc from 'fast-check';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../../fixtures/hostile/payloads';
import { dailyItem } from './builders';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
type Json = Record<string, unknown>;

/** A value for any field: hostile strings, wrong types, huge numbers, nested junk. */
const anyValue = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_URLS),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, undefined, true, [], {}, -1, Number.MAX_SAFE_INTEGER, '2506.06276v2', 'hep-th/9901001'),
);

const PAPER_KEYS = ['id', 'title', 'summary', 'upvotes', 'authors', 'publishedAt', 'submittedOnDailyAt', 'ai_summary', 'ai_keywords', 'githubRepo', 'githubStars', 'projectPage', 'organization', 'withdrawnAt', '__proto__', 'constructor'];
const ITEM_KEYS = ['paper', 'numComments', 'organization', 'title', 'summary', 'submittedBy'];

type Mutation = { target: 'paper' | 'item'; key: string; op: 'delete' | 'set'; value?: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ target: fc.constant<'paper'>('paper'), key: fc.constantFrom(...PAPER_KEYS), op: fc.constantFrom<'delete' | 'set'>('delete', 'set'), value: anyValue }),
  fc.record({ target: fc.constant<'item'>('item'), key: fc.constantFrom(...ITEM_KEYS), op: fc.constantFrom<'delete' | 'set'>('delete', 'set'), value: anyValue }),
);

function mutate(item: Json, mutations: Mutation[]): Json {
  const copy = structuredClone(item);
  for (const m of mutations) {
    const target = m.target === 'paper' && typeof copy.paper === 'object' && copy.paper !== null ? (copy.paper as Json) : copy;
    if (m.op === 'delete') delete target[m.key];
    // A copy: generated values can be shared instances (constants), and sharing them could build cycles.
    else Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

/** A day's answer: valid items, some mutated, some replaced by junk. */
export const mutatedAnswer = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.nat(43), fc.array(mutation, { maxLength: 4 })).map(([seed, ms]) => mutate(dailyItem({ id: `2511.${10_000 + seed}` }, {}, seed), ms)) },
      { weight: 1, arbitrary: anyValue },
    ),
    { maxLength: 30 },
  );

