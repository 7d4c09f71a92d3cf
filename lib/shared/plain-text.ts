/**
 * Untrusted text (HF's answers, an imported file) without the invisible characters that change what
 * is around it: bidi overrides, isolates and marks (U+202E would turn "▲ 12" after a title into
 * "21 ▲") and C0/C1 control characters (a NUL cuts a BibTeX export short). Cleaned once, where the
 * text comes in, so nothing stored carries them.
 */

// The controls below, in one class; \t \n \r are handled apart by each function.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
/** Line breaks and tabs in one-line text: a space, so words stay apart. */
const LINE_BREAKS = /[\t\n\r]+/g;

/** One-line text (titles, names, keywords, the AI summary): line breaks and tabs become a space. */
export function plainLine(text: string): string {
  const cleaned = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
  return /[\t\n\r]/.test(cleaned) ? cleaned.replace(LINE_BREAKS, ' ') : cleaned;
}

/** Text that keeps its lines (abstracts): \n and \t stay, \r goes. */
export function plainLines(text: string): string {
  const cleaned = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
  return cleaned.includes('\r') ? cleaned.replace(/\r\n?/g, '\n') : cleaned;
}
