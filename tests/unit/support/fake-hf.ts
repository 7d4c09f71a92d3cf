/**
 * A stand-in for huggingface.co's JSON API, as a `fetch` to hand to `HfClient`: it serves day lists
 * (paged with `p`/`limit`), the trending list and paper objects from fixtures, answers 400 for days
 * after `today`, and logs every URL asked for.
 */
import { jsonResponse } from './builders';

type Json = Record<string, unknown>;

export interface FakeHfOptions {
  /** Day lists by date; a date not listed answers `[]` (a weekend, say). */
  days?: Record<string, Json[]>;
  trending?: Json[];
  /** Paper objects by id, for `/api/papers/{id}`; others answer 404. */
  papers?: Record<string, Json>;
  /** Days after this one answer 400, as HF does for future dates. */
  today?: () => string;
  /** Consulted before the fixtures: return an answer (or throw) to override them. */
  override?: (url: URL) => Response | undefined | Promise<Response | undefined>;
}

export interface FakeHf {
  fetch: typeof fetch;
  /** Every URL asked for, in order. */
  requests: string[];
  /** The `date` of every day-list request, in order. */
  dayRequests: () => string[];
}

export function fakeHf(options: FakeHfOptions = {}): FakeHf {
  const requests: string[] = [];
  const fetchFn = async (input: RequestInfo | URL): Promise<Response> => {
    const href = input instanceof Request ? input.url : String(input);
    requests.push(href);
    const url = new URL(href);
    const overridden = await options.override?.(url);
    if (overridden) return overridden;
    if (url.origin !== 'https://huggingface.co') return new Response('not found', { status: 404 });

    if (url.pathname === '/api/daily_papers') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const page = Number(url.searchParams.get('p') ?? 0);
      if (url.searchParams.get('sort') === 'trending') {
        return jsonResponse((options.trending ?? []).slice(page * limit, (page + 1) * limit));
      }
      const date = url.searchParams.get('date');
      if (!date) return new Response('{"error":"no date"}', { status: 400 });
      if (options.today && date > options.today()) return new Response('{"error":"Invalid date"}', { status: 400 });
      const items = options.days?.[date] ?? [];
      return jsonResponse(items.slice(page * limit, (page + 1) * limit));
    }

    const paperId = /^\/api\/papers\/(.+)$/.exec(url.pathname)?.[1];
    if (paperId) {
      const paper = options.papers?.[decodeURIComponent(paperId)];
      return paper ? jsonResponse(paper) : new Response('{"error":"Paper not found"}', { status: 404 });
    }
    return new Response('not found', { status: 404 });
  };
  return {
    fetch: fetchFn as typeof fetch,
    requests,
    dayRequests: () =>
      requests.flatMap((href) => {
        const date = new URL(href).searchParams.get('date');
        return date ? [date] : [];
      }),
  };
}
