/**
 * One page visit in a Chromium trace, told done by a console message from the page: the main thread's
 * CPU time (parsing, scripts, style, layout, paint: unlike wall-clock times, barely moved by other work
 * on a shared machine), and, with V8's sampling profiler on, how much of it the extension's own scripts
 * took (`extensionScriptCpu`).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median } from './figures';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  id?: string;
  tdur?: number;
  args?: {
    beginData?: { url?: string };
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface TracedVisit {
  events: TraceEvent[];
  /** The page's renderer main thread (where its HTML was parsed). */
  main: { pid: number; tid: number };
  /** Its tasks' CPU time, in ms. */
  mainThreadMs: number;
}

async function tracedVisit(context: BrowserContext, page: Page, url: string, done: string, profiled: boolean): Promise<TracedVisit> {
  // In front, as a page a person reads is (./page-visit.ts: a tab behind another had its frames held back).
  await page.bringToFront();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: profiled ? [...categories, 'disabled-by-default-v8.cpu_profiler'] : categories, excludedCategories: ['*'] },
  });
  // Told by a console message, not by polling the page: Playwright's polling and evaluation first
  // inject its own script (some 330 KB) into the page, 14–16 ms of main-thread time in each traced visit
  // that no reader's page pays, which made every variant's figure larger and every ratio smaller.
  const finished = page.waitForEvent('console', { predicate: (message) => message.text() === done, timeout: 30_000 });
  await page.goto(url, { waitUntil: 'load' });
  await finished;
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  const tasks = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.name === 'RunTask');
  return { events, main: { pid: parse.pid, tid: parse.tid }, mainThreadMs: tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000 };
}

/** What the main thread did, by the trace events that own the time (`mainThreadWork`). */
export const WORK_KINDS = ['script', 'style, layout and paint', 'messages', 'HTML parsing', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

function kindOf(event: string): WorkKind {
  if (/^(EvaluateScript|FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|HandlePostMessage|MinorGC|MajorGC|BlinkScheduler_PerformMicrotaskCheckpoint)$|^v8\.|^V8\./i.test(event)) return 'script';
  if (/^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|UpdateLayer|Commit|ParseAuthorStyleSheet|HitTest|ScheduleStyleRecalculation|InvalidateLayout)$/.test(event)) return 'style, layout and paint';
  if (/mojo|SimpleWatcher/i.test(event)) return 'messages';
  if (/^(ParseHTML|HTMLDocumentParser::)/.test(event)) return 'HTML parsing';
  return 'other';
}

/**
 * The main thread's CPU time on one visit of `url` (as `mainThreadCpu`), and where it went: each traced
 * event's own time (its time less its traced children's) summed by kind (`WORK_KINDS`), in ms.
 */
export async function mainThreadWork(context: BrowserContext, page: Page, url: string, done: string): Promise<{ ms: number; byKind: Record<WorkKind, number> }> {
  const { events, main, mainThreadMs } = await tracedVisit(context, page, url, done, false);
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts !== undefined && e.dur !== undefined)
    .sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
  const byKind = Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as Record<WorkKind, number>;
  const open: { end: number; kind: WorkKind; self: number }[] = [];
  const closeUntil = (time: number) => {
    while (open.length && open[open.length - 1]!.end <= time) {
      const span = open.pop()!;
      byKind[span.kind] += span.self / 1000;
    }
  };
  for (const e of spans) {
    closeUntil(e.ts!);
    const cpu = e.tdur ?? 0;
    const parent = open[open.length - 1];
    if (parent) parent.self -= cpu;
    open.push({ end: e.ts! + e.dur!, kind: kindOf(e.name), self: cpu });
  }
  closeUntil(Infinity);
  return { ms: mainThreadMs, byKind };
}

/**
 * Per kind of main-thread work, its median over the visits `over` less its median over the visits
 * `under`, in ms: where a page's time above another's went (`mainThreadWork`'s kinds).
 */
export function moreByKind(over: readonly Record<WorkKind, number>[], under: readonly Record<WorkKind, number>[]): Record<WorkKind, number> {
  return Object.fromEntries(WORK_KINDS.map((kind) => [kind, median(over.map((w) => w[kind])) - median(under.map((w) => w[kind]))])) as Record<WorkKind, number>;
}

/** The CPU time, in ms, the page's renderer main thread spent on one visit of `url`. */
export async function mainThreadCpu(context: BrowserContext, page: Page, url: string, done: string): Promise<number> {
  return (await tracedVisit(context, page, url, done, false)).mainThreadMs;
}

/**
 * One profiled visit: the extension's own scripts' time and the main thread's whole time, in ms. A
 * sample counts as ours when a frame of its stack is a `chrome-extension://` script (our code, the DOM
 * calls it makes and the layouts it forces; the page's own style, layout and paint of what we added are
 * not counted). Unlike a ratio of the whole page's time, it is not drowned by the page's own swings (a
 * 2000-entry listing's parse and layout move by ±400 ms between visits). The profiler slows what it
 * samples: a figure to compare, not a wall-clock time.
 */
export async function extensionScriptCpu(context: BrowserContext, page: Page, url: string, done: string): Promise<{ ours: number; mainThread: number }> {
  const { events, main, mainThreadMs } = await tracedVisit(context, page, url, done, true);
  // The main thread's profile: its chunks share the id of its `Profile` event.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  if (!profile) throw new Error('no CPU profile of the page main thread in the trace');
  const nodes = new Map<number, ProfileNode>();
  const samples: number[] = [];
  const deltas: number[] = [];
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === profile.pid)) {
    for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    samples.push(...(chunk.args?.data?.cpuProfile?.samples ?? []));
    deltas.push(...(chunk.args?.data?.timeDeltas ?? []));
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const answer = node ? (node.callFrame.url ?? '').startsWith('chrome-extension://') || (node.parent !== undefined && isOurs(node.parent)) : false;
    ours.set(id, answer);
    return answer;
  };
  let oursUs = 0;
  samples.forEach((id, i) => {
    if (isOurs(id)) oursUs += deltas[i] ?? 0;
  });
  return { ours: oursUs / 1000, mainThread: mainThreadMs };
}
