/**
 * How much of a page visit's main-thread time is the extension's own scripts: a Chromium trace with V8's
 * sampling profiler, each sample of the page's main thread counted as ours when a frame of its stack is
 * a `chrome-extension://` script (our code, the DOM calls it makes and the layouts it forces; the page's
 * own style, layout and paint of what we added are not counted). Unlike a ratio of the whole page's
 * time, it is not drowned by the page's own swings (a 2000-entry listing's parse and layout move by
 * ±400 ms between visits). The profiler slows what it samples: a figure to compare, not a wall-clock time.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
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

/** One visit of `url` in `page`, told done by the console message `done`: our scripts' sampled time and the main thread's whole time (tasks), in ms, both profiled. */
export async function extensionScriptCpu(context: BrowserContext, page: Page, url: string, done: string): Promise<{ ours: number; mainThread: number }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'], excludedCategories: ['*'] },
  });
  const finished = page.waitForEvent('console', { predicate: (message) => message.text() === done, timeout: 30_000 });
  await page.goto(url, { waitUntil: 'load' });
  await finished;
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  // The main thread's profile: its chunks share the id of its `Profile` event.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === parse.pid && e.tid === parse.tid);
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
  const tasks = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.name === 'RunTask');
  return { ours: oursUs / 1000, mainThread: tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000 };
}
