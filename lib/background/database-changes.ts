/**
 * Tells the extension's pages when the database changed (the `databaseChanged` notice,
 * lib/shared/messages.ts), so an open popup shows the sync's lists as they are written. Dexie fires its
 * public `storagemutated` event after every write transaction it saw commit — this worker's own and,
 * while the worker is awake, other Dexie contexts' (the options page) — naming each part written
 * `idb://<database>/<table>/<index>`. One notice goes out a moment after a change, with every table
 * written meanwhile: a sync step writes several tables in a few transactions. Dexie also fires it, for
 * every table, when it creates the database: a popup opened before that opens the database then.
 */
import { Dexie, RangeSet, rangesOverlap, type ObservabilitySet } from 'dexie';
import { TABLE_NAMES, type TableName } from '../shared/db-name';
import { announceDatabaseChanged } from '../shared/messages';

/** How long changes are gathered into one notice (ms): a sync step's transactions follow each other closely. */
export const CHANGE_NOTICE_DELAY_MS = 50;

/** The tables of database `databaseName` among the parts Dexie says were written. */
export function tablesChanged(parts: ObservabilitySet, databaseName: string): Set<TableName> {
  const prefix = `idb://${databaseName}/`;
  const tables = new Set<TableName>();
  for (const part of Object.keys(parts)) {
    if (!part.startsWith(prefix)) continue;
    const table = part.slice(prefix.length).split('/')[0] as TableName;
    if (TABLE_NAMES.includes(table)) tables.add(table);
  }
  return tables;
}

/** Whether the parts Dexie says were written include one of `keys` of the kv table (put or deleted). */
export function kvKeysWritten(parts: ObservabilitySet, databaseName: string, keys: readonly string[]): boolean {
  return ['', ':dels'].some((part) => {
    const written = parts[`idb://${databaseName}/kv/${part}`];
    return written !== undefined && keys.some((key) => rangesOverlap(written, new RangeSet(key)));
  });
}

export interface ChangeNoticeOptions {
  /** Sends a notice (the runtime broadcast when absent). */
  send?: (tables: TableName[]) => Promise<void>;
  delayMs?: number;
}

/** Announces every committed change to database `databaseName` until the returned function is called. */
export function announceDatabaseChanges(databaseName: string, options: ChangeNoticeOptions = {}): () => void {
  const send = options.send ?? announceDatabaseChanged;
  const pending = new Set<TableName>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const tables = [...pending];
    pending.clear();
    void send(tables).catch(() => undefined);
  };
  const onMutated = (parts: ObservabilitySet) => {
    for (const table of tablesChanged(parts, databaseName)) pending.add(table);
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, options.delayMs ?? CHANGE_NOTICE_DELAY_MS);
  };
  Dexie.on('storagemutated', onMutated);
  return () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    clearTimeout(timer);
  };
}
