/**
 * Search libraries side by side on the same 40,000 synthetic papers (issue #18): MiniSearch, FlexSearch,
 * Orama and our own index (lib/shared/search/local-index.ts). For each: build time (titles, authors,
 * keywords, organization, AI summary and abstract), size stored (the structured clone IndexedDB would
 * keep: v8.serialize), load time (deserialise + the library's own load), query per keystroke p50/p95
 * (prefix search as the person types), and the library's code gzipped (esbuild, minified).
 *
 * The libraries are not dependencies of the extension: install them apart and point at them.
 *   mkdir -p /tmp/search-libs && cd /tmp/search-libs && npm i minisearch flexsearch @orama/orama esbuild
 *   SEARCH_LIBS=/tmp/search-libs .ci/with-node22 node --expose-gc node_modules/.bin/jiti tests/bench/search-libs.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { LocalSearchIndex } from '../../lib/shared/search/local-index';
import type { Paper } from '../../lib/shared/paper';
import { syntheticPapers } from './support/synthetic-papers';

const COUNT = Number(process.env.PAPERS ?? 40_000);
const LIBS = process.env.SEARCH_LIBS ?? '/tmp/search-libs';
/** What a person types, one keystroke at a time (as tests/bench/popup.bench.ts). */
const TYPED = ['diffusion model', 'normalizing flows', 'video generation agents', 'kalo'];
const RUNS = Number(process.env.RUNS ?? 3);

const requireLib = createRequire(join(LIBS, 'package.json'));
const importLib = (name: string) => import(pathToFileURL(requireLib.resolve(name)).href);
const versionOf = (name: string): string => JSON.parse(readFileSync(join(LIBS, 'node_modules', name, 'package.json'), 'utf8')).version;

interface Candidate {
  name: string;
  /** What the bundle would import, for its gzipped size. */
  entry: string;
  build(papers: Paper[]): Promise<unknown>;
  /** The value stored: what IndexedDB would structured-clone. */
  save(index: unknown): Promise<unknown>;
  load(value: unknown): Promise<unknown>;
  query(index: unknown, text: string): Promise<unknown> | unknown;
}

const text = (paper: Paper) => ({
  id: paper.id,
  title: paper.title,
  authors: paper.authors.join(' '),
  keywords: (paper.aiKeywords ?? []).join(' '),
  organization: paper.organization ? `${paper.organization.name} ${paper.organization.fullname}` : '',
  aiSummary: paper.aiSummary ?? '',
  abstract: paper.summary,
  upvotes: paper.upvotes,
});
const FIELDS = ['title', 'authors', 'keywords', 'organization', 'aiSummary', 'abstract'];
const BOOST = { title: 8, authors: 6, keywords: 5, organization: 5, aiSummary: 3, abstract: 1 };

async function candidates(): Promise<Candidate[]> {
  const { default: MiniSearch } = await importLib('minisearch');
  const FlexSearch = await importLib('flexsearch');
  const orama = await importLib('@orama/orama');
  const miniOptions = { fields: FIELDS, storeFields: ['upvotes'], searchOptions: { prefix: true, combineWith: 'AND', boost: BOOST } };
  const flexOptions = { document: { id: 'id', index: FIELDS }, tokenize: 'forward' };
  return [
    {
      name: 'ours (LocalSearchIndex, snapshot)',
      entry: join(process.cwd(), 'lib/shared/search/local-index.ts'),
      async build(papers) {
        const index = new LocalSearchIndex();
        for (const paper of papers) index.add(paper);
        for (const paper of papers) index.addAbstract(paper.id, paper.summary);
        index.prepare();
        return index;
      },
      save: async (index) => (index as LocalSearchIndex).toSnapshot(),
      load: async (value) => LocalSearchIndex.fromSnapshot(value as never),
      query: (index, q) => (index as LocalSearchIndex).search(q),
    },
    {
      name: `MiniSearch ${versionOf('minisearch')}`,
      entry: 'minisearch',
      async build(papers) {
        const index = new MiniSearch(miniOptions);
        index.addAll(papers.map(text));
        return index;
      },
      save: async (index) => (index as { toJSON(): unknown }).toJSON(),
      load: async (value) => MiniSearch.loadJS(value, miniOptions),
      query: (index, q) => (index as { search(q: string): unknown[] }).search(q).slice(0, 50),
    },
    {
      name: `FlexSearch ${versionOf('flexsearch')} (Document, forward)`,
      entry: 'flexsearch',
      async build(papers) {
        const index = new FlexSearch.Document(flexOptions);
        for (const paper of papers) index.add(text(paper));
        return index;
      },
      async save(index) {
        const chunks: Record<string, unknown> = {};
        await (index as { export(cb: (key: string, data: unknown) => void): Promise<void> }).export((key, data) => {
          chunks[key] = data;
        });
        return chunks;
      },
      async load(value) {
        const index = new FlexSearch.Document(flexOptions);
        for (const [key, data] of Object.entries(value as Record<string, unknown>)) await index.import(key, data);
        return index;
      },
      query: (index, q) => (index as { search(q: string, o: unknown): unknown }).search(q, { limit: 50, merge: true }),
    },
    {
      name: `Orama ${versionOf('@orama/orama')}`,
      entry: '@orama/orama',
      async build(papers) {
        const db = orama.create({ schema: { id: 'string', title: 'string', authors: 'string', keywords: 'string', organization: 'string', aiSummary: 'string', abstract: 'string', upvotes: 'number' } });
        await orama.insertMultiple(db, papers.map(text), 1000);
        return db;
      },
      save: async (db) => orama.save(db),
      async load(value) {
        const db = orama.create({ schema: { id: 'string', title: 'string', authors: 'string', keywords: 'string', organization: 'string', aiSummary: 'string', abstract: 'string', upvotes: 'number' } });
        orama.load(db, value);
        return db;
      },
      query: (db, q) => orama.search(db, { term: q, properties: FIELDS, boost: BOOST, limit: 50 }),
    },
  ];
}

async function bundleGzip(entry: string): Promise<number> {
  const esbuild = await importLib('esbuild');
  const contents = entry.startsWith('/') ? `export * from ${JSON.stringify(entry)};` : `export * from ${JSON.stringify(requireLib.resolve(entry))};`;
  const result = await esbuild.build({ stdin: { contents, resolveDir: LIBS, loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', logLevel: 'silent' });
  return gzipSync(result.outputFiles[0].contents).length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const days = Math.ceil(COUNT / 110);
  const papers = syntheticPapers(COUNT, { firstDay: '2025-01-01', perDay: 110, now: Date.now() - days * 86_400_000 });
  const rows: string[] = [];
  // ONLY=ours (a part of a name, case-insensitive) measures only the matching candidates.
  const only = process.env.ONLY?.toLowerCase();
  for (const candidate of (await candidates()).filter((c) => !only || c.name.toLowerCase().includes(only))) {
    const builds: number[] = [];
    const loads: number[] = [];
    let index: unknown;
    let stored = new Uint8Array(0);
    for (let run = 0; run < RUNS; run++) {
      index = undefined;
      gc();
      let start = performance.now();
      index = await candidate.build(papers);
      builds.push(performance.now() - start);
      stored = serialize(await candidate.save(index));
      gc();
      start = performance.now();
      index = await candidate.load(deserialize(stored));
      loads.push(performance.now() - start);
    }
    const keystrokes: number[] = [];
    for (let run = 0; run < 5; run++) {
      for (const phrase of TYPED) {
        for (let i = 1; i <= phrase.length; i++) {
          const start = performance.now();
          await candidate.query(index, phrase.slice(0, i));
          keystrokes.push(performance.now() - start);
        }
      }
    }
    const gz = await bundleGzip(candidate.entry);
    const row = `| ${candidate.name} | ${median(builds).toFixed(0)} ms | ${(stored.length / 1024 / 1024).toFixed(1)} MB | ${median(loads).toFixed(0)} ms | ${median(keystrokes).toFixed(1)} / ${percentile(keystrokes, 0.95).toFixed(1)} ms | ${(gz / 1024).toFixed(1)} KB |`;
    console.log(row);
    rows.push(row);
  }
  console.log(`\n${COUNT} papers; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; node ${process.version}`);
  console.log('| index | build | stored | load | keystroke p50 / p95 | code gz |\n|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

await main();
