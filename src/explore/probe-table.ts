// The open-addressing table shared by the seen-sets: fingerprint-set.ts (one thread, a plain
// Int32Array) and partitioned-set.ts (shared memory, grown in place). A table is an Int32Array of
// (hi, lo) pairs, a power of two of slots; (0, 0) marks an empty slot; probing is linear from
// `lo & mask`. Small functions, so that V8 inlines them into the hot loops that call them.

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
