/** An in-memory stand-in for the origin private file system: the part lib/shared/origin-files.ts uses. */
import type { FileSystemRoot } from '../../../lib/shared/origin-files';

export function fakeFileSystem() {
  const files = new Map<string, string>();
  let writesFail = false;
  const notFound = () => new DOMException('A requested file or directory could not be found.', 'NotFoundError');
  const directory = {
    async getFileHandle(name: string, options?: { create?: boolean }) {
      if (!files.has(name)) {
        if (!options?.create) throw notFound();
        files.set(name, '');
      }
      return {
        async getFile() {
          const text = files.get(name);
          if (text === undefined) throw notFound();
          return { text: async () => text };
        },
        // Like the browser: written to a copy, swapped in on close; an aborted write changes nothing.
        async createWritable() {
          let pending = '';
          return {
            async write(text: string) {
              if (writesFail) throw new DOMException('The disk is full.', 'QuotaExceededError');
              pending += text;
            },
            async close() {
              files.set(name, pending);
            },
            async abort() {},
          };
        },
      };
    },
    async removeEntry(name: string) {
      if (!files.delete(name)) throw notFound();
    },
  };
  return {
    root: { getDirectory: async () => directory as unknown as FileSystemDirectoryHandle } satisfies FileSystemRoot,
    /** The files' texts, by name. */
    files,
    /** From now on, every write fails as on a full disk. */
    failWrites(fail = true) {
      writesFail = fail;
    },
  };
}
