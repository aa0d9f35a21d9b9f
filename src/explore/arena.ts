// Shared memory that is reused instead of dropped: growable SharedArrayBuffers and bump arenas
// over them. Dropped SharedArrayBuffers are freed only when every thread has collected its
// handle, which can take long, so the parallel explorer keeps memory in place and says where.

/** A byte range of a SharedArrayBuffer (offset and length multiples of 8). */
export interface Region {
  readonly buffer: SharedArrayBuffer;
  readonly offset: number;
  readonly length: number;
}

const RESERVE_STEPS = [2 ** 32, 2 ** 30, 2 ** 28];

/** The ES2024 growable SharedArrayBuffer, which the ES2023 typings this project builds with lack. */
interface Growable {
  readonly byteLength: number;
  readonly maxByteLength: number;
  grow(bytes: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;

/** The most bytes `buffer` can grow to. */
function maxBytesOf(buffer: SharedArrayBuffer): number {
  return (buffer as unknown as Growable).maxByteLength;
}

/**
 * A SharedArrayBuffer of `bytes` that can grow in place up to a large reserve (address space
 * only; memory is committed as it grows). Falls back to smaller reserves where address space is
 * scarce.
 */
export function createGrowableBuffer(bytes: number): SharedArrayBuffer {
  for (const reserve of RESERVE_STEPS) {
    try {
      return new GrowableSharedArrayBuffer(bytes, { maxByteLength: Math.max(reserve, bytes) });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return new GrowableSharedArrayBuffer(bytes, { maxByteLength: bytes });
}

/** Grows `buffer` in place to at least `bytes`; false when its reserve or the allocator refuses. */
export function growBuffer(buffer: SharedArrayBuffer, bytes: number): boolean {
  if (buffer.byteLength >= bytes) return true;
  if (bytes > maxBytesOf(buffer)) return false;
  try {
    (buffer as unknown as Growable).grow(bytes);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** An Int32Array over a region (fixed length, so it stays fast however the buffer grows). */
export function int32s(region: Region): Int32Array {
  return new Int32Array(region.buffer, region.offset, region.length >>> 2);
}

/** A region in a new SharedArrayBuffer of its own (for data kept to the end of the search). */
export function ownRegion(bytes: number): Region {
  return { buffer: new SharedArrayBuffer(bytes), offset: 0, length: bytes };
}

const GROW_STEP = 1 << 20;

/**
 * A bump allocator over one growable SharedArrayBuffer. `reset()` makes all space free again (the
 * caller guarantees nobody reads the old regions any more); regions stay valid as it grows.
 */
export class Arena {
  readonly buffer = createGrowableBuffer(0);
  private used = 0;

  /** Bytes in use since the last reset. */
  get size(): number {
    return this.used;
  }

  reset(): void {
    this.used = 0;
  }

  /**
   * A region of `bytes` (rounded up to 8), zeroed when `zero` is true (else it may hold old data).
   * Throws RangeError when the buffer cannot grow.
   */
  alloc(bytes: number, zero = false): Region {
    const length = Math.ceil(bytes / 8) * 8;
    const offset = this.used;
    const end = offset + length;
    if (end > this.buffer.byteLength) {
      const target = Math.min(Math.ceil(end / GROW_STEP) * GROW_STEP, maxBytesOf(this.buffer));
      if (!growBuffer(this.buffer, Math.max(target, end))) throw new RangeError(`cannot grow shared memory to ${end} bytes`);
    }
    if (zero) new Uint8Array(this.buffer, offset, length).fill(0);
    this.used = end;
    return { buffer: this.buffer, offset, length };
  }
}
