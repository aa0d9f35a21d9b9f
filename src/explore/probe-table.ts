// The open-addressing table shared by the seen-sets: fingerprint-set.ts (one thread, a plain
// Int32Array) and partitioned-set.ts (shared memory, grown in place). A table is an Int32Array of
// (hi, lo) pairs, a power of two of slots; (0, 0) marks an empty slot; probing is linear from
// `lo & mask`. Small functions, so that V8 inlines them into the hot loops that call them, and
// GrowingTable: the add-and-double logic both seen-sets share.

/** Int32 words per 64-byte cache line. */
const WORDS_PER_LINE = 16;
/** Where GrowingTable.warm puts what it read, so that the reads are not optimized away. */
let warmed = 0;

/** What adding a fingerprint did. A number so the hot path compares small integers. */
export const AddResult = {
  /** The fingerprint was already in the set; nothing changed. */
  Present: 0,
  /** The fingerprint was new and is now in the set. */
  Added: 1,
  /** The fingerprint was new but the set is full (the memory cap forbids growing); not added. */
  Full: 2,
} as const;
export type AddResult = (typeof AddResult)[keyof typeof AddResult];

/**
 * The slot of (hi, lo) in `table` (`mask` = slots - 1): `~slot` (negative) when the pair is
 * there, else the empty slot (>= 0) where it would go.
 */
export function probe(table: Int32Array, mask: number, hi: number, lo: number): number {
  let slot = lo & mask;
  for (;;) {
    const at = slot << 1;
    const h = table[at]!;
    const l = table[at + 1]!;
    if ((h | l) === 0) return slot;
    if (h === hi && l === lo) return ~slot;
    slot = (slot + 1) & mask;
  }
}

/** True when the table (of `table.length / 2` slots) holds (hi, lo). */
export function tableHas(table: Int32Array, hi: number, lo: number): boolean {
  return probe(table, (table.length >>> 1) - 1, hi, lo) < 0;
}

/** Writes (hi, lo) into `slot` (an empty slot that `probe` answered). */
export function place(table: Int32Array, slot: number, hi: number, lo: number): void {
  table[slot << 1] = hi;
  table[(slot << 1) + 1] = lo;
}

/** Places (hi, lo), known to be absent and not (0, 0), into the first empty slot of its probe. */
export function placeAbsent(table: Int32Array, mask: number, hi: number, lo: number): void {
  let slot = lo & mask;
  while ((table[slot << 1]! | table[(slot << 1) + 1]!) !== 0) slot = (slot + 1) & mask;
  place(table, slot, hi, lo);
}

/** Re-inserts the pairs of the first `length` words of `from` into `table` (for a grown table). */
export function rehash(from: Int32Array, length: number, table: Int32Array, mask: number): void {
  for (let at = 0; at < length; at += 2) {
    const h = from[at]!;
    const l = from[at + 1]!;
    if ((h | l) !== 0) placeAbsent(table, mask, h, l);
  }
}

/** A bigger empty table, and where the old contents are (its first `oldLength` words), for rehash. */
export interface Enlarged {
  readonly table: Int32Array;
  readonly old: Int32Array;
  readonly oldLength: number;
}

/**
 * A table that doubles when its load passes `maxLoad`, unless that would pass `maxBytes`.
 * Subclasses say where the bigger table lives (`enlarge`); adding is the same for all.
 */
export abstract class GrowingTable {
  /** Bytes the table may grow to. */
  maxBytes: number;
  protected table: Int32Array;
  protected mask: number;
  private entries: number;
  private growAt: number;

  constructor(table: Int32Array, entries: number, maxBytes: number, private readonly maxLoad: number) {
    this.table = table;
    this.mask = (table.length >>> 1) - 1;
    this.entries = entries;
    this.maxBytes = maxBytes;
    this.growAt = Math.floor((this.mask + 1) * maxLoad);
  }

  /** Number of pairs in the table. */
  get count(): number {
    return this.entries;
  }

  /** Number of slots of the table now (a power of two). */
  get slots(): number {
    return this.mask + 1;
  }

  /** Adds (hi, lo), which must not be (0, 0); says whether it was new, present, or did not fit. */
  protected addPair(hi: number, lo: number): AddResult {
    const slot = probe(this.table, this.mask, hi, lo);
    if (slot < 0) return AddResult.Present;
    if (this.entries >= this.growAt) {
      if (!this.grow()) return AddResult.Full;
      placeAbsent(this.table, this.mask, hi, lo);
    } else {
      place(this.table, slot, hi, lo);
    }
    this.entries++;
    return AddResult.Added;
  }

  /**
   * Reads the slots [from, from + count) one cache line at a time, in address order, so that a
   * burst of adds into them finds their lines in cache (sequential reads are prefetched by the
   * hardware; a random add alone waits for memory).
   */
  warm(from: number, count: number): void {
    const table = this.table;
    const end = Math.min(from + count, this.mask + 1) << 1;
    let sink = 0;
    for (let at = from << 1; at < end; at += WORDS_PER_LINE) sink ^= table[at]!;
    warmed ^= sink;
  }

  /** An empty table of `slots` slots and the old contents, or undefined when memory forbids it. */
  protected abstract enlarge(slots: number): Enlarged | undefined;

  /** Doubles the table; false (and no change) when the cap or the allocator forbids it. */
  private grow(): boolean {
    const slots = (this.mask + 1) * 2;
    if (slots * 8 > this.maxBytes) return false;
    const enlarged = this.enlarge(slots);
    if (enlarged === undefined) return false;
    this.table = enlarged.table;
    this.mask = slots - 1;
    this.growAt = Math.floor(slots * this.maxLoad);
    rehash(enlarged.old, enlarged.oldLength, this.table, this.mask);
    return true;
  }
}
