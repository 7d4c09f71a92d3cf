/**
 * Stray tokens of chat models at the edges of HF's summaries: an empty (or leaked) `<think>…</think>`
 * block before the text, end-of-turn markers (`<|im_end|>`, `<|eot_id|>`, `</s>`…) after it. Only the
 * edges are cleaned: inside the text the same strings can be what a paper is about (a real abstract of
 * 2026-08-17 masks "special termination tokens such as </think> and <|im_end|>"), so they stay, as text.
 */

/** The special tokens of the chat templates HF's summaries come from (Qwen/ChatML, Llama 3, Phi, Gemma, Llama 2/Mistral). */
const TOKEN = [
  '</?think>',
  '<\\|im_start\\|>(?:system|user|assistant)?',
  '<\\|(?:im_end|endoftext|begin_of_text|end_of_text|eot_id|eom_id|end|assistant)\\|>',
  '<\\|start_header_id\\|>(?:system|user|assistant)?<\\|end_header_id\\|>',
  '<start_of_turn>(?:model|user)?',
  '<end_of_turn>',
  '</?s>',
  '<(?:bos|eos)>',
].join('|');

/** A reasoning block the model left before its answer (empty, or the reasoning itself). */
const LEADING_THINKING = /^\s*<think>[\s\S]*?<\/think>/;
const LEADING_TOKEN = new RegExp(`^\\s*(?:${TOKEN})`);
const TRAILING_TOKEN = new RegExp(`(?:${TOKEN})$`);

/** `text` without stray model tokens at its start and end (then trimmed); unchanged when it has none there. */
export function withoutModelTokens(text: string): string {
  if (!text.includes('<')) return text;
  let rest = text.replace(LEADING_THINKING, '');
  while (LEADING_TOKEN.test(rest)) rest = rest.replace(LEADING_TOKEN, '');
  // One step per token: each test scans the text once for a token that ends it (linear, no backtracking).
  while (TRAILING_TOKEN.test(rest.trimEnd())) rest = rest.trimEnd().replace(TRAILING_TOKEN, '');
  return rest === text ? text : rest.trim();
}
