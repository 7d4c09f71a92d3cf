/**
 * How the popup learns that the database changed elsewhere: the `databaseChanged` notices the
 * background (after every write its Dexie sees) and the options page send (lib/shared/messages.ts).
 * The popup's own writes touch its views directly, without a notice.
 */
import { browser } from 'wxt/browser';
import type { TableName } from '../shared/db-name';
import { isDatabaseChanged } from '../shared/messages';

export type ChangeListener = (tables: ReadonlySet<TableName>) => void;

/** Calls `listener` with the tables of every notice, until the returned function is called. */
export function listenForDatabaseChanges(listener: ChangeListener): () => void {
  const onMessage = (message: unknown): undefined => {
    // Anything else (another page's request to the background) passes unanswered: it is not for us.
    if (isDatabaseChanged(message)) listener(new Set(message.tables));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
