// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstListingAnswer, REST_AFTER_LOAD_CAP_MS, showListingBadges, type ListingContext } from '../../../../components/sites/arxiv/listing-site';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../../../lib/shared/storage-keys';
import { LISTING_EAGER_ENTRIES } from '../../../../lib/sites/arxiv/listing-entry';
import { monthListingPage, recentListingPage } from '../../../fixtures/arxiv/listing-page';
import { searchPage } from '../../../fixtures/arxiv/search-page';
import { badgeLinesIn, BadgeIndex, encodeBadgeIndex, monthsSpan } from '../../../../lib/shared/badge-index';
import { sendRequest, type BadgeIndexAnswer } from '../../../../lib/shared/messages';
import { entry } from './fixture-pages';

vi.mock('../../../../lib/shared/messages', async (original) => ({ ...(await original<typeof import('../../../../lib/shared/messages')>()), sendRequest: vi.fn() }));

const asked = vi.mocked(sendRequest);
/** What the local copy holds: papers of November 2025, and older ones. */
const INDEX = encodeBadgeIndex([
  { id: '2410.00007', upvotes: 40 },
  { id: '2506.06276', upvotes: 21, numComments: 3 },
  { id: '2511.00001', upvotes: 5 },
  { id: '2511.00002', upvotes: 9, numComments: 1 },
]);
const NOVEMBER = monthsSpan('2511', '2511');
const HREF = 'https://arxiv.org/list/cs.CL/2025-11';

/** A month list: two of its month's papers stored, one not; two older papers cross-listed (one stored), one older unknown. */
function page(): Document {
  const html = monthListingPage({
    category: 'cs.CL',
    categoryName: 'Computation and Language',
    month: '2025-11',
    monthName: 'November 2025',
    entries: [entry('2511.00001'), entry('2511.00003'), entry('2506.06276'), entry('2511.00002'), entry('2410.00007'), entry('2312.00009')],
  });
  showBody(html);
  return document;
}

/** A page's body in the document: its stylesheets and scripts are not loaded here. */
function showBody(html: string): void {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
}

/**
 * The page as the parser leaves it: `container`'s children after its first `kept` taken out (the test
 * puts them back, a few at a time, as the parser would), the document still loading. Returns those taken out.
 */
function stillParsed(container: Element, kept = 0): Element[] {
  const rest = [...container.children].slice(kept);
  for (const child of rest) child.remove();
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
  return rest;
}

/** The parser is done: DOMContentLoaded. */
function domContentLoaded(): void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
  document.dispatchEvent(new Event('DOMContentLoaded'));
}

const badges = () =>
  Object.fromEntries(
    [...document.querySelectorAll('dl#articles > dt')].map((dt) => [dt.querySelector('a[title="Abstract"]')!.id, dt.querySelector('dpl-paper-badge')?.shadowRoot?.textContent?.trim() ?? null]),
  );
const toolbarText = () => document.querySelector('dpl-toolbar')?.shadowRoot?.querySelector('[data-testid="dpl-toolbar-text"]')?.textContent;

function context(): ListingContext & { abort: () => void } {
  const controller = new AbortController();
  return {
    get isInvalid() {
      return controller.signal.aborted;
    },
    signal: controller.signal,
    requestAnimationFrame: (callback: FrameRequestCallback) => requestAnimationFrame(callback),
    onInvalidated: (callback: () => void) => controller.signal.addEventListener('abort', callback),
    abort: () => controller.abort(),
  } as ListingContext & { abort: () => void };
}

/** The background's `linkBadges` answers, from the whole index, with the ids asked about. */
function answerLinkBadges() {
  const index = new BadgeIndex(INDEX);
  const ids: string[][] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  asked.mockImplementation((async (request: { type: string; ids: string[] }) => {
    ids.push(request.ids);
    await held;
    return { enabled: true, highlightThreshold: 0, badges: request.ids.map((id) => index.get(id) ?? null) };
  }) as never);
  return { ids, release };
}

const monthAnswer: BadgeIndexAnswer = { enabled: true, highlightThreshold: 0, index: badgeLinesIn(INDEX, NOVEMBER), covers: NOVEMBER };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  // A test of a page still parsed made its document say so.
  delete (document as { readyState?: string }).readyState;
  document.body.innerHTML = '';
  asked.mockReset();
});

describe('showListingBadges', () => {
  it("badges the month's papers from the first answer at once, asks about the others in one message, and badges and counts them when it comes", async () => {
    const doc = page();
    const { ids, release } = answerLinkBadges();
    const ctx = context();
    await showListingBadges(ctx, Promise.resolve(monthAnswer), () => undefined, '', { doc, href: HREF });
    // The month's: at once, before any other answer.
    expect(badges()).toEqual({
      '2511.00001': '▲ 5',
      '2511.00003': null,
      '2506.06276': null,
      '2511.00002': expect.stringMatching(/^▲ 9/),
      '2410.00007': null,
      '2312.00009': null,
    });
    expect(toolbarText()).toBe('2 of 6 on Hugging Face Daily Papers');
    await settle();
    // Only the ids of other months, never the month's own (its unknown one included).
    expect(ids).toEqual([['2506.06276', '2410.00007', '2312.00009']]);

    release();
    await settle();
    expect(badges()).toMatchObject({ '2506.06276': expect.stringMatching(/^▲ 21/), '2410.00007': '▲ 40', '2312.00009': null, '2511.00003': null });
    expect(toolbarText()).toBe('4 of 6 on Hugging Face Daily Papers');
    ctx.abort();
  });

  it('puts badges that came later in their place when the listing is already sorted by upvotes', async () => {
    const doc = page();
    const { release } = answerLinkBadges();
    const ctx = context();
    await showListingBadges(ctx, Promise.resolve(monthAnswer), () => undefined, '', { doc, href: HREF });
    const sort = document.querySelector('dpl-toolbar')!.shadowRoot!.querySelector('button')!;
    sort.click();
    const order = () => [...document.querySelectorAll('dl#articles > dt a[title="Abstract"]')].map((a) => a.id);
    expect(order().slice(0, 2)).toEqual(['2511.00002', '2511.00001']);
    release();
    await settle();
    expect(order()).toEqual(['2410.00007', '2506.06276', '2511.00002', '2511.00001', '2511.00003', '2312.00009']);
    // And back to arXiv's order.
    sort.click();
    expect(order()).toEqual(['2511.00001', '2511.00003', '2506.06276', '2511.00002', '2410.00007', '2312.00009']);
    ctx.abort();
  });

  it('puts the toolbar in while the page is parsed, once the answer is here and a parsed entry of the first section is known, and the first screens\' badges as they are parsed; counts at DOMContentLoaded', async () => {
    // The page as the parser leaves it: the first section's entries come a few at a time.
    page();
    const section = document.querySelector('dl#articles')!;
    const terms = stillParsed(section);
    const { release } = answerLinkBadges();
    let answered!: (answer: BadgeIndexAnswer) => void;
    const ctx = context();
    const shown = showListingBadges(ctx, new Promise<BadgeIndexAnswer>((resolve) => (answered = resolve)), () => undefined, '', { doc: document, href: HREF });
    const parse = async (count: number) => {
      section.append(...terms.splice(0, count));
      await settle();
    };
    const toolbar = () => document.querySelector('dpl-toolbar');
    // The first entry (known) and its description parsed, the answer not yet here: no toolbar.
    await parse(2);
    expect(toolbar()).toBeNull();
    answered(monthAnswer);
    await settle();
    // Beside the month list's paging lines, right above its entries.
    expect(toolbar()?.nextElementSibling).toBe(document.querySelector('div.paging'));
    expect((toolbar() as HTMLElement).style.float).toBe('right');
    // The known entry parsed has its badge already.
    expect(Object.values(badges()).filter(Boolean)).toEqual(['▲ 5']);
    // Before the page is read: no counts, and the button waits.
    expect(toolbarText()).toBe('');
    expect(toolbar()!.shadowRoot!.querySelector('button')!.disabled).toBe(true);
    await parse(terms.length);
    domContentLoaded();
    await shown;
    expect(document.querySelectorAll('dpl-toolbar')).toHaveLength(1);
    // The badge put in while the page was parsed is taken over, not put in twice.
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(2);
    expect(badges()).toMatchObject({ '2511.00001': '▲ 5', '2511.00002': expect.stringMatching(/^▲ 9/), '2511.00003': null });
    expect(toolbarText()).toBe('2 of 6 on Hugging Face Daily Papers');
    expect(toolbar()!.shadowRoot!.querySelector('button')!.disabled).toBe(false);
    release();
    ctx.abort();
    expect(document.querySelectorAll('dpl-paper-badge, dpl-toolbar')).toHaveLength(0);
  });

  it("asks about an entry of the first screens that the answer's span does not cover as it is parsed, and puts its badge in when the answer comes, before DOMContentLoaded", async () => {
    page();
    const section = document.querySelector('dl#articles')!;
    const terms = stillParsed(section);
    const { ids, release } = answerLinkBadges();
    const ctx = context();
    // The newest papers' copy: it answers for November's ids on; STARFlow (2506.06276) is older.
    const fromCopy: BadgeIndexAnswer = { enabled: true, highlightThreshold: 0, index: badgeLinesIn(INDEX, { from: '2511.00001' }), covers: { from: '2511.00001' } };
    const shown = showListingBadges(ctx, Promise.resolve(fromCopy), () => undefined, '', { doc: document, href: 'https://arxiv.org/list/cs.CL/new' });
    // Its first three entries (and their descriptions) parsed: one is older than the copy.
    section.append(...terms.splice(0, 6));
    await settle();
    expect(ids).toEqual([['2506.06276']]);
    expect(badges()).toEqual({ '2511.00001': '▲ 5', '2511.00003': null, '2506.06276': null });
    release();
    await settle();
    // Its badge, while the page is still parsed.
    expect(badges()).toEqual({ '2511.00001': '▲ 5', '2511.00003': null, '2506.06276': '▲ 21💬 3' });
    section.append(...terms);
    domContentLoaded();
    await shown;
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(4);
    expect(toolbarText()).toBe('4 of 6 on Hugging Face Daily Papers');
    ctx.abort();
  });

  it("a listing whose first screens were badged as they were parsed reads the rest after the page's load event (or the cap): its DOMContentLoaded task does not", async () => {
    // A month list longer than the first screens: its first entry and one past the first screens stored.
    const ids = Array.from({ length: LISTING_EAGER_ENTRIES + 5 }, (_, i) => `2511.${String(i + 1).padStart(5, '0')}`);
    const html = monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-11', monthName: 'November 2025', entries: ids.map((id) => entry(id)) });
    const parsedPage = () => {
      showBody(html);
      const section = document.querySelector('dl#articles')!;
      const terms = stillParsed(section);
      return async () => {
        section.append(...terms);
        await settle();
        domContentLoaded();
        await settle();
      };
    };
    const index = encodeBadgeIndex([{ id: ids[0]!, upvotes: 5 }, { id: ids[LISTING_EAGER_ENTRIES + 2]!, upvotes: 7 }]);
    const answer: BadgeIndexAnswer = { enabled: true, highlightThreshold: 0, index: badgeLinesIn(index, NOVEMBER), covers: NOVEMBER };

    // The load event comes: the rest is read in the task after it.
    let parseAll = parsedPage();
    let ctx = context();
    let shown = showListingBadges(ctx, Promise.resolve(answer), () => undefined, '', { doc: document, href: HREF });
    await parseAll();
    // At DOMContentLoaded: the first screens' badge, put in as it was parsed; no counts yet (the entries not read).
    expect(Object.values(badges()).filter(Boolean)).toEqual(['▲ 5']);
    expect(toolbarText()).toBe('');
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'complete' });
    window.dispatchEvent(new Event('load'));
    await shown;
    expect(toolbarText()).toBe(`2 of ${ids.length} on Hugging Face Daily Papers`);
    ctx.abort();

    // No load event: the rest is read REST_AFTER_LOAD_CAP_MS after DOMContentLoaded all the same.
    delete (document as { readyState?: string }).readyState;
    parseAll = parsedPage();
    ctx = context();
    shown = showListingBadges(ctx, Promise.resolve(answer), () => undefined, '', { doc: document, href: HREF });
    const dcl = performance.now();
    await parseAll();
    expect(toolbarText()).toBe('');
    await shown;
    expect(performance.now() - dcl).toBeGreaterThanOrEqual(REST_AFTER_LOAD_CAP_MS - 5);
    expect(toolbarText()).toBe(`2 of ${ids.length} on Hugging Face Daily Papers`);
    ctx.abort();
  });

  it("floats the toolbar at the end of the first section's heading's line, put in while the page is parsed, its room what the heading's text leaves", async () => {
    const html = recentListingPage({
      category: 'cs.CL',
      categoryName: 'Computation and Language',
      days: [{ day: 'Mon, 3 Nov 2025', total: 120, entries: [entry('2511.00003'), entry('2511.00001'), entry('2511.00002')] }],
    });
    showBody(html);
    const section = document.querySelector('dl#articles')!;
    const heading = section.firstElementChild!;
    const terms = stillParsed(section, 1);
    const ctx = context();
    void showListingBadges(ctx, Promise.resolve(monthAnswer), () => undefined, '', { doc: document, href: 'https://arxiv.org/list/cs.CL/recent' });
    // The heading and an unknown entry parsed (shown, maybe): no toolbar; the next, known, brings it, beside the heading.
    section.append(...terms.splice(0, 2));
    await settle();
    expect(document.querySelector('dpl-toolbar')).toBeNull();
    section.append(...terms.splice(0, 2));
    await settle();
    const toolbar = document.querySelector<HTMLElement>('dpl-toolbar')!;
    expect(toolbar.parentElement).toBe(section);
    expect(toolbar.nextElementSibling).toBe(heading);
    expect(toolbar.style.float).toBe('right');
    // "Mon, 3 Nov 2025 (showing first 3 of 120 entries )": 49 characters, 0.6 em each, and a gap.
    expect(heading.textContent!.trim()).toHaveLength(49);
    expect(toolbar.style.width).toBe('calc(100% - 30.9em)');
    expect(toolbar.shadowRoot!.querySelector('.dpl-root')!.hasAttribute('data-beside')).toBe(true);
    ctx.abort();
  });

  it("puts the toolbar in while the page is parsed at a known entry past the first screens, from the answer's span, with no message: that entry's badge waits for the page to be read", async () => {
    const ids = Array.from({ length: LISTING_EAGER_ENTRIES + 3 }, (_, i) => `2511.${String(i + 1).padStart(5, '0')}`);
    showBody(monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-11', monthName: 'November 2025', entries: ids.map((id) => entry(id)) }));
    const section = document.querySelector('dl#articles')!;
    const terms = stillParsed(section);
    const index = encodeBadgeIndex([{ id: ids[LISTING_EAGER_ENTRIES + 1]!, upvotes: 7 }]);
    const { ids: askedAbout } = answerLinkBadges();
    const ctx = context();
    void showListingBadges(ctx, Promise.resolve({ enabled: true, highlightThreshold: 0, index: badgeLinesIn(index, NOVEMBER), covers: NOVEMBER }), () => undefined, '', {
      doc: document,
      href: HREF,
    });
    section.append(...terms);
    await settle();
    expect(document.querySelector('dpl-toolbar')).not.toBeNull();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
    expect(askedAbout).toEqual([]);
    ctx.abort();
  });

  it('waits for a known entry while the page is parsed: an unknown one, or a known one not yet whole, does not put the toolbar in', async () => {
    page();
    const section = document.querySelector('dl#articles')!;
    const [knownTerm, knownDescription, unknownTerm, unknownDescription] = stillParsed(section);
    const ctx = context();
    void showListingBadges(ctx, Promise.resolve(monthAnswer), () => undefined, '', { doc: document, href: HREF });
    const toolbar = () => document.querySelector('dpl-toolbar');
    // 2511.00003, not known, parsed whole.
    section.append(unknownTerm!, unknownDescription!);
    await settle();
    expect(toolbar()).toBeNull();
    // 2511.00001, known, its description not parsed yet: maybe not whole, not read.
    section.append(knownTerm!);
    await settle();
    expect(toolbar()).toBeNull();
    section.append(knownDescription!);
    await settle();
    expect(toolbar()).not.toBeNull();
    ctx.abort();
  });

  it("asks about the ids of search results as the page is parsed, puts in the badges of the results parsed whole as their answers come, and the toolbar and the rest at DOMContentLoaded, with no message after it", async () => {
    const html = searchPage({ query: 'flow', results: ['2511.00001', '2511.00003', '2506.06276'].map((id) => ({ id, title: `Paper ${id}`, authors: ['A. Author'], abstract: 'An abstract.' })) });
    showBody(html);
    const list = document.querySelector('ol.breathe-horizontal')!;
    const results = stillParsed(list);
    const { ids, release } = answerLinkBadges();
    const ctx = context();
    const shown = showListingBadges(ctx, Promise.resolve({ enabled: true, highlightThreshold: 0, index: '' }), () => undefined, '', {
      doc: document,
      href: 'https://arxiv.org/search/?query=flow&searchtype=all',
    });
    list.append(...results);
    await settle();
    // Asked while the page is parsed, as its links are met, in one message: reading the results parsed
    // whole asks nothing of its own.
    expect(ids).toEqual([['2511.00001', '2511.00003', '2506.06276']]);
    release();
    await settle();
    // Still parsed: the badge of the first result (known, whole) is in, at the end of its first line; the
    // last result's (known, not whole) is not; no toolbar yet.
    expect([...document.querySelectorAll('dpl-paper-badge')].map((badge) => badge.closest('li')!.querySelector('p.list-title > a')!.textContent)).toEqual(['arXiv:2511.00001']);
    expect(document.querySelector('dpl-toolbar')).toBeNull();
    domContentLoaded();
    await shown;
    // The rest at DOMContentLoaded, from the answers already here: no badge twice.
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(2);
    expect(document.querySelectorAll('li.arxiv-result')[0]!.querySelectorAll('dpl-paper-badge')).toHaveLength(1);
    expect(ids).toHaveLength(1);
    // Each at the end of its result's first line, after the categories, before the line's trailing white
    // space (left trailing: nothing on the line moves); the toolbar at the end of arXiv's sort row.
    for (const badge of document.querySelectorAll('dpl-paper-badge')) {
      expect(badge.parentElement!.matches('li.arxiv-result > div.is-marginless')).toBe(true);
      expect(badge.previousElementSibling!.matches('div.tags')).toBe(true);
      expect(badge.nextSibling?.nodeType).toBe(3);
      expect(badge.nextSibling!.textContent!.trim()).toBe('');
      expect(badge.nextSibling!.nextSibling).toBeNull();
    }
    expect(document.querySelector('dpl-toolbar')!.parentElement!.matches('div.level.breathe-horizontal')).toBe(true);
    ctx.abort();

    // With arXiv switched off, the ids parsed are asked about never.
    stillParsed(list);
    asked.mockClear();
    const off = showListingBadges(context(), Promise.resolve({ enabled: false, highlightThreshold: 0, index: '' }), () => undefined, '', {
      doc: document,
      href: 'https://arxiv.org/search/?query=flow&searchtype=all',
    });
    list.append(...results);
    await settle();
    domContentLoaded();
    await off;
    await settle();
    expect(asked).not.toHaveBeenCalled();
    expect(document.querySelectorAll('dpl-paper-badge, dpl-toolbar')).toHaveLength(0);
  });

  it('asks about every id of search results (no span), and shows nothing when the site is off or the page was left', async () => {
    const doc = page();
    const { ids, release } = answerLinkBadges();
    release();
    const ctx = context();
    await showListingBadges(ctx, Promise.resolve({ enabled: true, highlightThreshold: 0, index: '' }), () => undefined, '', { doc, href: HREF });
    await settle();
    expect(ids).toEqual([['2511.00001', '2511.00003', '2506.06276', '2511.00002', '2410.00007', '2312.00009']]);
    expect(Object.values(badges()).filter(Boolean)).toHaveLength(4);
    ctx.abort();
    expect(document.querySelectorAll('dpl-paper-badge, dpl-toolbar')).toHaveLength(0);

    page();
    asked.mockClear();
    // Off: the page is not even read (its sections never looked up).
    const reads = vi.spyOn(doc, 'querySelectorAll');
    await showListingBadges(context(), Promise.resolve({ enabled: false, highlightThreshold: 0, index: '' }), () => undefined, '', { doc, href: HREF });
    await settle();
    expect(asked).not.toHaveBeenCalled();
    expect(reads.mock.calls.map(([selector]) => selector)).not.toContain('dl#articles');
    reads.mockRestore();
    expect(document.querySelectorAll('dpl-paper-badge, dpl-toolbar')).toHaveLength(0);

    // Left before the other months' answer came: nothing added after.
    page();
    const late = answerLinkBadges();
    const left = context();
    await showListingBadges(left, Promise.resolve(monthAnswer), () => undefined, '', { doc, href: HREF });
    left.abort();
    late.release();
    await settle();
    expect(document.querySelectorAll('dpl-paper-badge')).toHaveLength(0);
  });
});

describe('firstListingAnswer', () => {
  const NEWEST = '2511.00001 5\n2511.00002 9 1';
  const workerAnswer: BadgeIndexAnswer = { enabled: true, highlightThreshold: 0, index: '', covers: { from: '' } };

  it("reads a listing of the newest papers' first answer from their local copy, with no message", async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: true }, highlightThreshold: 7 } });
    for (const href of ['https://arxiv.org/list/cs.CL/new', 'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=2000', 'https://arxiv.org/list/cs.CL/recent']) {
      expect(await firstListingAnswer(href)).toEqual({ enabled: true, highlightThreshold: 7, index: NEWEST, covers: { from: '2511.00001' } });
    }
    expect(asked).not.toHaveBeenCalled();
  });

  it("reads a search's first answer (no badges) from the settings, the switch included, without waiting for the background, which is asked all the same (a stopped worker starts at once)", async () => {
    // The background's answer never comes: the page's does not wait for it.
    asked.mockReturnValue(new Promise(() => undefined) as never);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: true }, highlightThreshold: 7 } });
    expect(await firstListingAnswer('https://arxiv.org/search/?query=flow&searchtype=all')).toEqual({ enabled: true, highlightThreshold: 7, index: '' });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: false } } });
    expect(await firstListingAnswer('https://arxiv.org/search/cs?query=flow')).toEqual({ enabled: false, highlightThreshold: 0, index: '' });
    // A background that fails is no unhandled rejection.
    asked.mockRejectedValue(new Error('Could not establish connection.') as never);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: true } } });
    expect(await firstListingAnswer('https://arxiv.org/search/?query=flow')).toEqual({ enabled: true, highlightThreshold: 0, index: '' });
    expect(asked.mock.calls.map(([request]) => request)).toEqual(Array(3).fill({ type: 'badgeIndex', site: 'arxiv', span: 'none' }));
  });

  it("takes the background's answer for a month's list, a listing of the newest papers when there is no copy, and a search when storage fails", async () => {
    asked.mockResolvedValue(workerAnswer as never);
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    expect(await firstListingAnswer(HREF)).toBe(workerAnswer);
    await fakeBrowser.storage.local.remove(NEWEST_BADGES_KEY);
    expect(await firstListingAnswer('https://arxiv.org/list/cs.CL/new')).toBe(workerAnswer);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await firstListingAnswer('https://arxiv.org/search/?query=flow&searchtype=all')).toBe(workerAnswer);
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { type: 'badgeIndex', site: 'arxiv', span: NOVEMBER },
      { type: 'badgeIndex', site: 'arxiv', span: 'newest' },
      { type: 'badgeIndex', site: 'arxiv', span: 'none' },
    ]);
  });
});
