import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, isHfPaperId, newStyleId, parseArxivId } from '../../../lib/shared/arxiv-id';

describe('parseArxivId', () => {
  it('parses new-style ids and strips the version', () => {
    expect(parseArxivId('2506.06276')).toEqual({ id: '2506.06276', style: 'new' });
    expect(parseArxivId('2506.06276v3')).toEqual({ id: '2506.06276', style: 'new', version: 3 });
    expect(parseArxivId('arXiv:1412.6980')).toEqual({ id: '1412.6980', style: 'new' });
  });

  it('parses old-style ids, including archives with a v in their name', () => {
    expect(parseArxivId('hep-th/9901001')).toEqual({ id: 'hep-th/9901001', style: 'old' });
    expect(parseArxivId('math.GT/0309136v2')).toEqual({ id: 'math.GT/0309136', style: 'old', version: 2 });
    expect(parseArxivId('solv-int/9901001')).toEqual({ id: 'solv-int/9901001', style: 'old' });
  });

  it('rejects what is not an id', () => {
    for (const text of ['', '2506.0627', '2513.06276', '0701.12345', '1501.1234', 'abc', '2506.06276v', '<script>']) {
      expect(parseArxivId(text), text).toBeUndefined();
    }
  });

  it('builds a new-style id from its parts as parseArxivId does, with the same checks', () => {
    expect(newStyleId('2506', '06276', undefined)).toEqual({ id: '2506.06276', style: 'new' });
    expect(newStyleId('2506', '06276', '3')).toEqual({ id: '2506.06276', style: 'new', version: 3 });
    expect(newStyleId('1412', '6980', undefined)).toEqual(parseArxivId('1412.6980'));
    // Month 13 and 00; five digits before 2015, four after 2014.
    for (const [yymm, serial] of [['2513', '06276'], ['2500', '06276'], ['0701', '12345'], ['1501', '1234']] as const) {
      expect(newStyleId(yymm, serial, undefined), `${yymm}.${serial}`).toBeUndefined();
    }
  });

  it('knows which ids HF can have', () => {
    expect(isHfPaperId('2506.06276')).toBe(true);
    expect(isHfPaperId('2506.06276v2')).toBe(false);
    expect(isHfPaperId('hep-th/9901001')).toBe(false);
  });
});

describe('arxivIdFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2506.06276', '2506.06276'],
    ['https://arxiv.org/abs/2506.06276v2?context=cs', '2506.06276'],
    ['https://www.arxiv.org/pdf/2506.06276v1.pdf', '2506.06276'],
    ['https://export.arxiv.org/pdf/2506.06276', '2506.06276'],
    ['https://arxiv.org/html/2506.06276v1/', '2506.06276'],
    ['https://browse.arxiv.org/format/2506.06276', '2506.06276'],
    ['http://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://ar5iv.labs.arxiv.org/html/2506.06276', '2506.06276'],
    ['https://www.alphaxiv.org/abs/2506.06276#x', '2506.06276'],
    ['https://huggingface.co/papers/2506.06276', '2506.06276'],
  ])('%s → %s', (url, id) => {
    expect(arxivIdFromUrl(url)?.id).toBe(id);
  });

  it('ignores other URLs', () => {
    for (const url of ['https://arxiv.org/list/cs.CL/new', 'https://evil.org/abs/2506.06276', 'javascript:alert(1)', 'not a url']) {
      expect(arxivIdFromUrl(url), url).toBeUndefined();
    }
  });
});
