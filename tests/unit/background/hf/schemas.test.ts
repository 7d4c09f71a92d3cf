import { describe, expect, it } from 'vitest';
import { MalformedAnswerError, parseDailyItems, parsePaperObject, parseSearchItems } from '../../../../lib/background/hf/schemas';
import { dailyItem, rawPaper, SEED_PAPERS, STARFLOW_ID } from '../../support/builders';

const FETCHED_AT = Date.parse('2025-06-09T12:00:00Z');

/** Parses one item and returns the paper, failing the test when it was dropped. */
function parseOne(item: unknown) {
  const { papers, dropped } = parseDailyItems([item], FETCHED_AT);
  expect(dropped).toBe(0);
  expect(papers).toHaveLength(1);
  return papers[0]!;
}

describe('parseDailyItems: good items', () => {
  it('turns a daily item into a flat paper', () => {
    const paper = parseOne(dailyItem());
    expect(paper).toEqual({
      id: STARFLOW_ID,
      title: SEED_PAPERS[0]!.title,
      summary: SEED_PAPERS[0]!.summary,
      authors: ['Jiatao Gu', 'Tianrong Chen'],
      upvotes: 21,
      numComments: 3,
      dailyDate: '2025-06-09',
      publishedAt: '2025-06-06T17:58:39.000Z',
      aiSummary: 'A normalizing-flow image model that scales to high resolutions.',
      aiKeywords: ['normalizing flows', 'autoregressive transformer'],
      githubRepo: 'https://github.com/apple/ml-starflow',
      githubRepoKey: 'apple/ml-starflow',
      githubStars: 102,
      fetchedAt: FETCHED_AT,
    });
  });

  it('leaves absent optional fields absent, not undefined', () => {
    const paper = parseOne({ paper: { id: STARFLOW_ID, title: 'STARFlow', upvotes: 0 } });
    expect(paper).toEqual({ id: STARFLOW_ID, title: 'STARFlow', summary: '', authors: [], upvotes: 0, fetchedAt: FETCHED_AT });
    expect(Object.keys(paper).sort()).toEqual(['authors', 'fetchedAt', 'id', 'summary', 'title', 'upvotes']);
  });

  it('keeps upvotes of 0 and githubStars of 0', () => {
    const paper = parseOne(dailyItem({ upvotes: 0, githubStars: 0 }));
    expect(paper.upvotes).toBe(0);
    expect(paper.githubStars).toBe(0);
  });

  it('ignores unknown keys on the item and on the paper', () => {
    const item = dailyItem(
      { linkedModels: [{ id: 'apple/starflow' }], numTotalModels: 4, someNewField: { nested: true } },
      { mediaUrls: ['https://cdn.example/x.mp4'], brandNewFlag: true },
    );
    const paper = parseOne(item);
    expect(paper.id).toBe(STARFLOW_ID);
    expect(paper).not.toHaveProperty('linkedModels');
    expect(paper).not.toHaveProperty('someNewField');
    expect(paper).not.toHaveProperty('brandNewFlag');
  });

  it('reads numComments from the item, not the paper', () => {
    expect(parseOne(dailyItem({}, { numComments: 17 })).numComments).toBe(17);
    const withoutItemCount = dailyItem();
    delete withoutItemCount.numComments;
    expect(parseOne(withoutItemCount)).not.toHaveProperty('numComments');
    expect(parseOne(dailyItem({ numComments: 9 }, { numComments: 4 })).numComments).toBe(4);
  });

  it('reads the organization from the item or from the paper, the item first', () => {
    const hfOrg = { _id: 'o1', name: 'apple', fullname: 'Apple', avatar: 'https://cdn/a.png' };
    const paperOrg = { _id: 'o2', name: 'mit', fullname: 'MIT' };
    expect(parseOne(dailyItem({}, { organization: hfOrg })).organization).toEqual({ name: 'apple', fullname: 'Apple' });
    expect(parseOne(dailyItem({ organization: paperOrg })).organization).toEqual({ name: 'mit', fullname: 'MIT' });
    expect(parseOne(dailyItem({ organization: paperOrg }, { organization: hfOrg })).organization).toEqual({
      name: 'apple',
      fullname: 'Apple',
    });
    // A broken organization on the item falls back to the paper's.
    expect(parseOne(dailyItem({ organization: paperOrg }, { organization: 'apple' })).organization).toEqual({
      name: 'mit',
      fullname: 'MIT',
    });
    expect(parseOne(dailyItem()).organization).toBeUndefined();
  });

  it('buckets submittedOnDailyAt by its UTC date', () => {
    expect(parseOne(dailyItem({ submittedOnDailyAt: '2025-06-09T23:59:59.999Z' })).dailyDate).toBe('2025-06-09');
    expect(parseOne(dailyItem({ submittedOnDailyAt: '2025-06-10T00:00:00.000Z' })).dailyDate).toBe('2025-06-10');
    // 21:30 in New York on the 9th is already the 10th in UTC.
    expect(parseOne(dailyItem({ submittedOnDailyAt: '2025-06-09T21:30:00-05:00' })).dailyDate).toBe('2025-06-10');
    expect(parseOne(dailyItem({ submittedOnDailyAt: undefined }))).not.toHaveProperty('dailyDate');
    expect(parseOne(dailyItem({ submittedOnDailyAt: 'yesterday-ish' }))).not.toHaveProperty('dailyDate');
  });

  it('normalises ISO dates', () => {
    const paper = parseOne(dailyItem({ publishedAt: '2025-06-06T17:58:39Z', withdrawnAt: '2025-07-01T00:00:00+02:00' }));
    expect(paper.publishedAt).toBe('2025-06-06T17:58:39.000Z');
    expect(paper.withdrawnAt).toBe('2025-06-30T22:00:00.000Z');
  });

  it('drops optional fields of the wrong type instead of the item', () => {
    const paper = parseOne(
      dailyItem(
        {
          summary: 42,
          authors: 'Jiatao Gu',
          ai_summary: ['not', 'a', 'string'],
          ai_keywords: 'flows',
          githubStars: '102',
          publishedAt: 1749232719000,
          organization: { fullname: 'no name' },
        },
        { numComments: '3' },
      ),
    );
    expect(paper.summary).toBe('');
    expect(paper.authors).toEqual([]);
    expect(paper).not.toHaveProperty('aiSummary');
    expect(paper).not.toHaveProperty('aiKeywords');
    expect(paper).not.toHaveProperty('githubStars');
    expect(paper).not.toHaveProperty('publishedAt');
    expect(paper).not.toHaveProperty('organization');
    expect(paper).not.toHaveProperty('numComments');
  });

  it('keeps well-formed authors and skips broken ones', () => {
    const paper = parseOne(
      dailyItem({ authors: [{ name: 'Jiatao Gu' }, null, { name: 7 }, { _id: 'x' }, { name: '   ' }, { name: ' Josh Susskind ' }] }),
    );
    expect(paper.authors).toEqual(['Jiatao Gu', 'Josh Susskind']);
  });

  it('caps very long text', () => {
    const paper = parseOne(dailyItem({ title: 'T'.repeat(5_000), summary: 'S'.repeat(50_000) }));
    expect(paper.title).toHaveLength(1_000);
    expect(paper.summary).toHaveLength(20_000);
  });
});

describe('parseDailyItems: bad items', () => {
  const good = () => dailyItem({ id: '2506.06276' });
  const goodToo = () => dailyItem({ id: '2506.05209', upvotes: 7 }, {}, 1);
  const withoutId = () => {
    const item = dailyItem();
    delete (item.paper as Record<string, unknown>).id;
    return item;
  };
  const withoutPaper = () => {
    const item = dailyItem();
    delete item.paper;
    return item;
  };

  it.each([
    ['paper without id', withoutId()],
    ['id that is not an arXiv id', dailyItem({ id: 'abc' })],
    ['versioned id', dailyItem({ id: '2506.06276v2' })],
    ['old-style id', dailyItem({ id: 'hep-th/9901001' })],
    ['id with spaces', dailyItem({ id: ' 2506.06276' })],
    ['numeric id', dailyItem({ id: 2506.06276 })],
    ['upvotes as a string', dailyItem({ upvotes: '21' })],
    ['negative upvotes', dailyItem({ upvotes: -1 })],
    ['fractional upvotes', dailyItem({ upvotes: 2.5 })],
    ['missing upvotes', dailyItem({ upvotes: undefined })],
    ['empty title', dailyItem({ title: '' })],
    ['title not a string', dailyItem({ title: { en: 'STARFlow' } })],
    ['paper missing', withoutPaper()],
    ['paper null', dailyItem({}, { paper: null })],
    ['paper a string', dailyItem({}, { paper: '2506.06276' })],
    ['null item', null],
    ['number item', 42],
    ['string item', 'STARFlow'],
    ['array item', [good()]],
  ])('drops an item with %s and keeps the good ones beside it', (_, bad) => {
    const { papers, dropped } = parseDailyItems([good(), bad, goodToo()], FETCHED_AT);
    expect(dropped).toBe(1);
    expect(papers.map((p) => p.id)).toEqual(['2506.06276', '2506.05209']);
  });

  it('counts every dropped item', () => {
    const { papers, dropped } = parseDailyItems([null, 1, good(), withoutId(), dailyItem({ id: 'abc' }), 'x'], FETCHED_AT);
    expect(papers).toHaveLength(1);
    expect(dropped).toBe(5);
  });

  it('accepts an empty list', () => {
    expect(parseDailyItems([], FETCHED_AT)).toEqual({ papers: [], dropped: 0 });
  });

  it.each([
    ['an object', { error: 'Invalid date' }],
    ['null', null],
    ['a string', '[]'],
    ['a number', 0],
    ['undefined', undefined],
  ])('throws MalformedAnswerError when the answer is %s, not a list', (_, answer) => {
    expect(() => parseDailyItems(answer, FETCHED_AT)).toThrow(MalformedAnswerError);
  });
});

describe('parseDailyItems: hostile text', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    'javascript:alert(document.cookie)',
    '"><script>alert(1)</script>',
    '{{constructor.constructor("alert(1)")()}}',
    '__proto__',
  ])('keeps %s exactly as a string in title and summary', (hostile) => {
    const paper = parseOne(dailyItem({ title: hostile, summary: hostile, ai_summary: hostile, authors: [{ name: hostile }] }));
    expect(paper.title).toBe(hostile);
    expect(paper.summary).toBe(hostile);
    expect(paper.aiSummary).toBe(hostile);
    expect(paper.authors).toEqual([hostile]);
  });

  it('strips stray model tokens around the abstract and the AI summary, keeps them inside, and keeps Markdown as it is', () => {
    const inside = 'We mask special termination tokens such as </think> and <|im_end|>.';
    const paper = parseOne(
      dailyItem({ summary: `${inside}<|im_end|>`, ai_summary: '<think>\n\n</think>\n\nA **fast** flow.<|im_end|>', title: 'T <|im_end|>' }),
    );
    expect(paper.summary).toBe(inside);
    expect(paper.aiSummary).toBe('A **fast** flow.');
    expect(paper.title).toBe('T <|im_end|>');
    expect(parsePaperObject(rawPaper({ ai_summary: '</think>Flows.' }), FETCHED_AT).aiSummary).toBe('Flows.');
  });

  it('has no AI summary when it was nothing but stray tokens', () => {
    expect(parseOne(dailyItem({ ai_summary: '<think>\n</think><|im_end|>' }))).not.toHaveProperty('aiSummary');
  });

  it('strips bidi overrides, isolates and marks and control characters from every text field', () => {
    const paper = parseOne(
      dailyItem(
        {
          title: 'Flows\u202E at scale\u0000 ▲\n 12',
          summary: 'Line one\n\tLine two\u202E\u0007\r\nLine three\u0000',
          ai_summary: 'One\nline\u2066 summary\u2069',
          authors: [{ name: 'Ada\u200F Love\u200Elace' }, { name: '\u202A\u202C' }],
          ai_keywords: ['flo\u202Dws', '\u0085', 'bibtex\u0000'],
          organization: { name: 'org\u061C', fullname: 'Org\u009B Inc' },
        },
        { organization: { name: 'item\u202Borg\u202C', fullname: 'Item\u0001 Org' } },
      ),
    );
    expect(paper.title).toBe('Flows at scale ▲  12');
    expect(paper.summary).toBe('Line one\n\tLine two\nLine three');
    expect(paper.aiSummary).toBe('One line summary');
    expect(paper.authors).toEqual(['Ada Lovelace']);
    expect(paper.aiKeywords).toEqual(['flows', 'bibtex']);
    expect(paper.organization).toEqual({ name: 'itemorg', fullname: 'Item Org' });
    const flat = parsePaperObject(rawPaper({ organization: { name: 'org\u061C', fullname: 'Org\u009B Inc' } }), FETCHED_AT);
    expect(flat.organization).toEqual({ name: 'org', fullname: 'Org Inc' });
  });

  it('keeps letters of right-to-left scripts, emoji sequences and ordinary spaces', () => {
    const text = 'نماذج التدفق · מודלים · 👩‍🔬 · naïve — “quoted”';
    const paper = parseOne(dailyItem({ title: text, summary: text, ai_summary: text }));
    expect([paper.title, paper.summary, paper.aiSummary]).toEqual([text, text, text]);
  });

  it('drops an item whose title is nothing but invisible characters', () => {
    const { papers, dropped } = parseDailyItems([dailyItem({ title: '\u202E\u0000\u2066' })], FETCHED_AT);
    expect(papers).toEqual([]);
    expect(dropped).toBe(1);
  });

  it('does not let a __proto__ key pollute anything', () => {
    const item = JSON.parse(
      `{"paper":{"id":"2506.06276","title":"STARFlow","upvotes":1,"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}`,
    ) as unknown;
    const paper = parseOne(item);
    expect((paper as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseDailyItems: URL fields', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['http://starflow.github.io'],
    ['data:text/html,<script>alert(1)</script>'],
    ['//starflow.github.io'],
    ['starflow.github.io'],
    ['https://user:pass@starflow.github.io'],
    [''],
    [42],
  ])('drops projectPage %s', (projectPage) => {
    expect(parseOne(dailyItem({ projectPage }))).not.toHaveProperty('projectPage');
  });

  it('keeps an https projectPage', () => {
    expect(parseOne(dailyItem({ projectPage: 'https://starflow-v.github.io/' })).projectPage).toBe('https://starflow-v.github.io/');
  });

  // The full tables of accepted and rejected URLs are in safe-url.test.ts; here, that parsing uses them.
  it.each([
    ['https://github.com/apple/ml-starflow', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/Apple/ML-Starflow.git', 'https://github.com/Apple/ML-Starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow/tree/main/starflow', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
  ])('accepts githubRepo %s', (githubRepo, url, key) => {
    const paper = parseOne(dailyItem({ githubRepo, githubStars: 5 }));
    expect(paper.githubRepo).toBe(url);
    expect(paper.githubRepoKey).toBe(key);
    expect(paper.githubStars).toBe(5);
  });

  it.each([
    ['https://gitlab.com/apple/ml-starflow'],
    ['http://github.com/apple/ml-starflow'],
    ['javascript:alert(1)//github.com/apple/ml-starflow'],
    ['https://github.com/apple'],
    [['https://github.com/apple/ml-starflow']],
  ])('rejects githubRepo %s, and its star count with it', (githubRepo) => {
    const paper = parseOne(dailyItem({ githubRepo, githubStars: 5 }));
    expect(paper).not.toHaveProperty('githubRepo');
    expect(paper).not.toHaveProperty('githubRepoKey');
    expect(paper).not.toHaveProperty('githubStars');
  });
});

describe('parsePaperObject', () => {
  it('parses a flat /api/papers answer', () => {
    const paper = parsePaperObject(rawPaper({ upvotes: 88 }), FETCHED_AT);
    expect(paper.id).toBe(STARFLOW_ID);
    expect(paper.upvotes).toBe(88);
    expect(paper.dailyDate).toBe('2025-06-09');
    expect(paper.fetchedAt).toBe(FETCHED_AT);
  });

  it('throws MalformedAnswerError for a paper that fails validation', () => {
    expect(() => parsePaperObject(rawPaper({ id: 'abc' }), FETCHED_AT)).toThrow(MalformedAnswerError);
    expect(() => parsePaperObject(null, FETCHED_AT)).toThrow(MalformedAnswerError);
    expect(() => parsePaperObject([rawPaper()], FETCHED_AT)).toThrow(MalformedAnswerError);
    expect(() => parsePaperObject(dailyItem(), FETCHED_AT)).toThrow(MalformedAnswerError);
  });
});

describe('parseSearchItems', () => {
  it('reads wrapped items ({paper: …}) with the item’s comment count and organization', () => {
    const item = dailyItem({}, { numComments: 7, organization: { name: 'apple', fullname: 'Apple' } });
    const { papers, dropped } = parseSearchItems([item], FETCHED_AT);
    expect(dropped).toBe(0);
    expect(papers[0]).toMatchObject({ id: STARFLOW_ID, numComments: 7, organization: { name: 'apple', fullname: 'Apple' }, upvotes: 21 });
  });

  it('reads flat paper objects', () => {
    const { papers } = parseSearchItems([rawPaper({ id: '2401.00001', upvotes: 4 })], FETCHED_AT);
    expect(papers).toEqual([expect.objectContaining({ id: '2401.00001', upvotes: 4, authors: ['Jiatao Gu', 'Tianrong Chen'] })]);
  });

  it('takes both shapes in one answer, keeps the good ones in order and counts the bad', () => {
    const answer = [
      dailyItem({ id: '2401.00001' }),
      { paper: { id: 'nope', title: 1 } },
      rawPaper({ id: '2401.00002' }),
      null,
      'junk',
      { title: 'no id at all', upvotes: 3 },
    ];
    const { papers, dropped } = parseSearchItems(answer, FETCHED_AT);
    expect(papers.map((p) => p.id)).toEqual(['2401.00001', '2401.00002']);
    expect(dropped).toBe(4);
  });

  it('lists a paper once when HF repeats it', () => {
    const { papers } = parseSearchItems([dailyItem(), rawPaper()], FETCHED_AT);
    expect(papers).toHaveLength(1);
  });

  it('keeps hostile text as text and drops unsafe links', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { papers } = parseSearchItems(
      [rawPaper({ title: hostile, summary: hostile, projectPage: 'javascript:alert(1)', githubRepo: 'http://github.com/a/b' })],
      FETCHED_AT,
    );
    expect(papers[0]).toMatchObject({ title: hostile, summary: hostile });
    expect(papers[0]?.projectPage).toBeUndefined();
    expect(papers[0]?.githubRepo).toBeUndefined();
  });

  it('refuses an answer that is not a list', () => {
    expect(() => parseSearchItems({ papers: [] }, FETCHED_AT)).toThrow(MalformedAnswerError);
  });
});
