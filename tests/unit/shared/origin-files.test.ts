import { describe, expect, it } from 'vitest';
import { originFiles } from '../../../lib/shared/origin-files';
import { fakeFileSystem } from '../support/fake-file-system';

describe('originFiles', () => {
  it('reads what it wrote, replaces it whole, and reads nothing once removed', async () => {
    const fs = fakeFileSystem();
    const files = originFiles(fs.root);
    expect(await files.read('copy.json')).toBeUndefined();
    await files.write('copy.json', '{"a":1}');
    await files.write('copy.json', '{"b":2}');
    expect(await files.read('copy.json')).toBe('{"b":2}');
    await files.remove('copy.json');
    expect(await files.read('copy.json')).toBeUndefined();
    await expect(files.remove('copy.json')).resolves.toBeUndefined();
  });

  it('keeps the previous text when a write fails, and says it failed', async () => {
    const fs = fakeFileSystem();
    const files = originFiles(fs.root);
    await files.write('copy.json', 'before');
    fs.failWrites();
    await expect(files.write('copy.json', 'after')).rejects.toThrow('The disk is full.');
    expect(await files.read('copy.json')).toBe('before');
  });

  it('removes a file that is being written once its writer is done, and gives up on one that stays locked', async () => {
    const locked = (times: number) => {
      let removed = false;
      let left = times;
      const root = {
        getDirectory: async () =>
          ({
            removeEntry: async () => {
              if (left-- > 0) throw new DOMException('An attempt was made to modify an object where modifications are not allowed.', 'NoModificationAllowedError');
              removed = true;
            },
          }) as unknown as FileSystemDirectoryHandle,
      };
      return { files: originFiles(root), removed: () => removed };
    };
    const briefly = locked(2);
    await briefly.files.remove('copy.json');
    expect(briefly.removed()).toBe(true);
    const always = locked(Infinity);
    await expect(always.files.remove('copy.json')).rejects.toThrow('modifications are not allowed');
    expect(always.removed()).toBe(false);
  });

  it('fails every call where the browser has no such file system', async () => {
    const files = originFiles({} as never);
    await expect(files.read('copy.json')).rejects.toThrow('no private file system');
    await expect(files.write('copy.json', 'x')).rejects.toThrow('no private file system');
  });
});
