/**
 * Plain IndexedDB as promises, for extension pages that read the database Dexie writes without
 * shipping Dexie (see ./popup-store.ts). Nothing here creates or upgrades a database: that stays
 * Dexie's, in the background.
 */

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('transaction aborted', 'AbortError'));
    transaction.onerror = () => reject(transaction.error ?? new Error('transaction failed'));
  });
}

/**
 * Opens a database that already exists, at whatever version it has; undefined when it does not exist
 * yet (a page opened before the background's first start): the attempt is rolled back, not created.
 */
export function openExistingDatabase(name: string, factory: IDBFactory = indexedDB): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // The background's Dexie may need to upgrade the schema: never stand in its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(undefined);
      } else reject(request.error ?? new Error('could not open the database'));
    };
    request.onblocked = () => reject(new Error('the database is being upgraded'));
  });
}
