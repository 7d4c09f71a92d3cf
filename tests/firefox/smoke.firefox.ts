/**
 * The Firefox build in a real Firefox: installed as a temporary add-on over WebDriver BiDi, with every
 * HTTPS connection sent through a local proxy to the fixture server (Firefox has no host-resolver
 * rules). Its background runs the install-time sync, an arXiv abstract page gets its card, a listing
 * its badges, a GitHub repository its About box and its README's paper links their badges, and with no
 * data-collection consent given nothing about the pages visited is sent. (BiDi reaches no extension
 * page, so the popup and the toolbar badge are not checked here.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { monthListingPage, newListingPage } from '../fixtures/arxiv/listing-page';
import { repoHomePage } from '../fixtures/github/repo-page';
import { buildDailyPapers } from '../fixtures/hf-data';
import { FIXTURE_HOSTS, FixtureServer } from '../e2e/support/fixture-server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'daily-papers-lens@daily-papers-lens.dev';

/** An HTTP proxy that tunnels CONNECTs to the fixture hosts into the fixture server, and refuses the rest. */
function tunnelTo(port: number): Promise<Server> {
  const proxy = createServer((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req, client, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!FIXTURE_HOSTS.includes(host)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((done) => proxy.listen(0, '127.0.0.1', () => done(proxy)));
}

/** A minimal WebDriver BiDi client: one command at a time, answers matched by id. */
class Bidi {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: string; message?: string };
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id!);
      if (message.error) pending.reject(new Error(`${message.error}: ${message.message}`));
      else pending.resolve(message.result);
    });
  }

  static async open(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise((done, fail) => {
      socket.addEventListener('open', done);
      socket.addEventListener('error', () => fail(new Error(`no WebDriver BiDi at ${url}`)));
    });
    return new Bidi(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  close(): void {
    this.socket.close();
  }
}

async function startFirefox(profile: string, proxyPort: number, debugPort: number): Promise<ChildProcess> {
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
  };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const firefox = spawn(FIREFOX, ['-headless', '-no-remote', '-profile', profile, `--remote-debugging-port=${debugPort}`, 'about:blank'], { stdio: 'ignore' });
  return firefox;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

test('the Firefox build syncs in its background, annotates an abstract page, a listing and a repository, and sends no page ids without consent', async () => {
  test.skip(!existsSync(FIREFOX), `no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  expect(existsSync(join(ADDON_DIR, 'manifest.json')), 'run "npm run build:firefox" first').toBe(true);

  const server = new FixtureServer(buildDailyPapers(Date.now()));
  await server.start();
  const proxy = await tunnelTo(server.port);
  const profile = mkdtempSync(join(tmpdir(), 'dpl-firefox-'));
  const debugPort = await freePort();
  const firefox = await startFirefox(profile, (proxy.address() as AddressInfo).port, debugPort);
  let bidi: Bidi | undefined;
  try {
    const deadline = Date.now() + 60_000;
    while (!bidi) {
      try {
        bidi = await Bidi.open(`ws://127.0.0.1:${debugPort}/session`);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((done) => setTimeout(done, 500));
      }
    }
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: ADDON_DIR } });
    expect(extension).toBe(ADDON_ID);

    // The background's install-time sync: today's list first, then the back-fill, day by day.
    await expect.poll(() => server.hfCalls().filter((p) => p.startsWith('/api/daily_papers')).length, { timeout: 90_000 }).toBeGreaterThan(5);

    // An abstract page of a synced paper gets its card, filled from the local copy.
    const star = [...server.data.days.values()].flat().map((item) => item.paper as { id: string; title: string; summary: string; upvotes: number }).find((p) => p.id === '2506.06276')!;
    server.pages.set(`arxiv.org/abs/${star.id}`, absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] }));
    const unknownId = '2506.29999';
    server.pages.set(`arxiv.org/abs/${unknownId}`, absPage({ id: unknownId, title: 'Not on Hugging Face', abstract: 'A', authors: ['A. Author'] }));
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const evaluate = async (expression: string): Promise<unknown> => {
      const answer = await bidi!.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
      });
      if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text);
      return answer.result?.value;
    };
    const cardText = async () =>
      String(await evaluate(`document.querySelector('dpl-paper-card')?.shadowRoot?.querySelector('[data-testid="dpl-card"]')?.textContent ?? ''`));
    await bidi.send('browsingContext.navigate', { context, url: `https://arxiv.org/abs/${star.id}`, wait: 'complete' });
    await expect.poll(cardText, { timeout: 30_000 }).toContain(`▲ ${star.upvotes}`);

    // Live lookups are on by default, but Firefox has not been given consent to send browsing activity.
    await bidi.send('browsingContext.navigate', { context, url: `https://arxiv.org/abs/${unknownId}`, wait: 'complete' });
    await new Promise((done) => setTimeout(done, 3_000));
    expect(server.hfCalls().filter((p) => p.startsWith('/api/papers/'))).toEqual([]);

    // A listing: the synced paper's entry gets its badge from the badge index, the unknown one none.
    const entry = (id: string, title: string) => ({ id, title, authors: ['A. Author'], primarySubject: 'Computer Vision and Pattern Recognition (cs.CV)' });
    server.pages.set('arxiv.org/list/cs.CV/new', newListingPage({
      category: 'cs.CV',
      categoryName: 'Computer Vision and Pattern Recognition',
      announced: 'Friday, 6 June 2025',
      newSubmissions: [entry(star.id, star.title), entry(unknownId, 'Not on Hugging Face')],
      crossLists: [],
      replacements: [],
    }));
    await bidi.send('browsingContext.navigate', { context, url: 'https://arxiv.org/list/cs.CV/new', wait: 'complete' });
    // BiDi hands arrays back as remote values: the page's answer comes as JSON.
    const evaluateJson = async (expression: string) => JSON.parse(String(await evaluate(`JSON.stringify(${expression})`))) as unknown;
    const listingBadges = () => evaluateJson(`[...document.querySelectorAll('dt dpl-paper-badge')].map((host) => host.closest('dt').querySelector('a[title="Abstract"]').id + ' ' + host.shadowRoot.textContent.trim())`);
    await expect.poll(listingBadges, { timeout: 30_000 }).toEqual([expect.stringMatching(new RegExp(`^${star.id} [\\s\\S]*▲ ${star.upvotes}`))]);
    // Its toolbar floats on the first heading's line (Firefox places that float as Chromium does: at the
    // heading's top, after the margins above it), and a badge leaves its entry as tall as one without.
    const listingLayout = () =>
      evaluateJson(`(() => {
        const heading = document.querySelector('dl#articles > h3').getBoundingClientRect();
        const bar = document.querySelector('dpl-toolbar').shadowRoot.querySelector('.dpl-toolbar').getBoundingClientRect();
        const [badged, bare] = [...document.querySelectorAll('dl#articles > dt')].map((dt) => dt.getBoundingClientRect());
        return { barMiddle: (bar.top + bar.bottom) / 2, heading: [heading.top, heading.bottom], barBottom: bar.bottom, firstEntryTop: badged.top, badged: badged.height, bare: bare.height };
      })()`) as Promise<{ barMiddle: number; heading: number[]; barBottom: number; firstEntryTop: number; badged: number; bare: number }>;
    await expect.poll(() => evaluate(`document.querySelectorAll('dpl-toolbar').length`), { timeout: 30_000 }).toBe(1);
    const listing = await listingLayout();
    expect(listing.barMiddle).toBeGreaterThan(listing.heading[0]!);
    expect(listing.barMiddle).toBeLessThan(listing.heading[1]!);
    expect(listing.barBottom).toBeLessThanOrEqual(listing.firstEntryTop);
    expect(listing.badged).toBe(listing.bare);
    // A month list (its one section has no heading): the toolbar floats beside the paging lines right
    // above its entries, and its bottom stays above the first entry.
    const month = `20${star.id.slice(0, 2)}-${star.id.slice(2, 4)}`;
    server.pages.set(`arxiv.org/list/cs.CV/${month}`, monthListingPage({
      category: 'cs.CV',
      categoryName: 'Computer Vision and Pattern Recognition',
      month,
      monthName: month,
      entries: [entry(unknownId, 'Not on Hugging Face'), entry(star.id, star.title)],
      total: 2000,
    }));
    await bidi.send('browsingContext.navigate', { context, url: `https://arxiv.org/list/cs.CV/${month}`, wait: 'complete' });
    await expect.poll(listingBadges, { timeout: 30_000 }).toEqual([expect.stringMatching(new RegExp(`^${star.id} [\\s\\S]*▲ ${star.upvotes}`))]);
    const monthLayout = await evaluateJson(`(() => {
      const host = document.querySelector('dpl-toolbar');
      const bar = host.shadowRoot.querySelector('.dpl-toolbar').getBoundingClientRect();
      const lines = [document.querySelector('div.paging').getBoundingClientRect().top, document.querySelector('div.morefewer').getBoundingClientRect().bottom];
      return { beforePaging: host.nextElementSibling === document.querySelector('div.paging'), barMiddle: (bar.top + bar.bottom) / 2, lines, barBottom: bar.bottom, firstEntryTop: document.querySelector('dl#articles > dt').getBoundingClientRect().top };
    })()`) as { beforePaging: boolean; barMiddle: number; lines: number[]; barBottom: number; firstEntryTop: number };
    expect(monthLayout.beforePaging).toBe(true);
    expect(monthLayout.barMiddle).toBeGreaterThan(monthLayout.lines[0]!);
    expect(monthLayout.barMiddle).toBeLessThan(monthLayout.lines[1]!);
    expect(monthLayout.barBottom).toBeLessThanOrEqual(monthLayout.firstEntryTop);

    // A GitHub repository that papers name lists them in its About box; its README's link to the synced
    // paper gets a badge (the background's badge index, asked about the page's ids), the unknown one none.
    const readme = `<p><a href="https://arxiv.org/abs/${star.id}">the paper</a> and <a href="https://arxiv.org/abs/${unknownId}">another</a>.</p>`;
    server.pages.set('github.com/lens-fixtures/repo-2506-06276', repoHomePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code', readme }));
    await bidi.send('browsingContext.navigate', { context, url: 'https://github.com/lens-fixtures/repo-2506-06276', wait: 'complete' });
    await expect.poll(() => evaluate(`document.querySelectorAll('dpl-repo-papers').length`), { timeout: 30_000 }).toBe(1);
    const readmeBadges = () => evaluateJson(`[...document.querySelectorAll('.markdown-body dpl-paper-badge')].map((host) => host.previousElementSibling.getAttribute('href'))`);
    await expect.poll(readmeBadges, { timeout: 30_000 }).toEqual([`https://arxiv.org/abs/${star.id}`]);
    // Still no consent: the unknown id the README links to went nowhere.
    expect(server.hfCalls().filter((p) => p.startsWith('/api/papers/'))).toEqual([]);
  } finally {
    bidi?.close();
    if (firefox.exitCode === null) {
      const exited = new Promise((done) => firefox.once('exit', done));
      firefox.kill();
      await exited;
    }
    proxy.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
