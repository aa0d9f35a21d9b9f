// The seen-set of the BFS: open addressing with linear probing over an Int32Array of
// (hi, lo) fingerprint pairs, in the manner of TLC's FPSet. It stores fingerprints only; which
// state a fingerprint came from is the frontier's business. The probing itself is probe-table.ts's.

import { GrowingTable, tableHas, type AddResult, type Enlarged } from "./probe-table.js";

export { AddResult } from "./probe-table.js";

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

/**
 * A set of 64-bit fingerprints given as two 32-bit halves (signed or unsigned: only the low 32
 * bits of each number matter). Linear probing from `lo & mask`; the table doubles when its load
 * passes `maxLoad`. Membership does not depend on insertion order.
 */
export class FingerprintSet extends GrowingTable {
  constructor(options: FingerprintSetOptions = {}) {
    let capacity = 16;
    while (capacity < (options.initialCapacity ?? 1024)) capacity *= 2;
    const maxLoad = Math.min(Math.max(options.maxLoad ?? 0.7, 0.05), 0.95);
    super(new Int32Array(capacity * 2), 0, options.maxBytes ?? Number.POSITIVE_INFINITY, maxLoad);
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
    return this.slots;
  }

  /** Adds the fingerprint (hi, lo); says whether it was new, already present, or did not fit. */
  add(hi: number, lo: number): AddResult {
    if ((hi | lo) === 0) return this.addPair(REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
    return this.addPair(hi | 0, lo | 0);
  }

  /** True when the fingerprint (hi, lo) is in the set. */
  has(hi: number, lo: number): boolean {
    if ((hi | lo) === 0) return tableHas(this.table, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
    return tableHas(this.table, hi | 0, lo | 0);
  }

  /** A new array (the old one is rehashed from); undefined when it cannot be allocated. */
  protected enlarge(slots: number): Enlarged | undefined {
    try {
      return { table: new Int32Array(slots * 2), old: this.table, oldLength: this.table.length };
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }
}
