import { describe, expect, it } from 'vitest';
import { ByteWriter, grown, grownTo } from '../../../../lib/shared/search/growable';

/** Reads the varints back, as the index's posting lists are read. */
function varints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of bytes) {
    value |= (byte & 0x7f) << shift;
    shift += 7;
    if (byte & 0x80) continue;
    values.push(value >>> 0);
    value = 0;
    shift = 0;
  }
  return values;
}

describe('ByteWriter', () => {
  it('writes varints of one to five bytes and grows past its first capacity', () => {
    const writer = new ByteWriter(2);
    const values = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 300];
    for (const value of values) writer.varint(value);
    expect(varints(writer.bytes())).toEqual(values);
    expect(writer.length).toBe(1 + 1 + 1 + 2 + 2 + 3 + 5 + 2);
  });

  it('copies a range of other bytes after what it holds', () => {
    const writer = new ByteWriter(1);
    writer.varint(5);
    writer.copy(Uint8Array.from([9, 8, 7, 6]), 1, 3);
    expect([...writer.bytes()]).toEqual([5, 8, 7]);
  });
});

describe('grownTo and grown', () => {
  it('keep an array that already holds the index, else copy it into a larger one', () => {
    const small = Uint32Array.from([1, 2]);
    expect(grownTo(small, 1)).toBe(small);
    const larger = grownTo(small, 9);
    expect(larger).toBeInstanceOf(Uint32Array);
    expect(larger.length).toBe(10);
    expect([...larger.slice(0, 3)]).toEqual([1, 2, 0]);
    expect(grownTo(Int32Array.from([4, 5, 6]), 3).length).toBe(6);
  });

  it('grown doubles an Int32Array and marks the new half -1', () => {
    expect([...grown(Int32Array.from([3, -1, 7]))]).toEqual([3, -1, 7, -1, -1, -1]);
  });
});
