/**
 * One local HTTPS server that answers for huggingface.co, arxiv.org and github.com. Chromium is
 * pointed at it with --host-resolver-rules from its first moment, so even the install-time sync meets
 * fixtures, and nothing reaches the real sites.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DailyPapersFixture } from '../../fixtures/hf-data';
import { SITES } from '../../../lib/shared/sites';

/** A site outside the registry: a page the popup badges on request only ("Show badges on this page"). */
export const OTHER_SITE_HOST = 'reading.example.org';

/** Hugging Face, every host of every site in the registry (lib/shared/sites.ts), and one other site. */
export const FIXTURE_HOSTS = ['huggingface.co', ...SITES.flatMap((site) => site.hosts), OTHER_SITE_HOST];

export interface FixtureAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  contentType?: string;
  /**
   * The body sent up to `at`, the rest `ms` later (with more pauses: up to each `at` in turn, each `ms`
   * after the part before): a page that arrives in parts, as long pages do.
   */
  pause?: Pause | Pause[];
}

export interface Pause {
  at: number;
  ms: number;
}

export interface LoggedRequest {
  host: string;
  /** Path and query. */
  path: string;
  at: number;
}

/** Decides an HF API answer; return undefined to fall through to the fixture data. */
export type HfOverride = (url: URL) => FixtureAnswer | undefined | Promise<FixtureAnswer | undefined>;

let certificate: { key: Buffer; cert: Buffer } | undefined;

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'dpl-cert-'));
  const san = FIXTURE_HOSTS.map((host) => `DNS:${host}`).join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-subj', '/CN=daily-papers-lens-fixtures', '-addext', `subjectAltName=${san}`,
  ], { stdio: 'ignore' });
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

export class FixtureServer {
  readonly log: LoggedRequest[] = [];
  /** Pages by `host + path` (path without query), e.g. `arxiv.org/abs/2506.06276`. */
  readonly pages = new Map<string, string>();
  /** Pages (by the same key) sent in parts: up to `at`, the rest `ms` later (`FixtureAnswer.pause`). */
  readonly pausedPages = new Map<string, Pause | Pause[]>();
  /** HF papers served by `/api/papers/{id}`, beyond those in the daily lists. */
  readonly extraPapers = new Map<string, Record<string, unknown>>();
  hfOverride: HfOverride | undefined;
  private server: Server | undefined;

  constructor(public data: DailyPapersFixture) {}

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async start(): Promise<void> {
    this.server = createServer(selfSignedCertificate(), (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The Chromium flags that send the fixture hosts here and every other host nowhere. */
  chromiumArgs(): string[] {
    const rules = FIXTURE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${this.port}`);
    return [`--host-resolver-rules=${[...rules, 'MAP * ~NOTFOUND'].join(',')}`, '--ignore-certificate-errors'];
  }

  /** HF API requests made so far (path and query), in order. */
  hfCalls(): string[] {
    return this.log.filter((r) => r.host === 'huggingface.co' && r.path.startsWith('/api/')).map((r) => r.path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    this.log.push({ host, path: url.pathname + url.search, at: Date.now() });
    let answer: FixtureAnswer;
    try {
      answer = host === 'huggingface.co' && url.pathname.startsWith('/api/') ? await this.answerHf(url) : this.answerPage(host, url);
    } catch (error) {
      answer = { status: 500, body: String(error) };
    }
    res.writeHead(answer.status, {
      'content-type': answer.contentType ?? 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...answer.headers,
    });
    if (!answer.pause) return void res.end(answer.body);
    let sent = 0;
    for (const { at, ms } of [answer.pause].flat().sort((a, b) => a.at - b.at)) {
      res.write(answer.body.slice(sent, at));
      sent = at;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    res.end(answer.body.slice(sent));
  }

  private async answerHf(url: URL): Promise<FixtureAnswer> {
    const overridden = await this.hfOverride?.(url);
    if (overridden) return overridden;
    const json = (value: unknown): FixtureAnswer => ({ status: 200, body: JSON.stringify(value) });
    if (url.pathname === '/api/daily_papers') {
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50)));
      const page = Number(url.searchParams.get('p') ?? 0);
      const slice = (items: unknown[]) => json(items.slice(page * limit, (page + 1) * limit));
      if (url.searchParams.get('sort') === 'trending') return slice(this.data.trending);
      const date = url.searchParams.get('date');
      if (!date) return slice(this.data.days.get(this.data.today) ?? []);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > this.data.today) {
        return { status: 400, body: JSON.stringify({ error: 'Invalid date' }) };
      }
      return slice(this.data.days.get(date) ?? []);
    }
    if (url.pathname === '/api/papers/search') return json(this.search(url));
    const paperMatch = /^\/api\/papers\/([^/]+)$/.exec(url.pathname);
    if (paperMatch) {
      const id = decodeURIComponent(paperMatch[1]!);
      const item = [...this.data.days.values()].flat().find((i) => (i.paper as { id: string }).id === id);
      const paper = this.extraPapers.get(id) ?? (item?.paper as Record<string, unknown> | undefined);
      return paper ? json(paper) : { status: 404, body: JSON.stringify({ error: 'Paper not found' }) };
    }
    return { status: 404, body: '{"error":"not found"}' };
  }

  /**
   * `/api/papers/search`: case-insensitive match of the whole query in titles and abstracts, over the
   * daily lists (as wrapped items) and `extraPapers` (as flat objects, the other shape HF sends).
   */
  private search(url: URL): unknown[] {
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    if (!q || q.length > 250) return [];
    const limit = Math.min(120, Math.max(1, Number(url.searchParams.get('limit') ?? 50)));
    const matches = (paper: Record<string, unknown>) =>
      [paper.title, paper.summary].some((text) => typeof text === 'string' && text.toLowerCase().includes(q));
    const wrapped = [...this.data.days.values()].flat().filter((item) => matches(item.paper as Record<string, unknown>));
    const flat = [...this.extraPapers.values()].filter(matches);
    return [...flat, ...wrapped].slice(0, limit);
  }

  private answerPage(host: string, url: URL): FixtureAnswer {
    const key = `${host}${url.pathname}`;
    const page = this.pages.get(key);
    if (page === undefined) return { status: 404, body: 'Not found', contentType: 'text/plain' };
    const pause = this.pausedPages.get(key);
    return { status: 200, body: page, contentType: 'text/html; charset=utf-8', ...(pause ? { pause } : {}) };
  }
}
