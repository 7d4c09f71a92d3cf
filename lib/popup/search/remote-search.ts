/**
 * The popup's side of "search all of Hugging Face": only on an explicit action (a button, Enter),
 * debounced so a double press sends one request, and cached (in memory and in the page's storage, for
 * the next opening) so asking again does not call HF again.
 */
import type { Paper } from '../../shared/paper';
import { HF_SEARCHES_KEY } from '../../shared/storage-keys';
import type { HfSearchAnswer } from '../../shared/messages';

export const CACHE_TTL_MS = 15 * 60_000;
const CACHE_ENTRIES = 5;

interface CacheEntry {
  key: string;
  at: number;
  papers: Paper[];
}

export type RemoteSearchAnswer = HfSearchAnswer | { ok: false; superseded: true };

export interface RemoteSearchDeps {
  send: (query: string) => Promise<HfSearchAnswer>;
  now: () => number;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Queries that differ only in case and spacing are the same search. */
export function searchKey(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

export class RemoteSearch {
  private entries: CacheEntry[];
  private pending: { key: string; timer: unknown; resolve: (answer: RemoteSearchAnswer) => void } | undefined;
  private readonly inFlight = new Map<string, Promise<RemoteSearchAnswer>>();

  constructor(private readonly deps: RemoteSearchDeps) {
    this.entries = this.load();
  }

  /** Cached results for the query, if fresh. */
  cached(query: string): Paper[] | undefined {
    const key = searchKey(query);
    const entry = this.entries.find((e) => e.key === key);
    return entry && this.deps.now() - entry.at < CACHE_TTL_MS ? entry.papers : undefined;
  }

  /** Searches HF (after the debounce delay) unless cached; a newer request supersedes a waiting one. */
  search(query: string): Promise<RemoteSearchAnswer> {
    const key = searchKey(query);
    const hit = this.cached(query);
    if (!key) return Promise.resolve({ ok: true, papers: [] });
    if (hit) return Promise.resolve({ ok: true, papers: hit });
    const running = this.inFlight.get(key);
    if (running) return running;
    if (this.pending) {
      (this.deps.clearTimer ?? clearTimeout)(this.pending.timer as ReturnType<typeof setTimeout>);
      this.pending.resolve({ ok: false, superseded: true });
    }
    return new Promise<RemoteSearchAnswer>((resolve) => {
      const timer = (this.deps.setTimer ?? setTimeout)(() => {
        this.pending = undefined;
        const request = this.send(key, query.trim());
        this.inFlight.set(key, request);
        void request.finally(() => this.inFlight.delete(key));
        resolve(request);
      }, this.deps.delayMs ?? 300);
      this.pending = { key, timer, resolve };
    });
  }

  private async send(key: string, query: string): Promise<RemoteSearchAnswer> {
    let answer: HfSearchAnswer;
    try {
      answer = await this.deps.send(query);
    } catch {
      answer = { ok: false, error: { kind: 'unknown', message: 'The extension’s background did not answer. Try again.' } };
    }
    if (answer.ok) {
      this.entries = [{ key, at: this.deps.now(), papers: answer.papers }, ...this.entries.filter((e) => e.key !== key)].slice(0, CACHE_ENTRIES);
      this.save();
    }
    return answer;
  }

  private load(): CacheEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.deps.storage?.getItem(HF_SEARCHES_KEY) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (e): e is CacheEntry => typeof e?.key === 'string' && typeof e?.at === 'number' && Array.isArray(e?.papers),
      );
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      this.deps.storage?.setItem(HF_SEARCHES_KEY, JSON.stringify(this.entries));
    } catch {
      // Storage full or refused: the memory cache still works for this opening.
    }
  }
}
