/**
 * Watching the background service worker from a test (observation only): the notifications it asks
 * Chrome to show, the messages it receives, and stopping it the way Chromium does after 30 s idle.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';

/** The one `chrome.*` slice these probes use inside the worker. */
interface ChromeApi {
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
  notifications: { create(...args: unknown[]): unknown };
}

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
  iconUrl: string;
}

/** Records what the extension asks Chrome to show from now on (Chrome can list ids, not texts). */
export async function recordNotifications(background: Worker): Promise<() => Promise<ShownNotification[]>> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as { __dplShown: unknown[]; chrome: ChromeApi };
    scope.__dplShown = [];
    const create = scope.chrome.notifications.create.bind(scope.chrome.notifications);
    scope.chrome.notifications.create = (...args: unknown[]) => {
      const [id, options] = args as [string, { title: string; message: string; iconUrl: string }];
      scope.__dplShown.push({ id, title: options.title, message: options.message, iconUrl: options.iconUrl });
      return create(...args);
    };
  });
  return () => background.evaluate(() => (globalThis as unknown as { __dplShown: ShownNotification[] }).__dplShown);
}

export interface RecordedRequest {
  type: string;
  ids?: string[];
  live?: boolean;
  newest?: boolean;
  repo?: string;
  site?: string;
  /** An arXiv listing's `badgeIndex`: the ids its URL names. */
  span?: unknown;
}

/** Records every message the background receives from now on (an observer: it never answers). */
export async function recordRequests(background: Worker): Promise<void> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as { __dplRequests?: unknown[]; chrome: ChromeApi };
    if (scope.__dplRequests) return;
    scope.__dplRequests = [];
    scope.chrome.runtime.onMessage.addListener((message: unknown) => {
      scope.__dplRequests!.push(message);
    });
  });
}

export async function recordedRequests(background: Worker): Promise<RecordedRequest[]> {
  return background.evaluate(() => (globalThis as unknown as { __dplRequests: RecordedRequest[] }).__dplRequests);
}

/**
 * A badges-only page's question (`linkBadges`): the ids it asks about, sorted (a message holds the ids a
 * pass over the page met, in the order of its reader); none for the first question, at document_start.
 */
export const linkBadges = (site: string, ids: string[] = []): RecordedRequest => ({ type: 'linkBadges', site, ids: [...ids].sort() });

/**
 * The ids each page asked about with `linkBadges` for `site` (none: a page badged on request), a list
 * per page, sorted: a page's first question names no id and starts its list; the ids it asks about
 * while it is parsed and as it is read follow, in as many messages as it took. An id a page asked
 * about twice shows twice.
 */
export function idsAskedByPage(requests: RecordedRequest[], site?: string): string[][] {
  const pages: string[][] = [];
  for (const request of requests) {
    if (request.type !== 'linkBadges' || request.site !== site) continue;
    if (!request.ids?.length || !pages.length) pages.push([]);
    pages.at(-1)!.push(...(request.ids ?? []));
  }
  return pages.map((ids) => [...ids].sort());
}

/**
 * Every id the pages of `site` asked about with `linkBadges`, sorted, all pages together: a page that
 * read its first answer from the newest badges' copy (lib/sites/kit/local-start.ts) sends no first
 * question, so its ids cannot be told from the page's before it.
 */
export const idsAsked = (requests: RecordedRequest[], site?: string): string[] => idsAskedByPage(requests, site).flat().sort();

/** The recorded requests with the ids of each `linkBadges` sorted, to compare with `linkBadges(…)`. */
export async function recordedLinkRequests(background: Worker): Promise<RecordedRequest[]> {
  return (await recordedRequests(background)).map((request) => (request.type === 'linkBadges' && request.ids ? { ...request, ids: [...request.ids].sort() } : request));
}

/**
 * Stops the extension's service worker for real and, from then on, records every running status it
 * goes through (an event or a page's message starts it again). Detach `cdp` when done watching.
 */
export async function stopWorker(page: Page, extensionId: string): Promise<{ statuses: string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  let isStopped = () => {};
  const stopped = new Promise<void>((resolve) => (isStopped = resolve));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    statuses.push(...ours.map((v) => v.runningStatus));
    if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) isStopped();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  statuses.length = 0;
  return { statuses, cdp };
}
