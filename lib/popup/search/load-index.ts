/**
 * Filling the popup's search index from the database without freezing the popup: papers are read in
 * batches and their short fields indexed first (titles, authors… become searchable quickly), then the
 * abstracts, in slices of a few milliseconds with a yield to the page between them.
 */
import type { Paper } from '../../shared/paper';
import type { LocalSearchIndex } from './local-index';

export interface PaperSource {
  paperBatch(afterId: string | undefined, count: number): Promise<Paper[]>;
}

export interface IndexProgress {
  /** Papers read so far. */
  papers: number;
  /** `abstracts` once every short field is searchable, `done` at the end. */
  phase: 'titles' | 'abstracts' | 'done';
}

export interface FillOptions {
  batchSize?: number;
  /** Work done between two yields to the page. */
  sliceMs?: number;
  onProgress?: (progress: IndexProgress) => void;
  /** Stops the fill (the popup closed, or a newer fill started). */
  signal?: AbortSignal;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
}

/** A macrotask yield without setTimeout's clamping. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Brings the index up to date with the database: new papers are added, known ones refreshed (their
 * upvotes move). Returns false when stopped by the signal.
 */
export async function fillSearchIndex(index: LocalSearchIndex, source: PaperSource, options: FillOptions = {}): Promise<boolean> {
  const { batchSize = 500, sliceMs = 8, onProgress, signal, now = () => performance.now() } = options;
  const pause = options.yieldToPage ?? yieldToPage;
  const abstracts: [string, string][] = [];
  let papers = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await source.paperBatch(after, batchSize);
    if (signal?.aborted) return false;
    if (batch.length === 0) break;
    let sliceStart = now();
    for (const paper of batch) {
      if (!index.replace(paper)) index.add(paper);
      // Also picks up abstracts an interrupted fill did not reach.
      if (paper.summary && index.needsAbstract(paper.id)) abstracts.push([paper.id, paper.summary]);
      if (now() - sliceStart >= sliceMs) {
        await pause();
        if (signal?.aborted) return false;
        sliceStart = now();
      }
    }
    papers += batch.length;
    after = batch[batch.length - 1]!.id;
    onProgress?.({ papers, phase: 'titles' });
  }
  index.prepare();
  onProgress?.({ papers, phase: 'abstracts' });
  if (signal?.aborted) return false;

  let sliceStart = now();
  for (const [id, abstract] of abstracts) {
    index.addAbstract(id, abstract);
    if (now() - sliceStart >= sliceMs) {
      await pause();
      if (signal?.aborted) return false;
      sliceStart = now();
    }
  }
  index.prepare();
  onProgress?.({ papers, phase: 'done' });
  return true;
}
