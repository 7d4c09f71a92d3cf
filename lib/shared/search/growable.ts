/**
 * Growable typed arrays and a byte writer for the search index (./local-index.ts): its slots grow by
 * doubling, and its posting lists are written as varint deltas into one buffer.
 */

/** `array`, or a larger copy of it, so that `index` is inside. */
export function grownTo<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T, index: number): T {
  if (index < array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(index + 1, array.length * 2));
  next.set(array);
  return next;
}

/** Bytes appended to a buffer that grows. */
export class ByteWriter {
  private buffer: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  varint(value: number): void {
    this.room(5);
    while (value > 0x7f) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }

  copy(from: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    this.buffer.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.length + bytes, this.buffer.length * 2));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** A copy of `array` twice as long, the new half -1 (no slot). */
export function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2).fill(-1);
  next.set(array);
  return next;
}
