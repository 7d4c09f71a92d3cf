/**
 * The HF API client: timeouts, polite retries, and parsing at the edge. Every call is counted so the
 * sync can report how many requests it spent.
 */
import { HfError } from './errors';
import { retryDelayMs } from './rate-limit';
import {
  MalformedAnswerError,
  parseDailyItems,
  parseDiscussion,
  parsePaperLinks,
  parsePaperObject,
  parseSearchItems,
  type ParsedDiscussion,
  type ParsedLinks,
  type ParsedList,
} from './schemas';
import type { Paper } from '../../shared/paper';
import { MAX_SEARCH_QUERY } from '../../shared/messages';
import { timed, type TimingsSource } from '../timings';
import type { CallGuard } from './call-limits';

export const HF_ORIGIN = 'https://huggingface.co';
/** The most the API gives per page. */
export const PAGE_LIMIT = 100;
/** HF answers at most 120 search results. */
export const MAX_SEARCH_LIMIT = 120;
/** A day never has more pages than this; stops a misbehaving server from looping us. */
const MAX_PAGES = 20;
/**
 * The most of one answer that is read: a real page of 100 papers is a few hundred KB. Past it the
 * answer is refused unread, so a broken or hostile server cannot fill the worker's memory.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/** The most items one answer may list (HF sends at most 120 a page). */
export const MAX_ANSWER_ITEMS = 1_000;

export interface HfClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  timeoutMs?: number;
  /** Retries of a network error or 5xx, with exponential backoff from `backoffMs`. */
  retries?: number;
  backoffMs?: number;
  /** A 429 asking to wait longer than this is not waited out in place: the caller reschedules. */
  maxInlineWaitMs?: number;
  /** The benchmark's sink for the time spent reading and validating answers (../timings.ts). */
  timings?: TimingsSource;
  /**
   * Asked before every request, retries included, and told of every 429 (./call-limits.ts): the
   * background's one gate for HF's "wait until", and for calls pages cause, their budget.
   */
  guard?: CallGuard;
}

interface HfResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  body: string;
}

export type DayAnswer = (ParsedList & { status: 'ok'; complete: boolean }) | { status: 'not-open' };

export class HfClient {
  /** Requests sent since the client was made (retries included). */
  calls = 0;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxInlineWaitMs: number;
  private readonly timings: TimingsSource | undefined;
  private readonly guard: CallGuard | undefined;

  constructor(options: HfClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 20_000;
    this.timings = options.timings;
    this.guard = options.guard;
  }

  /**
   * One Daily Papers day, page by page from `fromPage`, at most `maxPages` pages (all of them by
   * default). A day not open yet (HF answers 400 to its first page) is `not-open`, not an error.
   * `complete` says whether the pages fetched reached the end of the list: false only when the last
   * page fetched was full and `maxPages` stopped us, so more may follow. `seen` holds ids already read
   * from earlier pages of this day, to notice a server that ignores `p`.
   */
  async dailyPapers(day: string, options: { fromPage?: number; maxPages?: number; seen?: Iterable<string> } = {}): Promise<DayAnswer> {
    const fromPage = options.fromPage ?? 0;
    const lastPage = Math.min(MAX_PAGES, fromPage + Math.max(1, options.maxPages ?? MAX_PAGES)) - 1;
    const papers: Paper[] = [];
    const seen = new Set<string>(options.seen);
    let dropped = 0;
    for (let page = fromPage; page <= lastPage; page++) {
      const params = new URLSearchParams({ date: day, limit: String(PAGE_LIMIT) });
      if (page > 0) params.set('p', String(page));
      const response = await this.get(`/api/daily_papers?${params}`, [400]);
      if (response.status === 400) {
        if (page === 0) return { status: 'not-open' };
        break;
      }
      const json = this.readJson(response);
      const parsed = this.validate(() => parseDailyItems(json, this.now()));
      const fresh = parsed.papers.filter((paper) => !seen.has(paper.id));
      // One by one: spreading a long list into push() overflows the stack.
      for (const paper of fresh) {
        seen.add(paper.id);
        papers.push(paper);
      }
      dropped += parsed.dropped;
      // A short page is the last; a page with nothing new means the server ignored `p`.
      if ((json as unknown[]).length < PAGE_LIMIT || (page > 0 && fresh.length === 0)) break;
      // A full page, and we may not ask for the next: there may be more. (MAX_PAGES ends a day.)
      if (page === lastPage && page < MAX_PAGES - 1) return { status: 'ok', papers, dropped, complete: false };
    }
    return { status: 'ok', papers, dropped, complete: true };
  }

  /** HF's trending list (its order is the trending order, not upvotes). */
  async trending(): Promise<ParsedList> {
    const response = await this.get(`/api/daily_papers?sort=trending&limit=${PAGE_LIMIT}`);
    const json = this.readJson(response);
    return this.validate(() => parseDailyItems(json, this.now()));
  }

  /**
   * One paper by bare new-style arXiv id; undefined when HF has no page for it (404) or answers with
   * another paper (that paper must never show as the asked one).
   */
  async paper(id: string): Promise<Paper | undefined> {
    const response = await this.get(`/api/papers/${encodeURIComponent(id)}`, [404]);
    if (response.status === 404) return undefined;
    const json = this.readJson(response);
    const paper = this.validate(() => parsePaperObject(json, this.now()));
    return paper.id === id ? paper : undefined;
  }

  /** One paper and what HF links to it, from one answer (a live lookup keeps both). */
  async paperAndLinks(id: string): Promise<{ paper: Paper; links: ParsedLinks } | undefined> {
    const response = await this.get(`/api/papers/${encodeURIComponent(id)}`, [404]);
    if (response.status === 404) return undefined;
    const json = this.readJson(response);
    const paper = this.validate(() => parsePaperObject(json, this.now()));
    // An answer about another paper is no answer about this one (as `paper`).
    return paper.id === id ? { paper, links: this.validate(() => parsePaperLinks(json)) } : undefined;
  }

  /** The models, datasets and Spaces HF links to a paper; undefined when HF has no page for it (404). */
  async paperLinks(id: string): Promise<ParsedLinks | undefined> {
    const response = await this.get(`/api/papers/${encodeURIComponent(id)}`, [404]);
    if (response.status === 404) return undefined;
    const json = this.readJson(response);
    this.sameId(json, id);
    return this.validate(() => parsePaperLinks(json));
  }

  /** The paper's discussion, threaded; undefined when HF has no page for it (404). */
  async paperDiscussion(id: string): Promise<ParsedDiscussion | undefined> {
    const response = await this.get(`/api/papers/${encodeURIComponent(id)}?field=comments`, [404]);
    if (response.status === 404) return undefined;
    const json = this.readJson(response);
    this.sameId(json, id);
    return this.validate(() => parseDiscussion(json));
  }

  /** Lists or comments of another paper must not show as this one's. */
  private sameId(json: unknown, id: string): void {
    if ((json as { id?: unknown } | null)?.id !== id) throw new HfError('malformed', 'the answer is about another paper');
  }

  /**
   * HF's search over all its papers (`/api/papers/search`). The query is trimmed and cut to HF's 250
   * characters; an empty query asks nothing.
   */
  async searchPapers(query: string, limit = 50): Promise<ParsedList> {
    const q = query.trim().slice(0, MAX_SEARCH_QUERY);
    if (!q) return { papers: [], dropped: 0 };
    const params = new URLSearchParams({ q, limit: String(Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(limit)))) });
    const response = await this.get(`/api/papers/search?${params}`);
    const json = this.readJson(response);
    return this.validate(() => parseSearchItems(json, this.now()));
  }

  private validate<T>(run: () => T): T {
    try {
      return timed(this.timings, 'validate', run);
    } catch (error) {
      if (error instanceof MalformedAnswerError) throw new HfError('malformed', error.message);
      throw error;
    }
  }

  private readJson(response: HfResponse): unknown {
    let json: unknown;
    try {
      json = timed(this.timings, 'parse', () => JSON.parse(response.body) as unknown);
    } catch {
      throw new HfError('malformed', 'the answer was not valid JSON', undefined, response.status);
    }
    if (Array.isArray(json) && json.length > MAX_ANSWER_ITEMS) {
      throw new HfError('too-large', `the answer listed ${json.length} items (at most ${MAX_ANSWER_ITEMS} are read)`, undefined, response.status);
    }
    return json;
  }

  /** GET with timeout, backoff on 5xx and network errors, and HF's own wait on 429. */
  private async get(path: string, acceptedStatuses: number[] = []): Promise<HfResponse> {
    let attempt = 0;
    // After waiting out a 429 here, this client's own retry is due: HF's time has come for it.
    let waitedUntil = 0;
    for (;;) {
      await this.guard?.admit(Math.max(this.now(), waitedUntil));
      let response: HfResponse;
      try {
        response = await this.fetchOnce(`${HF_ORIGIN}${path}`);
      } catch (error) {
        // The same request would bring the same oversized answer again.
        if (error instanceof HfError && error.kind === 'too-large') throw error;
        if (attempt++ < this.retries) {
          await this.sleep(this.backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw error;
      }
      if (response.ok || acceptedStatuses.includes(response.status)) return response;
      if (response.status === 429) {
        const wait = retryDelayMs(response.headers, this.now()) ?? this.backoffMs * 2 ** attempt;
        const retryAt = this.now() + wait;
        // Every other caller holds off until then too, whether this one waits here or gives up.
        this.guard?.hfSaidWait(retryAt);
        if (wait <= this.maxInlineWaitMs && attempt++ < this.retries) {
          await this.sleep(wait);
          waitedUntil = retryAt;
          continue;
        }
        throw new HfError('rate-limited', 'rate limited by Hugging Face', retryAt, 429);
      }
      if (response.status >= 500) {
        if (attempt++ < this.retries) {
          await this.sleep(this.backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw new HfError('server', `Hugging Face answered ${response.status}`, undefined, response.status);
      }
      throw new HfError('http', `Hugging Face answered ${response.status}`, undefined, response.status);
    }
  }

  /** One request; the timeout covers the whole answer, body included. */
  private async fetchOnce(url: string): Promise<HfResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    this.calls++;
    try {
      const response = await this.fetchFn(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
        credentials: 'omit',
      });
      const body = await readBounded(response, MAX_ANSWER_BYTES);
      return { status: response.status, ok: response.ok, headers: response.headers, body };
    } catch (error) {
      if (error instanceof HfError) throw error;
      if (controller.signal.aborted) throw new HfError('timeout', `no answer within ${this.timeoutMs / 1000} s`);
      throw new HfError('offline', error instanceof Error ? error.message : 'network error');
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The answer's text, read as a stream and given up (the rest never downloaded) past `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new HfError('too-large', `the answer was larger than ${maxBytes} bytes`, undefined, response.status);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}
