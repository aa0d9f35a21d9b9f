// The parallel explorer's seen-set: PARTITIONS open-addressing tables of (hi, lo) fingerprint
// pairs, each in its own growable SharedArrayBuffer, chosen by the top bits of `hi`. All threads
// read every table; one thread at a time writes a table (its owner during a merge).

import { createGrowableBuffer, growBuffer } from "./arena.js";
import { REMAPPED_ZERO_HI, REMAPPED_ZERO_LO } from "./fingerprint-set.js";
import { GrowingTable, tableHas, type AddResult, type Enlarged } from "./probe-table.js";

export { tableHas } from "./probe-table.js";

/** Number of partitions: fixed, independent of the worker count (so results do not depend on it). */
export const PARTITIONS = 64;
const PARTITION_SHIFT = 26;
const INITIAL_SLOTS = 1024;
const MAX_LOAD = 0.7;

/** The partition of a (normalized) fingerprint. */
export function partitionOf(hi: number): number {
  return hi >>> PARTITION_SHIFT;
}

/**
 * Writes the `count` (hi, lo) pairs of `fps` into `out` as (hi, lo, index) triples grouped by
 * partition, in their order within each partition (a stable counting sort), and answers where
 * each partition's triples start: partition p's are triples starts[p] to starts[p + 1] - 1. Phase
 * A hands its candidates to phase B so, so that an insert task reads only its own partitions'.
 */
export function groupByPartition(fps: Int32Array, count: number, out: Int32Array): number[] {
  const starts = new Int32Array(PARTITIONS + 1);
  for (let k = 0; k < count; k++) starts[partitionOf(fps[k * 2]!) + 1]!++;
  for (let p = 0; p < PARTITIONS; p++) starts[p + 1]! += starts[p]!;
  const next = starts.slice(0, PARTITIONS);
  for (let k = 0; k < count; k++) {
    const hi = fps[k * 2]!;
    const at = next[partitionOf(hi)]!++ * 3;
    out[at] = hi;
    out[at + 1] = fps[k * 2 + 1]!;
    out[at + 2] = k;
  }
  return Array.from(starts);
}

/** Replaces the fingerprint (0, 0), which marks empty slots, as FingerprintSet does. In place. */
export function normalizeFingerprint(fp: Int32Array): void {
  if ((fp[0]! | fp[1]!) === 0) {
    fp[0] = REMAPPED_ZERO_HI;
    fp[1] = REMAPPED_ZERO_LO;
  }
}

/** A fixed-length view of a partition's table as it is now. */
export function tableView(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, 0, buffer.byteLength >>> 2);
}

/** One partition as shared between threads: its table (which grows in place) and its size. */
export interface PartitionRef {
  readonly buffer: SharedArrayBuffer;
  readonly count: number;
}

/** A new empty partition. */
export function createPartition(): PartitionRef {
  return { buffer: createGrowableBuffer(INITIAL_SLOTS * 8), count: 0 };
}

/**
 * The seen-set of explore() when the parallel BFS may take its search over (bfs.ts, createSearch):
 * the same partitions, so that the hand-over needs no copy. Adds and lookups as FingerprintSet's.
 */
export class PartitionedSeenSet {
  private readonly owned: OwnedPartition[];
  private cap: number;

  constructor(maxBytes = Number.POSITIVE_INFINITY) {
    this.cap = maxBytes;
    this.owned = Array.from({ length: PARTITIONS }, () => new OwnedPartition(createPartition(), maxBytes / PARTITIONS));
  }

  /** Bytes the tables may grow to, in all (split evenly between the partitions). */
  get maxBytes(): number {
    return this.cap;
  }

  set maxBytes(bytes: number) {
    this.cap = bytes;
    for (const part of this.owned) part.maxBytes = bytes / PARTITIONS;
  }

  /** Bytes held by the tables. */
  get bytes(): number {
    let total = 0;
    for (const part of this.owned) total += part.buffer.byteLength;
    return total;
  }

  /** Adds the fingerprint (hi, lo); says whether it was new, already present, or did not fit. */
  add(hi: number, lo: number): AddResult {
    if ((hi | lo) === 0) return this.add(REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
    return this.owned[partitionOf(hi)]!.add(hi, lo);
  }

  /** True when the fingerprint (hi, lo) is in the set. */
  has(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) return this.has(REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
    return this.owned[partitionOf(hi)]!.has(hi, lo);
  }

  /** The partitions as shared data (for the parallel BFS). */
  refs(): PartitionRef[] {
    return this.owned.map((part) => part.toRef());
  }
}

/** Where a growing table keeps its old contents while it rehashes (one per thread, reused). */
let rehashScratch = new Int32Array(0);

/**
 * A partition being written by its one owner: adds fingerprints and doubles its table in place
 * when the load passes 0.7, unless that would pass `maxBytes`.
 */
export class OwnedPartition extends GrowingTable {
  readonly buffer: SharedArrayBuffer;

  constructor(ref: PartitionRef, maxBytes: number) {
    super(tableView(ref.buffer), ref.count, maxBytes, MAX_LOAD);
    this.buffer = ref.buffer;
  }

  /** Adds the normalized fingerprint (hi, lo). */
  add(hi: number, lo: number): AddResult {
    return this.addPair(hi, lo);
  }

  /** True when the normalized fingerprint (hi, lo) is in the partition. */
  has(hi: number, lo: number): boolean {
    return tableHas(this.table, hi, lo);
  }

  /** The partition as shared data. */
  toRef(): PartitionRef {
    return { buffer: this.buffer, count: this.count };
  }

  /** The same buffer, grown in place; the old contents wait in this thread's scratch. */
  protected enlarge(slots: number): Enlarged | undefined {
    const oldLength = this.table.length;
    if (rehashScratch.length < oldLength) rehashScratch = new Int32Array(oldLength);
    rehashScratch.set(this.table);
    if (!growBuffer(this.buffer, slots * 8)) return undefined;
    const table = tableView(this.buffer);
    table.fill(0, 0, oldLength);
    return { table, old: rehashScratch, oldLength };
  }
}
