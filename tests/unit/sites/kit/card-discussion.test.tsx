// @vitest-environment happy-dom
/** The card's discussion: asked only when opened, once; comments as text; a failure offers a retry. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CardDiscussion, mountCardDiscussion } from '../../../../components/sites/kit/CardDiscussion';
import type { Fetched, PaperComment, PaperDiscussion } from '../../../../lib/shared/messages';

const comment = (id: string, text: string, extra: Partial<PaperComment> = {}): PaperComment => ({
  id,
  author: `user-${id}`,
  at: '2025-06-09T08:14:03.000Z',
  text,
  reactions: 0,
  byPaperAuthor: false,
  replies: [],
  ...extra,
});

const DISCUSSION: PaperDiscussion = {
  threads: [comment('1', '<img src=x onerror=alert(1)> **bold**', { reactions: 3, replies: [comment('2', 'Thanks!', { byPaperAuthor: true })] })],
  totalThreads: 7,
};

async function mount(load: () => Promise<Fetched<{ discussion: PaperDiscussion }>>, numComments?: number) {
  const root = document.createElement('div');
  await act(() => render(<CardDiscussion paperId="2506.06276" numComments={numComments} load={load} />, root));
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const click = async (name: string) => {
    await act(async () => button(name).click());
    await act(() => Promise.resolve());
  };
  return { root, click };
}

describe('CardDiscussion', () => {
  it('asks nothing until opened, then once; shows the text as text, replies and the author mark', async () => {
    const load = vi.fn(() => Promise.resolve({ ok: true as const, discussion: DISCUSSION }));
    const { root, click } = await mount(load, 8);
    expect(root.textContent).toContain('Discussion · 8 comments');
    expect(load).not.toHaveBeenCalled();
    await click('Show discussion');
    expect(root.querySelector('.dpl-comment-text')!.textContent).toBe('<img src=x onerror=alert(1)> **bold**');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.dpl-replies')!.textContent).toContain('author of the paper');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://huggingface.co/papers/2506.06276#community');
    expect(root.querySelector('a')!.textContent).toBe('All 7 threads on Hugging Face');
    await click('Hide discussion');
    await click('Show discussion');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says it could not load and asks again on Retry', async () => {
    const load = vi
      .fn<() => Promise<Fetched<{ discussion: PaperDiscussion }>>>()
      .mockResolvedValueOnce({ ok: false, reason: 'failed' })
      .mockResolvedValueOnce({ ok: true, discussion: { threads: [], totalThreads: 0 } });
    const { root, click } = await mount(load);
    await click('Show discussion');
    expect(root.textContent).toContain("Couldn't load the discussion.");
    await click('Retry');
    expect(root.textContent).toContain('No visible comments yet.');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('has no control when HF counts no comments', async () => {
    const { root } = await mount(() => Promise.reject(new Error('never asked')), 0);
    expect(root.innerHTML).toBe('');
  });
});

describe('mountCardDiscussion', () => {
  it('paints the closed line without a renderer, then opens the discussion on the first click, focus kept', async () => {
    const load = vi.fn(() => Promise.resolve({ ok: true as const, discussion: DISCUSSION }));
    const slot = document.createElement('div');
    document.body.replaceChildren(slot);
    mountCardDiscussion(slot, { paperId: '2506.06276', numComments: 1, load });
    // The same closed line as the component's.
    const closed = document.createElement('div');
    await act(() => render(<CardDiscussion paperId="2506.06276" numComments={1} load={load} />, closed));
    expect(slot.innerHTML).toBe(closed.innerHTML);
    expect(load).not.toHaveBeenCalled();
    const button = slot.querySelector('button')!;
    button.focus();
    await act(async () => button.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(load).toHaveBeenCalledTimes(1);
    const opened = slot.querySelector('button')!;
    expect(opened.textContent).toBe('Hide discussion');
    expect(opened.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(opened);
    expect(slot.querySelector('.dpl-comment-text')!.textContent).toBe('<img src=x onerror=alert(1)> **bold**');
    await act(async () => opened.click());
    expect(slot.querySelector<HTMLElement>('#dpl-discussion')!.hidden).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('paints nothing when HF counts no comments', () => {
    const slot = document.createElement('div');
    mountCardDiscussion(slot, { paperId: '2506.06276', numComments: 0, load: () => Promise.reject(new Error('never asked')) });
    expect(slot.childNodes).toHaveLength(0);
  });
});

