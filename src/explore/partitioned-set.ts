// The parallel explorer's seen-set: PARTITIONS open-addressing tables of (hi, lo) fingerprint
// pairs, each in its own growable SharedArrayBuffer, chosen by the top bits of `hi`. All threads
// read every table; one thread at a time writes a table (its owner during a merge).

import { createGrowableBuffer, growBuffer } from "./arena.js";
import { AddResult, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO } from "./fingerprint-set.js";
import { place, placeAbsent, probe, rehash, tableHas } from "./probe-table.js";

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

/** Where a growing table keeps its old contents while it rehashes (one per thread, reused). */
let rehashScratch = new Int32Array(0);

/**
 * A partition being written by its one owner: adds fingerprints and doubles its table in place
 * when the load passes 0.7, unless that would pass `maxBytes`.
 */
export class OwnedPartition {
  readonly buffer: SharedArrayBuffer;
  count: number;
  private table: Int32Array;
  private mask: number;
  private growAt: number;

  constructor(ref: PartitionRef, private readonly maxBytes: number) {
    this.buffer = ref.buffer;
    this.count = ref.count;
    this.table = tableView(ref.buffer);
    this.mask = (this.table.length >>> 1) - 1;
    this.growAt = Math.floor((this.mask + 1) * MAX_LOAD);
  }

  /** Adds the normalized fingerprint (hi, lo). */
  add(hi: number, lo: number): AddResult {
    const slot = probe(this.table, this.mask, hi, lo);
    if (slot < 0) return AddResult.Present;
    if (this.count >= this.growAt) {
      if (!this.grow()) return AddResult.Full;
      placeAbsent(this.table, this.mask, hi, lo);
    } else {
      place(this.table, slot, hi, lo);
    }
    this.count++;
    return AddResult.Added;
  }

  /** Number of slots of the table now (a power of two). */
  get slots(): number {
    return this.mask + 1;
  }

  /** True when the normalized fingerprint (hi, lo) is in the partition. */
  has(hi: number, lo: number): boolean {
    return tableHas(this.table, hi, lo);
  }

  /** The partition as shared data. */
  toRef(): PartitionRef {
    return { buffer: this.buffer, count: this.count };
  }

  private grow(): boolean {
    const slots = (this.mask + 1) * 2;
    if (slots * 8 > this.maxBytes) return false;
    const oldLength = this.table.length;
    if (rehashScratch.length < oldLength) rehashScratch = new Int32Array(oldLength);
    const old = rehashScratch;
    old.set(this.table);
    if (!growBuffer(this.buffer, slots * 8)) return false;
    this.table = tableView(this.buffer);
    this.table.fill(0, 0, oldLength);
    this.mask = slots - 1;
    this.growAt = Math.floor(slots * MAX_LOAD);
    rehash(old, oldLength, this.table, this.mask);
    return true;
  }
}
