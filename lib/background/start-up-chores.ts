/**
 * A stopped MV3 worker is started by whatever needs it, most often a page asking about its papers (the
 * abstract page's card waits on that answer). Its start-up chores — the toolbar badge's live count, the
 * sync alarm check — read the database too: they wait until the first answer is out (a tick after it),
 * or `maxDelayMs` at most when what woke the worker was no question, or a slow one.
 */
export const START_UP_DELAY_MS = 200;

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
