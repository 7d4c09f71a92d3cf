/**
 * HF's abstracts and AI summaries mark key terms with Markdown's `**bold**`. This reads them into runs
 * of text, each strong or not, for the UI to build as elements: nothing here is HTML, and the text of
 * every run is shown as text. Only `**…**` is read: content that starts and ends with a non-space
 * character other than `*`, within one paragraph; a `**` without its partner stays as written.
 */

export interface TextRun {
  text: string;
  strong: boolean;
}

const MARK = '**';
/** A blank line: emphasis never spans paragraphs. */
const PARAGRAPH_BREAK = /(\n[ \t]*\n)/;

const isContentEdge = (char: string | undefined) => char !== undefined && char !== '*' && !/\s/.test(char);

/** `text` as runs, in order, joined back giving `text` without the `**` marks that were read. */
export function emphasisRuns(text: string): TextRun[] {
  if (!text.includes(MARK)) return text ? [{ text, strong: false }] : [];
  const runs: TextRun[] = [];
  const push = (part: string, strong: boolean) => {
    if (!part) return;
    const last = runs[runs.length - 1];
    if (last && !last.strong && !strong) last.text += part;
    else runs.push({ text: part, strong });
  };
  // The split keeps the breaks (odd indexes), which are plain text.
  text.split(PARAGRAPH_BREAK).forEach((paragraph, index) => {
    if (index % 2 === 1) push(paragraph, false);
    else for (const run of paragraphRuns(paragraph)) push(run.text, run.strong);
  });
  return runs;
}

/** One paragraph: pairs each opening `**` with the next closing one, left to right. */
function paragraphRuns(paragraph: string): TextRun[] {
  const marks: number[] = [];
  for (let at = paragraph.indexOf(MARK); at !== -1; at = paragraph.indexOf(MARK, at + MARK.length)) marks.push(at);
  const runs: TextRun[] = [];
  let done = 0;
  let closer = 0;
  for (let i = 0; i < marks.length; i++) {
    const open = marks[i]!;
    if (open < done || !isContentEdge(paragraph[open + MARK.length])) continue;
    // The next mark that can close, after this one; none means none for any later opener either.
    closer = Math.max(closer, i + 1);
    while (closer < marks.length && !isContentEdge(paragraph[marks[closer]! - 1])) closer++;
    if (closer >= marks.length) break;
    const close = marks[closer]!;
    runs.push({ text: paragraph.slice(done, open), strong: false });
    runs.push({ text: paragraph.slice(open + MARK.length, close), strong: true });
    done = close + MARK.length;
    i = closer;
  }
  runs.push({ text: paragraph.slice(done), strong: false });
  return runs;
}
