// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ANSWER_AHEAD_FRESH_MS, AnswerAhead, isMarkdownPageUrl, watchForFirstPaperLink, watchRepoVisits } from '../../../../lib/sites/github/paper-page';
import { PARSED_LINKS_EVERY_MS } from '../../../../lib/sites/kit/paper-links';

// Past the parse-time watcher's next read of the page's links.
const flush = () => new Promise((resolve) => setTimeout(resolve, 2 * PARSED_LINKS_EVERY_MS));

/** A document still being parsed: readyState 'loading' until `loaded()`. */
function loadingDocument() {
  const doc = document.implementation.createHTMLDocument('');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { get: () => state });
  const article = doc.createElement('article');
  article.className = 'markdown-body';
  doc.body.append(article);
  const loaded = () => {
    state = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
  };
  return { doc, article, loaded };
}

function anchor(doc: Document, href: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.href = href;
  return link;
}

describe('isMarkdownPageUrl', () => {
  it('is true for the repository pages that render Markdown', () => {
    for (const path of [
      'apple/ml-starflow',
      'apple/ml-starflow/',
      'apple/ml-starflow?tab=readme-ov-file#citation',
      'apple/ml-starflow/tree/main/src',
      'apple/ml-starflow/blob/main/README.md',
      'huggingface/transformers/issues/12345',
      'huggingface/transformers/pull/1',
      'octo-org/tracker/discussions/7',
      'octo-org/tracker/wiki',
      'octo-org/tracker/wiki/Papers',
      'octo-org/tracker/releases/tag/v1.0',
    ]) {
      expect(isMarkdownPageUrl(`https://github.com/${path}`), path).toBe(true);
    }
  });

  it('is false elsewhere: lists, settings, GitHub’s own pages, profiles, the dashboard', () => {
    for (const path of ['', 'octocat', 'notifications', 'settings/profile', 'orgs/octo-org/repositories', 'marketplace/actions', 'apple/ml-starflow/issues', 'apple/ml-starflow/pulls', 'apple/ml-starflow/pull/1/files', 'apple/ml-starflow/actions', 'apple/ml-starflow/settings']) {
      expect(isMarkdownPageUrl(`https://github.com/${path}`), path).toBe(false);
    }
    expect(isMarkdownPageUrl('https://gist.github.com/octocat/abc')).toBe(false);
    expect(isMarkdownPageUrl('not a url')).toBe(false);
  });
});

describe('watchForFirstPaperLink', () => {
  it('calls back once, when the first paper link in Markdown is parsed', async () => {
    const { doc, article } = loadingDocument();
    const found = vi.fn();
    watchForFirstPaperLink(doc, found, new AbortController().signal);
    article.append(anchor(doc, 'https://example.com/'), anchor(doc, 'https://arxiv.org/abs/hep-th/9901001'));
    doc.body.append(anchor(doc, 'https://arxiv.org/abs/2506.06276'));
    await flush();
    expect(found).not.toHaveBeenCalled();
    article.append(anchor(doc, 'https://arxiv.org/pdf/2506.06276v2'));
    article.append(anchor(doc, 'https://huggingface.co/papers/2506.00001'));
    await flush();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('finds a link inside a subtree inserted whole', async () => {
    const { doc, article } = loadingDocument();
    const found = vi.fn();
    watchForFirstPaperLink(doc, found, new AbortController().signal);
    const wrapper = doc.createElement('p');
    wrapper.innerHTML = '<span><a href="https://huggingface.co/papers/2506.06276">paper</a></span>';
    article.append(wrapper);
    await flush();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('calls back at once when the link is already there', () => {
    const { doc, article } = loadingDocument();
    article.append(anchor(doc, 'https://arxiv.org/abs/2506.06276'));
    const found = vi.fn();
    watchForFirstPaperLink(doc, found, new AbortController().signal);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('stops watching at DOMContentLoaded (the page view takes over) and when aborted', async () => {
    const parsed = loadingDocument();
    const found = vi.fn();
    watchForFirstPaperLink(parsed.doc, found, new AbortController().signal);
    parsed.loaded();
    parsed.article.append(anchor(parsed.doc, 'https://arxiv.org/abs/2506.06276'));
    const aborted = loadingDocument();
    const stop = new AbortController();
    watchForFirstPaperLink(aborted.doc, found, stop.signal);
    stop.abort();
    aborted.article.append(anchor(aborted.doc, 'https://arxiv.org/abs/2506.06276'));
    await flush();
    expect(found).not.toHaveBeenCalled();
  });

  it('does nothing on a page already parsed', async () => {
    const found = vi.fn();
    const doc = document.implementation.createHTMLDocument('');
    watchForFirstPaperLink(doc, found, new AbortController().signal);
    doc.body.innerHTML = '<article class="markdown-body"><a href="https://arxiv.org/abs/2506.06276">x</a></article>';
    await flush();
    expect(found).not.toHaveBeenCalled();
  });
});

describe('AnswerAhead', () => {
  it('gives the answer asked ahead to the first taker of the same key, once', async () => {
    const ask = vi.fn(async (key: string) => [`${key}: papers`]);
    const ahead = new AnswerAhead<string[]>();
    ahead.ask('owner/repo', ask);
    expect(ask).toHaveBeenCalledWith('owner/repo');
    await expect(ahead.take('owner/repo')).resolves.toEqual(['owner/repo: papers']);
    expect(ahead.take('owner/repo')).toBeUndefined();
  });

  it('leaves nothing for a taker of another key, nor for any later one', () => {
    const ahead = new AnswerAhead<string[]>();
    ahead.ask('owner/repo', async () => ['a']);
    expect(ahead.take('apps/some-app')).toBeUndefined();
    expect(ahead.take('owner/repo')).toBeUndefined();
  });

  it('answers undefined when the answer failed, so the taker asks again; nothing is thrown', async () => {
    const ahead = new AnswerAhead<string[]>();
    ahead.ask('owner/repo', async () => {
      throw new Error('the worker is gone');
    });
    await expect(ahead.take('owner/repo')).resolves.toBeUndefined();
  });

  it('forgets what was asked when dropped', () => {
    const ahead = new AnswerAhead<string[]>();
    ahead.ask('owner/repo', async () => []);
    ahead.drop();
    expect(ahead.take('owner/repo')).toBeUndefined();
  });

  it('asks once for a key while its answer is pending and fresh; a stale one is neither taken nor kept', async () => {
    let now = 0;
    const ask = vi.fn(async (key: string) => [`${key} at ${now}`]);
    const ahead = new AnswerAhead<string[]>(() => now);
    ahead.ask('owner/repo', ask);
    now = 100;
    // A link clicked, then the Turbo visit it started: one question.
    ahead.ask('owner/repo', ask);
    expect(ask).toHaveBeenCalledTimes(1);
    await expect(ahead.take('owner/repo')).resolves.toEqual(['owner/repo at 0']);
    // A click that led nowhere: its answer is not taken by a visit long after it, which asks again.
    ahead.ask('owner/repo', ask);
    now += ANSWER_AHEAD_FRESH_MS + 1;
    expect(ahead.take('owner/repo')).toBeUndefined();
    ahead.ask('owner/repo', ask);
    now += ANSWER_AHEAD_FRESH_MS + 1;
    ahead.ask('owner/repo', ask);
    expect(ask).toHaveBeenCalledTimes(4);
  });
});

describe('watchRepoVisits', () => {
  const visit = (doc: Document, detail: unknown) => doc.dispatchEvent(new CustomEvent('turbo:visit', { detail }));

  it('asks for the repository a Turbo visit goes to as it starts, not for the one on screen', () => {
    const doc = document.implementation.createHTMLDocument('');
    const ask = vi.fn();
    let shown: string | undefined = 'lens-fixtures/plain-repo';
    watchRepoVisits(doc, () => shown, ask, new AbortController().signal);
    visit(doc, { url: 'https://github.com/Apple/ml-starflow', action: 'advance' });
    expect(ask).toHaveBeenCalledExactlyOnceWith('apple/ml-starflow');
    // A visit within the repository shown (its tabs; a frame visit is announced after its render).
    shown = 'apple/ml-starflow';
    visit(doc, { url: 'https://github.com/apple/ml-starflow/issues/1', action: 'advance' });
    // From a page that is no repository (the dashboard) to one.
    shown = undefined;
    visit(doc, { url: 'https://github.com/apple/ml-starflow/tree/main', action: 'restore' });
    expect(ask.mock.calls).toEqual([['apple/ml-starflow'], ['apple/ml-starflow']]);
  });

  it('asks nothing for a visit to a page that is no repository, or an event without a usable URL', () => {
    const doc = document.implementation.createHTMLDocument('');
    const ask = vi.fn();
    watchRepoVisits(doc, () => 'apple/ml-starflow', ask, new AbortController().signal);
    visit(doc, { url: 'https://github.com/settings/profile' });
    visit(doc, { url: 'https://github.com/' });
    visit(doc, { url: 'https://evil.example/apple/other' });
    visit(doc, { url: 42 });
    visit(doc, null);
    doc.dispatchEvent(new Event('turbo:visit'));
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks for the repository a link goes to when it is clicked, before any router takes the visit over', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = `
      <a id="other" href="https://github.com/apple/ml-starflow"><span id="inside">ml-starflow</span></a>
      <a id="tab" href="https://github.com/lens-fixtures/plain-repo/issues">Issues</a>
      <a id="blank" href="https://github.com/apple/other" target="_blank">other</a>
      <a id="away" href="https://huggingface.co/papers/2506.06276">HF</a>`;
    const ask = vi.fn();
    const routed = vi.fn();
    // A router's own listener, on the document as GitHub's React router's: it takes the visit over.
    doc.addEventListener('click', (event) => (routed(ask.mock.calls.length), event.preventDefault()));
    watchRepoVisits(doc, () => 'lens-fixtures/plain-repo', ask, new AbortController().signal);
    const click = (id: string, init: MouseEventInit = {}) => doc.getElementById(id)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
    click('inside');
    expect(ask).toHaveBeenCalledExactlyOnceWith('apple/ml-starflow');
    expect(routed).toHaveBeenCalledWith(1);
    // Within the repository shown, to another tab or window, with a modifier or another button, off GitHub: nothing.
    click('tab');
    click('blank');
    click('other', { ctrlKey: true });
    click('other', { metaKey: true });
    click('other', { shiftKey: true });
    click('other', { button: 1 });
    click('away');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('stops with its signal', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = '<a id="other" href="https://github.com/apple/ml-starflow">ml-starflow</a>';
    const ask = vi.fn();
    const stop = new AbortController();
    watchRepoVisits(doc, () => undefined, ask, stop.signal);
    stop.abort();
    visit(doc, { url: 'https://github.com/apple/ml-starflow' });
    doc.getElementById('other')!.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    expect(ask).not.toHaveBeenCalled();
  });
});
