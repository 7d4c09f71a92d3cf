import { describe, expect, it } from 'vitest';
import { MalformedAnswerError, parseDiscussion, parsePaperLinks } from '../../../../lib/background/hf/schemas';
import {
  comment,
  commentAuthor,
  commentsAnswer,
  HOSTILE_COMMENT_RAW,
  STARFLOW_AUTHOR_USER,
  STARFLOW_COMMENTS_ANSWER,
  STARFLOW_DETAILS,
  VAR_COMMENTS_ANSWER,
  VAR_DETAILS,
} from '../../../fixtures/hf-paper-details';

describe('parsePaperLinks', () => {
  it('reads the totals and the top few of each, by likes then downloads, with a model task', () => {
    const { links, dropped } = parsePaperLinks(STARFLOW_DETAILS);
    expect(dropped).toBe(0);
    expect(links.totals).toEqual({ models: 5, datasets: 3, spaces: 4 });
    expect(links.top.models.map((m) => m.id)).toEqual(['apple/starflow-3b', 'apple/starflow-1b-imagenet256', 'flowfan/starflow-3b-gguf']);
    expect(links.top.models[0]).toEqual({ id: 'apple/starflow-3b', likes: 412, downloads: 18_204, task: 'text-to-image' });
    expect(links.top.datasets[0]).toEqual({ id: 'apple/starflow-eval-prompts', likes: 21, downloads: 3_412 });
    // Spaces carry no likes in this answer: HF's order is kept.
    expect(links.top.spaces).toEqual([{ id: 'apple/starflow-demo' }, { id: 'flowfan/flow-explorer' }]);
  });

  it('sorts by likes, then downloads, whatever order HF sent', () => {
    const answer = {
      ...VAR_DETAILS,
      linkedDatasets: [
        { id: 'a/low', likes: 1, downloads: 900 },
        { id: 'a/tie-more', likes: 5, downloads: 50 },
        { id: 'a/top', likes: 9, downloads: 1 },
        { id: 'a/tie-less', likes: 5, downloads: 10 },
      ],
      numTotalDatasets: 4,
    };
    expect(parsePaperLinks(answer).links.top.datasets.map((d) => d.id)).toEqual(['a/top', 'a/tie-more', 'a/tie-less']);
  });

  it('drops and counts hostile or malformed items, keeps the rest', () => {
    const answer = {
      ...STARFLOW_DETAILS,
      linkedModels: [
        { id: '../../etc', likes: 9_999 },
        { id: 'javascript:alert(1)', likes: 9_999 },
        { id: 'evil user/x', likes: 9_999 },
        'not an object',
        { id: 'ok/private', likes: 9_999, private: true },
        { id: 'ok/model', likes: 'many', downloads: -3, pipeline_tag: '<img src=x>' },
      ],
      numTotalModels: 'six',
    };
    const { links, dropped } = parsePaperLinks(answer);
    expect(dropped).toBe(5);
    expect(links.top.models).toEqual([{ id: 'ok/model' }]);
    expect(links.totals.models).toBe(1);
  });

  it('reads a paper nothing links to as zeros, and refuses what is not a paper', () => {
    expect(parsePaperLinks(VAR_DETAILS).links).toEqual({ totals: { models: 0, datasets: 0, spaces: 0 }, top: { models: [], datasets: [], spaces: [] } });
    expect(parsePaperLinks({ id: '2404.02905' }).links.totals).toEqual({ models: 0, datasets: 0, spaces: 0 });
    expect(() => parsePaperLinks([])).toThrow(MalformedAnswerError);
  });
});

describe('parseDiscussion', () => {
  it('threads replies under their comment, leaves hidden comments out, latest thread first', () => {
    const { discussion, dropped } = parseDiscussion(STARFLOW_COMMENTS_ANSWER);
    expect(dropped).toBe(0);
    expect(discussion.totalThreads).toBe(2);
    expect(discussion.threads.map((t) => t.author)).toEqual(['x-stranger', 'curious-reader']);
    const [hostile, question] = discussion.threads;
    expect(hostile!.text).toBe(HOSTILE_COMMENT_RAW);
    expect(question!.reactions).toBe(3);
    expect(question!.replies).toHaveLength(1);
    expect(question!.replies[0]).toMatchObject({ author: STARFLOW_AUTHOR_USER.name, byPaperAuthor: true, reactions: 1 });
    expect(discussion.threads.flatMap((t) => [t, ...t.replies]).some((c) => c.author === 'cheap-gpus-4u')).toBe(false);
  });

  it('marks a comment by an author of the paper only (claimed authors by HF user name)', () => {
    const { discussion } = parseDiscussion(STARFLOW_COMMENTS_ANSWER);
    expect(discussion.threads.map((t) => t.byPaperAuthor)).toEqual([false, false]);
    // An author without a claimed HF account cannot be recognised by a commenter's display name.
    const impostor = commentAuthor('tomas-b', 'Tomas Berg');
    const answer = commentsAnswer(STARFLOW_DETAILS, [comment({ id: 'c1', author: impostor, createdAt: '2025-06-10T00:00:00.000Z', raw: 'Hi' })]);
    expect(parseDiscussion(answer).discussion.threads[0]!.byPaperAuthor).toBe(false);
  });

  it('puts a reply to a reply in its thread; drops a reply whose thread is hidden or gone', () => {
    const author = commentAuthor('a', 'A');
    const at = (h: number) => `2025-06-10T0${h}:00:00.000Z`;
    const answer = commentsAnswer(VAR_DETAILS, [
      comment({ id: 'top', author, createdAt: at(1), raw: 'top' }),
      comment({ id: 'r1', author, createdAt: at(2), raw: 'reply', parentCommentId: 'top' }),
      comment({ id: 'r2', author, createdAt: at(3), raw: 'reply to reply', parentCommentId: 'r1' }),
      comment({ id: 'orphan', author, createdAt: at(4), raw: 'orphan', parentCommentId: 'missing' }),
    ]);
    const { discussion } = parseDiscussion(answer);
    expect(discussion.threads).toHaveLength(1);
    expect(discussion.threads[0]!.replies.map((r) => r.text)).toEqual(['reply', 'reply to reply']);
  });

  it('drops and counts malformed comments; refuses an answer without comments', () => {
    const good = comment({ id: 'ok', author: commentAuthor('a', 'A'), createdAt: '2025-06-10T00:00:00.000Z', raw: 'fine' });
    const answer = commentsAnswer(VAR_DETAILS, [good, { id: 'x' }, { ...good, id: 'bad-date', createdAt: 'yesterday' }, null] as never);
    const { discussion, dropped } = parseDiscussion(answer);
    expect(dropped).toBe(3);
    expect(discussion.threads.map((t) => t.id)).toEqual(['ok']);
    expect(parseDiscussion(VAR_COMMENTS_ANSWER).discussion).toEqual({ threads: [], totalThreads: 0 });
    expect(() => parseDiscussion(VAR_DETAILS)).toThrow(MalformedAnswerError);
  });
});
