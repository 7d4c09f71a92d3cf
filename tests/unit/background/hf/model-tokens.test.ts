import { describe, expect, it } from 'vitest';
import { withoutModelTokens } from '../../../../lib/background/hf/model-tokens';

/** The sentence of a real abstract (2608.14277, Daily Papers of 2026-08-17) that is about these tokens. */
const REAL_ABSTRACT =
  'To mitigate the problem of excessive generation length and frequent truncation, we introduce a student reference KL loss and mask the advantages of special termination tokens such as </think> and <|im_end|>. This strategy constrains the student.';

describe('withoutModelTokens', () => {
  it.each([
    ['<think>\n\n</think>\n\nWe scale flows.', 'We scale flows.'],
    ['<think>The user wants one line. Let me write it.</think>We scale flows.', 'We scale flows.'],
    ['</think>\n\nWe scale flows.', 'We scale flows.'],
    ['<think>We scale flows.', 'We scale flows.'],
    ['We scale flows.<|im_end|>', 'We scale flows.'],
    ['We scale flows. <|im_end|>\n<|endoftext|>\n', 'We scale flows.'],
    ['<|im_start|>assistant\nWe scale flows.<|im_end|>', 'We scale flows.'],
    ['<|begin_of_text|><|start_header_id|>assistant<|end_header_id|>\n\nWe scale flows.<|eot_id|>', 'We scale flows.'],
    ['<s> We scale flows.</s>', 'We scale flows.'],
    ['<start_of_turn>model\nWe scale flows.<end_of_turn>\n<eos>', 'We scale flows.'],
    ['We scale flows.</think>', 'We scale flows.'],
  ])('strips the stray tokens around %j', (raw, clean) => {
    expect(withoutModelTokens(raw)).toBe(clean);
  });

  it('keeps the tokens inside the text: they can be what the paper is about', () => {
    expect(withoutModelTokens(REAL_ABSTRACT)).toBe(REAL_ABSTRACT);
    expect(withoutModelTokens(`<think></think>${REAL_ABSTRACT}<|im_end|>`)).toBe(REAL_ABSTRACT);
  });

  it('leaves text without stray tokens exactly as it was (markup and whitespace included)', () => {
    for (const text of ['', '  Two spaces around.  ', 'a < b and c > d', '<img src=x onerror=alert(1)>', '**bold** <b>not bold</b>', '<thinking> is not a token']) {
      expect(withoutModelTokens(text)).toBe(text);
    }
  });

  it('leaves nothing of a summary that was only tokens', () => {
    expect(withoutModelTokens('<think>\n</think>\n<|im_end|>')).toBe('');
  });

  it('takes linear time on hostile input (many spaces, many tokens, an unclosed block)', () => {
    const started = performance.now();
    withoutModelTokens(`a${' '.repeat(20_000)}b`);
    withoutModelTokens(`a${' <|im_end|>x'.repeat(2_000)}`);
    withoutModelTokens(`<think>${'x '.repeat(10_000)}`);
    withoutModelTokens(`x${'<s>'.repeat(6_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
