/**
 * Every key the extension persists, in one place: where it lives, what it holds and its version. Code
 * reads and writes a value through the constant here (never a string of its own), so a newcomer finds
 * every piece of kept state in this list, and "Clear the cache" and PRIVACY.md can be checked against it
 * (tests/unit/shared/storage-keys.test.ts).
 *
 * Why not WXT's `@wxt-dev/storage` (`defineItem`, versions and migrations built in): content scripts
 * read three of these keys (the site switch, the card copy, the newest badges), and the helper adds ~4 KB gzipped to a
 * content script that must stay under 15 KB; no value has needed a migration yet. A value whose shape
 * changes bumps `version` here and is migrated where it is read.
 */

/**
 * `storage.*` areas of the extension API; `kv` is the database's key-value table; `searchIndex` the database's search index table; `localStorage` the
 * extension origin's; `originFile` a file of the extension origin's private file system (lib/shared/origin-files.ts).
 */
export type KeyArea = 'sync' | 'local' | 'session' | 'kv' | 'searchIndex' | 'localStorage' | 'originFile';

export interface PersistedKey {
  readonly key: string;
  readonly area: KeyArea;
  readonly version: number;
  /** What the value is, and which module owns it. */
  readonly holds: string;
  /** Removed by "Clear the cache" (lib/options/clear-cache.ts); marks only when the person asks. */
  readonly cleared: 'always' | 'with-marks' | 'never';
  /** Keys with this prefix (one per paper), instead of one key. */
  readonly prefix?: true;
}

// The names, as plain constants: a content script importing one does not carry the list below.
export const SETTINGS_KEY = 'settings';
export const LOCAL_WATCH_KEY = 'settingsWatchLocal';
export const CARD_KEY_PREFIX = 'card:';
export const CARD_MIRROR_META_KEY = 'cardMirror';
export const CARD_COLLAPSED_KEY = 'arxivCardCollapsed';
export const NEWEST_BADGES_KEY = 'newestBadges';
export const USER_STATE_BACKUP_FILE = 'user-state-backup.json';
export const LEGACY_USER_STATE_BACKUP_KEY = 'userStateBackup';
export const USER_STATE_RESTORED_KEY = 'userStateRestored';
export const SYNC_STATE_KEY = 'syncState';
export const TRENDING_KEY = 'trending';
export const NOTIFICATION_STATE_KEY = 'notifications';
export const POPUP_OPENED_KEY = 'popupOpened';
export const UI_STATE_KEY = 'dpl-popup-ui';
export const FIRST_SCREEN_KEY = 'dpl-popup-first-screen';
export const HF_SEARCHES_KEY = 'dpl-hf-search';
export const HF_CALL_LIMITS_KEY = 'hfCallLimits';
export const PAPER_LINKS_KEY_PREFIX = 'paperLinks:';
export const PAPER_COMMENTS_KEY_PREFIX = 'paperComments:';
export const CARD_LINKS_OPEN_KEY = 'arxivCardLinksOpen';
export const RELEASE_WATCH_KEY = 'releaseWatch';
export const PRUNE_STATE_KEY = 'pruneState';
export const BADGE_INDEX_KEY = 'badgeIndex';
export const BADGE_INDEX_ASKED_KEY = 'badgeIndexAsked';
export const TITLE_INDEX_KEY = 'titleIndex';
export const DATABASE_ID_KEY = 'databaseId';
export const SEARCH_INDEX_KEY = 'papers';
export const SEARCH_INDEX_META_KEY = 'meta';
export const SEARCH_INDEX_SHARD_PREFIX = 'shard:';

export const PERSISTED = {
  settings: {
    key: SETTINGS_KEY, area: 'sync', version: 1, cleared: 'never',
    holds: "The person's settings (lib/shared/settings.ts); the site switches are also read raw by content scripts (lib/sites/kit/site-switch.ts).",
  },
  localWatch: {
    key: LOCAL_WATCH_KEY, area: 'local', version: 1, cleared: 'never',
    holds: "The watch lists, when they are too long for one synced item (lib/shared/settings.ts `placeSettings`).",
  },
  card: {
    key: CARD_KEY_PREFIX, area: 'local', version: 1, cleared: 'always', prefix: true,
    holds: 'One paper card as a JSON string, per paper of the last 30 days (lib/shared/card-copy.ts; written by lib/background/card-mirror.ts).',
  },
  cardMirror: {
    key: CARD_MIRROR_META_KEY, area: 'local', version: 1, cleared: 'always',
    holds: '`{ from }`: the first day the card copy holds; absent means the copy is written whole again.',
  },
  newestBadges: {
    key: NEWEST_BADGES_KEY, area: 'local', version: 1, cleared: 'always',
    holds: "The newest 1,000 listed papers' badges (`id upvotes comments` lines: lib/shared/badge-index.ts), copied from the background's badge index (lib/background/newest-copy.ts) for the first answer of the badges-only sites and of arXiv's listings of the last days (lib/sites/kit/local-start.ts).",
  },
  cardCollapsed: {
    key: CARD_COLLAPSED_KEY, area: 'local', version: 1, cleared: 'never',
    holds: "Whether the arXiv card's details are hidden (lib/sites/kit/card-state.ts).",
  },
  cardLinksOpen: {
    key: CARD_LINKS_OPEN_KEY, area: 'local', version: 1, cleared: 'never',
    holds: "Whether the arXiv card's list of linked models, datasets and Spaces is open (lib/sites/kit/card-state.ts).",
  },
  paperLinks: {
    key: PAPER_LINKS_KEY_PREFIX, area: 'kv', version: 1, cleared: 'always', prefix: true,
    holds: '`{ at, value }`: the models, datasets and Spaces HF links to a paper whose page was opened, for a day (lib/background/paper-details.ts).',
  },
  paperComments: {
    key: PAPER_COMMENTS_KEY_PREFIX, area: 'kv', version: 1, cleared: 'always', prefix: true,
    holds: "`{ at, value }`: a paper's discussion on HF, threaded, for an hour, once opened on its card (lib/background/paper-details.ts).",
  },
  releaseWatch: {
    key: RELEASE_WATCH_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: '`{ lastRunAt, papers: { [id]: { checkedAt, seen } } }`: what release watch last found on each saved or watched paper (lib/background/notifications/release-watch.ts).',
  },
  userStateBackup: {
    key: USER_STATE_BACKUP_FILE, area: 'originFile', version: 1, cleared: 'with-marks',
    holds: "A copy of the person's saved and read marks, out of content scripts' reach (lib/background/user-state-backup.ts).",
  },
  legacyUserStateBackup: {
    key: LEGACY_USER_STATE_BACKUP_KEY, area: 'local', version: 1, cleared: 'with-marks',
    holds: 'Where 0.2 kept the copy of the marks: removed once the copy is written as a file.',
  },
  userStateRestored: {
    key: USER_STATE_RESTORED_KEY, area: 'local', version: 1, cleared: 'with-marks',
    holds: 'When marks were last restored from their copy into a wiped database.',
  },
  syncState: {
    key: SYNC_STATE_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: 'What the sync tells the popup (lib/shared/sync-state.ts).',
  },
  trending: {
    key: TRENDING_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: "Hugging Face's trending list, as ids (lib/shared/db.ts `TrendingList`).",
  },
  notifications: {
    key: NOTIFICATION_STATE_KEY, area: 'kv', version: 1, cleared: 'with-marks',
    holds: 'Which digests and watch matches were already told (lib/background/notifications/).',
  },
  popupOpened: {
    key: POPUP_OPENED_KEY, area: 'kv', version: 1, cleared: 'never',
    holds: 'When the popup was last opened, for the "New" marks (lib/popup/popup-session.ts).',
  },
  popupUi: {
    key: UI_STATE_KEY, area: 'localStorage', version: 1, cleared: 'always',
    holds: "The popup's view and typed query between openings (lib/popup/popup-view.ts).",
  },
  popupFirstScreen: {
    key: FIRST_SCREEN_KEY, area: 'localStorage', version: 1, cleared: 'always',
    holds: "The popup's first screen as the last opening read it (a day's list without abstracts, the marks of its papers, the sync state), drawn at the next opening until the database answers (lib/popup/kept-first-screen.ts).",
  },
  pruneState: {
    key: PRUNE_STATE_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: "`{ thinnedBefore, at }`: the day before which the last retention run thinned upvote histories, and when it ran (lib/background/prune.ts).",
  },
  databaseId: {
    key: DATABASE_ID_KEY, area: 'kv', version: 1, cleared: 'never',
    holds: "A random id the database gets when it is created (lib/shared/db.ts); the copy of the marks names the database it was taken from, so a database made again is told from one the person emptied (lib/background/user-state-backup.ts).",
  },
  badgeIndex: {
    key: BADGE_INDEX_KEY, area: 'kv', version: 2, cleared: 'always',
    holds: "`{ stamp, index }`: the background's badge index of the retention window, kept so a woken worker answers a listing without reading a year of papers; used only while `stamp` matches the tables (lib/background/stored-papers.ts). Version 2: the lines sorted by id (a page finds an id by binary search); the stamp starts with the format, so a version 1 copy never matches and is built again.",
  },
  badgeIndexAsked: {
    key: BADGE_INDEX_ASKED_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: "`{ day, titles? }`: the last UTC day a page asked for the badge index, and for the title index (days, never a time or a site), so a sync fills them again only for a person whose pages use them (lib/background/stored-papers.ts `refillAfterSync`).",
  },
  titleIndex: {
    key: TITLE_INDEX_KEY, area: 'kv', version: 1, cleared: 'always',
    holds: "`{ stamp, titles }`: the title index (lib/shared/title-index.ts) of the same papers as the badge index, kept so a woken worker answers an X or Scholar page without reading a year of papers; used only while `stamp` is the badge index's (lib/background/stored-papers.ts).",
  },
  hfCallLimits: {
    key: HF_CALL_LIMITS_KEY, area: 'session', version: 1, cleared: 'never',
    holds: "HF's last \"wait until\" (a 429) and the budget of calls pages may cause: when the last hour's were made (lib/background/hf/call-limits.ts). Memory only, gone with the browser; kept through a cache clear so it cannot reset the limit.",
  },
  hfSearches: {
    key: HF_SEARCHES_KEY, area: 'localStorage', version: 1, cleared: 'always',
    holds: 'The last "search all of Hugging Face" queries and their results (lib/popup/search/remote-search.ts).',
  },
  searchIndex: {
    key: SEARCH_INDEX_KEY, area: 'searchIndex', version: 1, cleared: 'always',
    holds: 'The search index over every stored paper, its base: the papers\' ids, upvotes and flags, and its shards\' keys (lib/shared/search/stored-index.ts `StoredIndexBase`; its own `format` versions it), kept by lib/background/search-index.ts, read by the popup.',
  },
  searchIndexShards: {
    key: SEARCH_INDEX_SHARD_PREFIX, area: 'searchIndex', version: 1, cleared: 'always', prefix: true,
    holds: 'One per first letter of the indexed words: those words and their posting lists (lib/shared/search/stored-index.ts `StoredIndexShard`), written with the index (the `searchIndex` row, its base) in one transaction.',
  },
  searchIndexMeta: {
    key: SEARCH_INDEX_META_KEY, area: 'searchIndex', version: 1, cleared: 'always',
    holds: '`{ format, papers, version }`: what the stored search index holds, checked by a waking worker without reading the index.',
  },
} as const satisfies Record<string, PersistedKey>;
