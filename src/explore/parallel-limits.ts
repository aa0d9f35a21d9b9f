// The `maxStates` stop of the parallel BFS, placed exactly where explore() would stop: the first
// new state past the limit, in BFS order, with the counters explore() has at that moment. Rare
// path: it re-runs part of one chunk on this thread.

import { EvaluationError, type Model } from "../compile/model.js";
import { PackedRows } from "./packed-rows.js";
import type { ExpandResult, LevelSlice } from "./parallel-tasks.js";
import { SliceReader } from "./slice-reader.js";

/** Where the state limit stops a level: the candidate that would be the first state too many. */
export interface StateLimitAt {
  /** Index of the chunk, in the level, holding that candidate. */
  readonly chunk: number;
  /** Rank of its parent in the level, and the ordinal of the step from it. */
  readonly rank: number;
  readonly ordinal: number;
  /** Calls `visit` with the state of every candidate of that chunk before it, in order. */
  forEachBefore(stateSize: number, visit: (state: Int32Array) => void): void;
}

/**
 * Finds the (room + 1)-th new state of the level, in chunk order (`winners` sums past `room`);
 * `firstRanks[c]` is the rank of chunk c's first state (the base of its origins).
 */
export function locateStateLimit(
  used: readonly ExpandResult[],
  firstRanks: readonly number[],
  winners: readonly number[],
  flags: Uint8Array,
  flagOffsets: readonly number[],
  room: number,
): StateLimitAt {
  let left = room;
  let chunk = 0;
  while (winners[chunk]! <= left) left -= winners[chunk++]!;
  const result = used[chunk]!;
  const firstRank = firstRanks[chunk]!;
  const offset = flagOffsets[chunk]!;
  let k = 0;
  for (; k < result.candidates; k++) {
    if (flags[offset + k] === 0) continue;
    if (left === 0) break;
    left--;
  }
  const origins = new PackedRows(result.origins);
  const at = k;
  let rank = firstRank;
  for (let i = 0; i <= at; i++) rank += origins.read(i, 0);
  return {
    chunk,
    rank,
    ordinal: origins.read(at, 1),
    forEachBefore(stateSize, visit) {
      const rows = new PackedRows(result.states);
      const state = new Int32Array(stateSize);
      for (let i = 0; i < at; i++) {
        rows.readRow(i, state, 0);
        visit(state);
      }
    },
  };
}

const CUT = Symbol("cut");

/**
 * Re-expands the states of a chunk (a slice whose first state has rank `firstRank`) up to the
 * step (`rank`, `ordinal`) included, adding each emitted step to `coverage`; returns how many
 * steps that is. These steps were all checked before, so no property is checked again.
 */
export function recountUpTo(model: Model, slice: LevelSlice, firstRank: number, rank: number, ordinal: number, coverage: Float64Array): number {
  const reader = new SliceReader(slice);
  const state = new Int32Array(model.stateSize);
  let generated = 0;
  for (let r = 0; firstRank + r <= rank && reader.next(); r++) {
    reader.readState(state);
    const isLast = firstRank + r === rank;
    let ord = 0;
    try {
      model.successors(state, (actionId) => {
        if (isLast && ord > ordinal) throw CUT;
        ord++;
        generated++;
        coverage[actionId]!++;
      });
    } catch (error) {
      if (error !== CUT && !(error instanceof EvaluationError)) throw error;
    }
  }
  return generated;
}
