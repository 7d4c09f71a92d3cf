/**
 * A stopped MV3 worker is started by whatever needs it, most often a page asking about its papers (the
 * abstract page's card waits on that answer). Its start-up chores — the toolbar badge's live count, the
 * sync alarm check — read the database too: they wait until the first answer is out (a tick after it),
 * or `maxDelayMs` at most when what woke the worker was no question, or a slow one.
 */
export const START_UP_DELAY_MS = 200;

/**
 * The checks that count a whole table (the search index's catch-up, the kept badge index's count of
 * papers) wait this long after a wake: Chromium counts a table by reading every row (110 ms at 40,000
 * papers), and the database answers one request after another, so a count begun with the first answer
 * held back the page's next questions (an X page's second question, its titles read: 272 → 345 ms).
 */
export const COUNT_CHECK_DELAY_MS = 3_000;

export function afterFirstAnswer(chores: () => void, maxDelayMs = START_UP_DELAY_MS): { answered: () => void } {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    chores();
  };
  const timer = setTimeout(run, maxDelayMs);
  return { answered: () => void setTimeout(run) };
}
