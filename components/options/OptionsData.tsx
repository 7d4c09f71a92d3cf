/** Saved papers out (BibTeX, JSON) and in (JSON), and clearing the cache. */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clearCache } from '../../lib/options/clear-cache';
import { originFiles } from '../../lib/shared/origin-files';
import type { PapersDB } from '../../lib/shared/db';
import { toBibtex } from '../../lib/options/bibtex';
import { downloadText, exportFilename } from '../../lib/options/download';
import { importSavedPapers, readSavedPapers } from '../../lib/shared/saved-papers';
import { MAX_IMPORT_BYTES, parseSavedPapersFile, savedPapersFile } from '../../lib/shared/saved-papers-file';
import { announceDatabaseChanged, sendRequest } from '../../lib/shared/messages';
import { TABLE_NAMES } from '../../lib/shared/db-name';

type Status = { text: string; error?: boolean };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The background re-counts the toolbar badge; a closed worker wakes for it. */
function tellBackground(request: { type: 'userStateChanged' } | { type: 'syncNow' }): void {
  void sendRequest(request).catch(() => undefined);
}

export function OptionsData({ db }: { db: PapersDB }) {
  const [status, setStatus] = useState<Status>({ text: '' });
  const [deleteSaved, setDeleteSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<Status>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch (error) {
      setStatus({ text: `Something went wrong: ${error instanceof Error ? error.message : String(error)}. Nothing was lost.`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'bib' | 'json') =>
    run(async () => {
      const saved = await readSavedPapers(db);
      if (!saved.length) return { text: 'No saved papers to export yet. Save papers from the popup first.' };
      const now = Date.now();
      if (format === 'bib') downloadText(exportFilename('bib', now), toBibtex(saved.map((s) => s.paper)), 'application/x-bibtex');
      else downloadText(exportFilename('json', now), savedPapersFile(saved, now), 'application/json');
      return { text: `Exported ${plural(saved.length, 'saved paper')} as ${format === 'bib' ? 'BibTeX' : 'JSON'}.` };
    });

  const importFile = (input: HTMLInputElement) =>
    run(async () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return { text: '' };
      if (file.size > MAX_IMPORT_BYTES) return { text: 'This file is too large to be an export of saved papers. Nothing was imported.', error: true };
      const parsed = parseSavedPapersFile(await file.text());
      if (!parsed.ok) return { text: parsed.error, error: true };
      const result = await importSavedPapers(db, parsed.entries);
      // An open popup shows the imported papers in Saved (the background may be asleep to tell it).
      void announceDatabaseChanged(['papers', 'userState']);
      tellBackground({ type: 'userStateChanged' });
      const parts = [`Imported ${plural(result.saved, 'saved paper')}`];
      if (result.alreadySaved) parts.push(`${result.alreadySaved} ${result.alreadySaved === 1 ? 'was' : 'were'} already saved`);
      if (parsed.skipped) parts.push(`${plural(parsed.skipped, 'entry', 'entries')} skipped (not valid)`);
      return { text: `${parts.join('; ')}.` };
    });

  const clear = () =>
    run(async () => {
      if (deleteSaved && !window.confirm('Delete every stored paper, including your saved papers and read marks? This cannot be undone.')) {
        return { text: 'Nothing was deleted.' };
      }
      // A year of papers takes a second or two to delete: say so meanwhile.
      setStatus({ text: deleteSaved ? 'Deleting every stored paper…' : 'Clearing the cache…' });
      const result = await clearCache(db, { keepSaved: !deleteSaved, local: browser.storage.local, pageStorage: globalThis.localStorage, files: originFiles() });
      void announceDatabaseChanged(TABLE_NAMES);
      tellBackground({ type: 'syncNow' });
      return {
        text: deleteSaved
          ? `Deleted ${plural(result.papersRemoved, 'paper')} and your marks. Fetching the Daily Papers again…`
          : `Cleared ${plural(result.papersRemoved, 'cached paper')}; kept ${plural(result.savedKept, 'saved paper')}. Fetching the Daily Papers again…`,
      };
    });

  return (
    <section class="data" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <div class="data-row">
        <span class="data-label">Export saved papers</span>
        <button type="button" onClick={() => void exportAs('bib')} disabled={busy}>
          Export BibTeX
        </button>
        <button type="button" onClick={() => void exportAs('json')} disabled={busy}>
          Export JSON
        </button>
      </div>
      <div class="data-row">
        <label for="import-file" class="data-label">
          Import saved papers (a JSON export)
        </label>
        <input id="import-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile(e.currentTarget)} />
      </div>
      <div class="data-row">
        <span class="data-label">Clear the cache</span>
        <input id="delete-saved" type="checkbox" checked={deleteSaved} onChange={(e) => setDeleteSaved(e.currentTarget.checked)} />
        <label for="delete-saved">Also delete my saved papers and read marks</label>
        <button type="button" class={deleteSaved ? 'danger' : undefined} onClick={() => void clear()} disabled={busy}>
          Clear the cache
        </button>
      </div>
      <p class={status.error ? 'status status-error' : 'status'} role={status.error ? 'alert' : 'status'} data-testid="data-status">
        {status.text}
      </p>
    </section>
  );
}
