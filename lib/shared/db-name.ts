/** The name of the extension's IndexedDB database and its tables (apart from ./db.ts so pages can name them without Dexie). */
export const DATABASE_NAME = 'daily-papers-lens';

/** The database's tables (./db.ts defines them; tests/unit/shared/db.test.ts keeps the two lists equal). */
export const TABLE_NAMES = ['papers', 'days', 'upvoteHistory', 'userState', 'misses', 'kv', 'searchIndex'] as const;

export type TableName = (typeof TABLE_NAMES)[number];
