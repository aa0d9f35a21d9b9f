// The seen-set of the BFS: open addressing with linear probing over an Int32Array of
// (hi, lo) fingerprint pairs, in the manner of TLC's FPSet. It stores fingerprints only; which
// state a fingerprint came from is the frontier's business. The probing itself is probe-table.ts's.

import { place, placeAbsent, probe, rehash, tableHas } from "./probe-table.js";

/** What `FingerprintSet.add` did. A number so the hot path compares small integers. */
export const AddResult = {
  /** The fingerprint was already in the set; nothing changed. */
  Present: 0,
  /** The fingerprint was new and is now in the set. */
  Added: 1,
  /** The fingerprint was new but the set is full (the memory cap forbids growing); not added. */
  Full: 2,
} as const;
export type AddResult = (typeof AddResult)[keyof typeof AddResult];

export interface FingerprintSetOptions {
  /** Initial number of slots, rounded up to a power of two (at least 16). Default 1024. */
  readonly initialCapacity?: number;
  /** The table may not grow beyond this many bytes; `add` answers `Full` instead. Default: no cap. */
  readonly maxBytes?: number;
  /** Load factor at which the table doubles, in (0, 0.95]. Default 0.7. */
  readonly maxLoad?: number;
}

/**
 * The pair stored for the fingerprint (0, 0), which marks an empty slot. A real fingerprint equal
 * to this pair is then indistinguishable from (0, 0): one more 2^-64 collision, nothing worse.
 */
export const REMAPPED_ZERO_HI = 0x9e3779b9 | 0;
export const REMAPPED_ZERO_LO = 0x7f4a7c15 | 0;

const BYTES_PER_SLOT = 8;

/**
 * A set of 64-bit fingerprints given as two 32-bit halves (signed or unsigned: only the low 32
 * bits of each number matter). Linear probing from `lo & mask`; the table doubles when its load
 * passes `maxLoad`. Membership does not depend on insertion order.
 */
export class FingerprintSet {
  /** Bytes the table may grow to; the BFS lowers it as the rest of the search takes memory. */
  maxBytes: number;
  private table: Int32Array;
  private mask: number;
  private count = 0;
  private growAt: number;
  private readonly maxLoad: number;

  constructor(options: FingerprintSetOptions = {}) {
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.maxLoad = Math.min(Math.max(options.maxLoad ?? 0.7, 0.05), 0.95);
    let capacity = 16;
    while (capacity < (options.initialCapacity ?? 1024)) capacity *= 2;
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.growAt = Math.floor(capacity * this.maxLoad);
  }

  /** Number of fingerprints in the set. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Number of slots (a power of two). */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Adds the fingerprint (hi, lo); says whether it was new, already present, or did not fit. */
  add(hi: number, lo: number): AddResult {
    hi |= 0;
    lo |= 0;
    if ((hi | lo) === 0) {
      hi = REMAPPED_ZERO_HI;
      lo = REMAPPED_ZERO_LO;
    }
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

  /** True when the fingerprint (hi, lo) is in the set. */
  has(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) return tableHas(this.table, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
    return tableHas(this.table, hi | 0, lo | 0);
  }

  /** Doubles the table; false (and no change) when the cap or the allocator forbids it. */
  private grow(): boolean {
    const capacity = (this.mask + 1) * 2;
    if (capacity * BYTES_PER_SLOT > this.maxBytes) return false;
    let next: Int32Array;
    try {
      next = new Int32Array(capacity * 2);
    } catch (error) {
      if (error instanceof RangeError) return false;
      throw error;
    }
    const old = this.table;
    this.table = next;
    this.mask = capacity - 1;
    this.growAt = Math.floor(capacity * this.maxLoad);
    rehash(old, old.length, next, this.mask);
    return true;
  }
}
