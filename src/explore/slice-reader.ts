// Cuts a level into slices (sliceLevel) and reads the states of a LevelSlice in order: the flagged
// (new) candidates of the chunks made by the level before, skipping the first `skip`. Used by the
// coordinator, the expander and the state-limit recount.

import { PackedRows } from "./packed-rows.js";
import type { LevelSlice } from "./parallel-tasks.js";

/** A cursor over a slice: call `next()`, then read the current state and its origin. */
export class SliceReader {
  /** The current state's parent rank and step ordinal (valid after `next()` answered true). */
  parentRank = 0;
  ordinal = 0;
  private readonly flags: Uint8Array;
  private source = -1;
  private row = -1;
  private count = 0;
  private flagOffset = 0;
  private taken = 0;
  private skip: number;
  private rows: PackedRows | undefined;
  private origins: PackedRows | undefined;

  constructor(private readonly slice: LevelSlice) {
    this.flags = new Uint8Array(slice.flags.buffer, slice.flags.offset, slice.flags.length);
    this.skip = slice.skip;
  }

  /** Moves to the next state of the slice; false when all `take` states were read. */
  next(): boolean {
    if (this.taken === this.slice.take) return false;
    for (;;) {
      this.row++;
      while (this.row >= this.count) {
        if (!this.nextSource()) throw new Error(`internal: a level slice has fewer than ${this.slice.take} states`);
      }
      this.parentRank += this.origins!.read(this.row, 0);
      if (this.flags[this.flagOffset + this.row] === 0) continue;
      if (this.skip > 0) {
        this.skip--;
        continue;
      }
      this.taken++;
      this.ordinal = this.origins!.read(this.row, 1);
      return true;
    }
  }

  /** Writes the current state into `out`. */
  readState(out: Int32Array): void {
    this.rows!.readRow(this.row, out, 0);
  }

  private nextSource(): boolean {
    const source = this.slice.sources[++this.source];
    if (source === undefined) return false;
    this.rows = new PackedRows(source.states);
    this.origins = new PackedRows(source.origins);
    this.parentRank = source.originBase;
    this.count = source.count;
    this.flagOffset = source.flagOffset;
    this.row = 0;
    return true;
  }
}

/** One chunk of a level: its sources are `first..last`; it skips `skip` new states, then takes `take`. */
export interface ChunkSlice {
  readonly first: number;
  readonly last: number;
  readonly skip: number;
  readonly take: number;
  /** The rank of its first state in the level. */
  readonly start: number;
}

/**
 * Cuts a level of `size` states, `winners[i]` of them in source i, into the chunks that start at
 * `starts` (ascending ranks from 0; the last chunk runs to `size`). A function of its arguments only.
 */
export function sliceLevel(winners: readonly number[], size: number, starts: readonly number[]): ChunkSlice[] {
  const before: number[] = [];
  let sum = 0;
  for (const w of winners) {
    before.push(sum);
    sum += w;
  }
  return starts.map((start, j) => {
    const take = (starts[j + 1] ?? size) - start;
    let first = 0;
    while (before[first]! + winners[first]! <= start) first++;
    let last = first;
    while (before[last]! + winners[last]! < start + take) last++;
    return { first, last, skip: start - before[first]!, take, start };
  });
}
