/**
 * Fakes for the overlay's unit tests: a badge UI that draws plain elements (the real one draws shadow
 * roots, checked end to end), and lookups whose answers the test releases when it wants.
 */
import type { PaperBadge, PaperOverview } from '../../../../lib/shared/messages';
import type { BadgeUi, OverlayLookups } from '../../../../lib/sites/github/page-view';
import { toOverview } from '../../../../lib/shared/messages';
import { makePaper } from '../../support/builders';

export function overview(id: string, upvotes = 10, extra: Partial<PaperOverview> = {}): PaperOverview {
  return { ...toOverview(makePaper({ id, upvotes })), ...extra };
}

export function fakeUi(doc: Document): BadgeUi & { mounts: number } {
  const ui = {
    mounts: 0,
    hostSelector: 'dpl-paper-badge, dpl-repo-papers',
    inline(link: HTMLAnchorElement, paper: PaperBadge) {
      ui.mounts++;
      const host = doc.createElement('dpl-paper-badge');
      host.setAttribute('data-id', paper.id);
      host.textContent = `▲ ${paper.upvotes}`;
      link.after(host);
      return { host, remove: () => host.remove() };
    },
    repo(container: Element, papers: PaperOverview[], placement: string) {
      ui.mounts++;
      const host = doc.createElement('dpl-repo-papers');
      host.setAttribute('data-placement', placement);
      host.textContent = papers.map((p) => p.id).join(',');
      container.append(host);
      return { host, remove: () => host.remove() };
    },
  };
  return ui;
}

interface PendingCall<T> {
  args: unknown[];
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Lookups: the badge index answers at once (a resolved promise) from `index`, empty unless a test fills
 * it; the others only when told to: `answerAll()` answers from `stored`.
 */
export function fakeLookups(stored: PaperOverview[]) {
  const byId = new Map(stored.map((p) => [p.id, p]));
  const index = new Map<string, PaperBadge>();
  const indexCalls: string[][] = [];
  const paperCalls: PendingCall<Record<string, PaperOverview>>[] = [];
  const repoCalls: PendingCall<PaperOverview[]>[] = [];
  const lookups: OverlayLookups = {
    indexed: async (ids) => {
      indexCalls.push(ids);
      return ids.map((id) => index.get(id) ?? null);
    },
    papers: (ids, live) => new Promise((resolve, reject) => paperCalls.push({ args: [ids, live], resolve, reject })),
    papersForRepo: (repo) => new Promise((resolve, reject) => repoCalls.push({ args: [repo], resolve, reject })),
  };
  const answerPapers = (call: PendingCall<Record<string, PaperOverview>>) => {
    const [ids] = call.args as [string[]];
    call.resolve(Object.fromEntries(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!]] : []))));
  };
  const answerRepo = (call: PendingCall<PaperOverview[]>) => {
    const [repo] = call.args as [string];
    call.resolve(stored.filter((p) => p.githubRepoKey === repo.toLowerCase()));
  };
  let answeredPapers = 0;
  let answeredRepos = 0;
  return {
    lookups,
    index,
    indexCalls,
    paperCalls,
    repoCalls,
    /** Answers every call not answered yet (those the badge index's answers lead to too); resolves once the answers were handled. */
    async answerAll() {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      await tick();
      while (paperCalls.length > answeredPapers || repoCalls.length > answeredRepos) {
        for (const call of paperCalls.slice(answeredPapers)) answerPapers(call);
        for (const call of repoCalls.slice(answeredRepos)) answerRepo(call);
        answeredPapers = paperCalls.length;
        answeredRepos = repoCalls.length;
        await tick();
      }
    },
  };
}

/** The ids a reconcile meets are asked about after its pass, in one message (a microtask later). */
export const afterPass = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** A body of Markdown with one link per id, written as abs links. */
export function markdownWithLinks(ids: string[]): string {
  return `<article class="markdown-body">${ids.map((id) => `<p><a href="https://arxiv.org/abs/${id}">${id}</a></p>`).join('')}</article>`;
}

/** Badges right after each link, as `[linkText, badgeId]` pairs (null for a link without a badge). */
export function badgesByLink(doc: Document): [string, string | null][] {
  return [...doc.querySelectorAll('.markdown-body a')].map((link) => {
    const next = link.nextElementSibling;
    return [link.textContent ?? '', next?.tagName.toLowerCase() === 'dpl-paper-badge' ? next.getAttribute('data-id') : null];
  });
}
