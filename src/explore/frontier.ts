// Storage for level-synchronous BFS: the current and next level as chunks of flat Int32Array
// records, and a parent pointer for every distinct state, all in typed arrays (no object per
// state). What to store and when is decided by bfs.ts.

/** Records per level chunk once chunks reach full size; the first chunks are smaller. */
const LEVEL_CHUNK_RECORDS = 1 << 16;
const FIRST_LEVEL_CHUNK_RECORDS = 256;
/** Parent entries per parent chunk: index i lives in chunk `i >>> PARENT_SHIFT`. */
const PARENT_SHIFT = 16;
const PARENT_CHUNK = 1 << PARENT_SHIFT;
const FIRST_PARENT_CHUNK = 1024;

const EMPTY = new Int32Array(0);

/** Allocates an Int32Array, or returns undefined when the allocator refuses (out of memory). */
function tryAllocate(length: number): Int32Array | undefined {
  try {
    return new Int32Array(length);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * One BFS level: a sequence of records `[globalIndex, slot0, ..., slotN-1]` stored in chunks.
 * Each chunk is a flat Int32Array holding `lengths[c]` records, so a level can be split into
 * ranges (or whole chunks transferred to a worker) without copying. Records keep push order.
 */
export class LevelBuffer {
  /** Int32 slots per record: the state's global index, then its `stateSize` slots. */
  readonly recordSize: number;
  /** The chunks; chunk c holds `lengths[c]` records from offset 0. */
  readonly chunks: Int32Array[] = [];
  /** Number of records in each chunk. */
  readonly lengths: number[] = [];
  private count = 0;
  private tail: Int32Array | undefined;
  private tailRecords = 0;
  private tailCapacity = 0;

  constructor(readonly stateSize: number) {
    this.recordSize = stateSize + 1;
  }

  /** Number of records in the level. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the chunks. */
  get bytes(): number {
    let total = 0;
    for (const chunk of this.chunks) total += chunk.byteLength;
    return total;
  }

  /**
   * Appends a record: `index`, then the first `stateSize` slots of `state` (copied).
   * Returns false, storing nothing, when a new chunk cannot be allocated.
   */
  push(index: number, state: Int32Array): boolean {
    if (this.tailRecords === this.tailCapacity && !this.addChunk()) return false;
    const tail = this.tail!;
    const size = this.stateSize;
    let at = this.tailRecords * this.recordSize;
    tail[at++] = index;
    for (let i = 0; i < size; i++) tail[at + i] = state[i]!;
    this.tailRecords++;
    this.lengths[this.lengths.length - 1] = this.tailRecords;
    this.count++;
    return true;
  }

  /**
   * Frees chunk `c` once it has been read (its records stay counted in `size` and `lengths`), so
   * a level being expanded gives its memory back as it goes.
   */
  releaseChunk(c: number): void {
    if (c < this.chunks.length && this.chunks[c] !== this.tail) this.chunks[c] = EMPTY;
  }

  /** Drops every record (and the chunks). */
  clear(): void {
    this.chunks.length = 0;
    this.lengths.length = 0;
    this.count = 0;
    this.tail = undefined;
    this.tailRecords = 0;
    this.tailCapacity = 0;
  }

  private addChunk(): boolean {
    const records =
      this.tailCapacity === 0 ? FIRST_LEVEL_CHUNK_RECORDS : Math.min(this.tailCapacity * 2, LEVEL_CHUNK_RECORDS);
    const chunk = tryAllocate(records * this.recordSize);
    if (chunk === undefined) return false;
    this.chunks.push(chunk);
    this.lengths.push(0);
    this.tail = chunk;
    this.tailRecords = 0;
    this.tailCapacity = records;
    return true;
  }
}

/**
 * For every distinct state, by global index (discovery order): its parent's global index (-1 for
 * an initial state) and the ordinal of the step from the parent (for an initial state: its
 * position in `Model.initialStates()`). Stored as interleaved pairs in chunks of 2^16 entries.
 */
export class ParentTable {
  private readonly chunks: Int32Array[] = [];
  private count = 0;

  /** Number of states recorded. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the chunks. */
  get bytes(): number {
    let total = 0;
    for (const chunk of this.chunks) total += chunk.byteLength;
    return total;
  }

  /** Records a new state; returns its global index, or -1 when memory cannot be allocated. */
  push(parent: number, ordinal: number): number {
    const index = this.count;
    const c = index >>> PARENT_SHIFT;
    const offset = (index & (PARENT_CHUNK - 1)) << 1;
    let chunk = this.chunks[c];
    if (chunk === undefined || offset >= chunk.length) {
      const grown = this.growChunk(c, chunk);
      if (grown === undefined) return -1;
      chunk = grown;
    }
    chunk[offset] = parent;
    chunk[offset + 1] = ordinal;
    this.count++;
    return index;
  }

  /** The parent's global index of state `index`, or -1 for an initial state. */
  parentOf(index: number): number {
    return this.chunks[index >>> PARENT_SHIFT]![(index & (PARENT_CHUNK - 1)) << 1]!;
  }

  /** The ordinal of the step that discovered state `index` (or its initial-state position). */
  ordinalOf(index: number): number {
    return this.chunks[index >>> PARENT_SHIFT]![((index & (PARENT_CHUNK - 1)) << 1) + 1]!;
  }

  /**
   * The replay path of state `index`: its initial-state position, then the ordinal of every step
   * from there. Its length is the state's BFS depth + 1.
   */
  pathTo(index: number): number[] {
    const path: number[] = [];
    for (let i = index; i >= 0; i = this.parentOf(i)) path.push(this.ordinalOf(i));
    return path.reverse();
  }

  /** Chunk 0 starts small and doubles up to full size; later chunks are allocated full. */
  private growChunk(c: number, chunk: Int32Array | undefined): Int32Array | undefined {
    const full = PARENT_CHUNK * 2;
    const length = c === 0 ? Math.min(Math.max((chunk?.length ?? 0) * 2, FIRST_PARENT_CHUNK * 2), full) : full;
    const grown = tryAllocate(length);
    if (grown === undefined) return undefined;
    if (chunk !== undefined) grown.set(chunk);
    this.chunks[c] = grown;
    return grown;
  }
}

/**
 * The BFS frontier: the level being expanded (`current`), the level being filled (`next`), and
 * the parent table of every distinct state found so far.
 */
export class Frontier {
  current: LevelBuffer;
  next: LevelBuffer;
  readonly parents = new ParentTable();

  constructor(readonly stateSize: number) {
    this.current = new LevelBuffer(stateSize);
    this.next = new LevelBuffer(stateSize);
  }

  /** Makes the next level current and starts an empty next level. */
  advance(): void {
    const done = this.current;
    done.clear();
    this.current = this.next;
    this.next = done;
  }

  /** Bytes held by both levels and the parent table. */
  get bytes(): number {
    return this.current.bytes + this.next.bytes + this.parents.bytes;
  }
}
