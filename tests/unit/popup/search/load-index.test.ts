import { describe, expect, it } from 'vitest';
import { fillSearchIndex, type IndexProgress, type PaperSource } from '../../../../lib/popup/search/load-index';
import { LocalSearchIndex } from '../../../../lib/popup/search/local-index';
import type { Paper } from '../../../../lib/shared/paper';
import { makePaper } from '../../support/builders';

function sourceOf(papers: Paper[]): PaperSource & { calls: number } {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    calls: 0,
    async paperBatch(after, count) {
      this.calls++;
      return sorted.filter((p) => after === undefined || p.id > after).slice(0, count);
    },
  };
}

const papers = Array.from({ length: 23 }, (_, i) =>
  makePaper({ id: `2506.${String(10_000 + i)}`, title: `Paper ${i}`, summary: `abstract word${i}`, upvotes: i }),
);

describe('fillSearchIndex', () => {
  it('indexes every paper, short fields first, then abstracts, reporting progress', async () => {
    const index = new LocalSearchIndex();
    const progress: IndexProgress[] = [];
    const done = await fillSearchIndex(index, sourceOf(papers), { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(done).toBe(true);
    expect(index.size).toBe(23);
    expect(index.search('word7').docs.map((d) => d.id)).toEqual(['2506.10007']);
    expect(progress).toEqual([
      { papers: 10, phase: 'titles' },
      { papers: 20, phase: 'titles' },
      { papers: 23, phase: 'titles' },
      { papers: 23, phase: 'abstracts' },
      { papers: 23, phase: 'done' },
    ]);
  });

  it('yields to the page once a slice has used its time', async () => {
    let clock = 0;
    let yields = 0;
    await fillSearchIndex(new LocalSearchIndex(), sourceOf(papers), {
      now: () => (clock += 5),
      sliceMs: 8,
      yieldToPage: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(10);
  });

  it('refreshes papers already indexed instead of adding them twice', async () => {
    const index = new LocalSearchIndex();
    await fillSearchIndex(index, sourceOf(papers));
    const moved = papers.map((p) => (p.id === '2506.10003' ? { ...p, upvotes: 999 } : p));
    await fillSearchIndex(index, sourceOf([...moved, makePaper({ id: '2507.00001', title: 'Late arrival' })]));
    expect(index.size).toBe(24);
    expect(index.search('paper 3').docs[0]).toMatchObject({ id: '2506.10003', upvotes: 999 });
    expect(index.search('late').docs.map((d) => d.id)).toEqual(['2507.00001']);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const index = new LocalSearchIndex();
    const done = await fillSearchIndex(index, sourceOf(papers), {
      batchSize: 10,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    expect(done).toBe(false);
    expect(index.size).toBe(10);
  });
});

describe('fillSearchIndex after an interruption', () => {
  it('indexes the abstracts an aborted fill did not reach', async () => {
    const controller = new AbortController();
    const index = new LocalSearchIndex();
    await fillSearchIndex(index, sourceOf(papers), {
      onProgress: (p) => p.phase === 'abstracts' && controller.abort(),
      signal: controller.signal,
    });
    expect(index.search('word7').total).toBe(0);
    await fillSearchIndex(index, sourceOf(papers));
    expect(index.search('word7').docs.map((d) => d.id)).toEqual(['2506.10007']);
  });
});
