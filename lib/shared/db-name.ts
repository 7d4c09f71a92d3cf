/** The name of the extension's IndexedDB database (apart from ./db.ts so pages can name it without Dexie). */
export const DATABASE_NAME = 'daily-papers-lens';
