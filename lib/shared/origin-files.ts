/**
 * Files in the extension origin's private file system (OPFS, `navigator.storage.getDirectory()`). Only
 * the extension's own pages and worker can open them: content scripts run in the web page's origin, so
 * neither they nor the page can reach these files (unlike `storage.local`, which every content script of
 * the extension may read and write). They are kept apart from IndexedDB's files: Chromium's recovery
 * from a damaged database deletes the database's files, not these. They share the origin's storage with
 * the database, though: a browser that clears the extension's site data clears both.
 */

/** The slice of `StorageManager` used here (absent where the browser has no OPFS). */
export interface FileSystemRoot {
  getDirectory(): Promise<FileSystemDirectoryHandle>;
}

export interface OriginFiles {
  /** The file's text; undefined when there is no such file. */
  read(name: string): Promise<string | undefined>;
  /** Replaces the file whole: a write that fails (a full disk) leaves the previous text. */
  write(name: string, text: string): Promise<void>;
  /** Deletes the file, waiting out a write in progress; no file is no error. */
  remove(name: string): Promise<void>;
}

const isNotFound = (error: unknown) => error instanceof DOMException && error.name === 'NotFoundError';

/**
 * A file being written cannot be removed until its writer closes (Chromium: NoModificationAllowedError,
 * seen when "Clear the cache" met the marks' backup being written): removal is tried again this many
 * times, `REMOVE_RETRY_MS` apart, longer each time (a write takes milliseconds).
 */
const REMOVE_ATTEMPTS = 5;
const REMOVE_RETRY_MS = 50;
const isLocked = (error: unknown) => error instanceof DOMException && error.name === 'NoModificationAllowedError';

/** The origin's files; `root` undefined (no OPFS): every call fails, and the caller decides what that means. */
export function originFiles(root: FileSystemRoot | undefined = globalThis.navigator?.storage): OriginFiles {
  const directory = async () => {
    if (!root?.getDirectory) throw new Error('this browser has no private file system for the extension');
    return root.getDirectory();
  };
  return {
    async read(name) {
      try {
        const file = await (await (await directory()).getFileHandle(name)).getFile();
        return await file.text();
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async write(name, text) {
      const handle = await (await directory()).getFileHandle(name, { create: true });
      // The browser writes to a copy and swaps it in on close: an aborted write leaves the file as it was.
      const writable = await handle.createWritable();
      try {
        await writable.write(text);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    async remove(name) {
      for (let attempt = 1; ; attempt++) {
        try {
          await (await directory()).removeEntry(name);
          return;
        } catch (error) {
          if (isNotFound(error)) return;
          if (!isLocked(error) || attempt >= REMOVE_ATTEMPTS) throw error;
          await new Promise((wait) => setTimeout(wait, REMOVE_RETRY_MS * attempt));
        }
      }
    },
  };
}
