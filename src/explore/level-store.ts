// What the parallel explorer keeps of past levels: for every state, by (level, rank), its parent's
// rank in the level before and the ordinal of the step from it, in packed pages; enough to
// rebuild any replay path. The pages of states themselves belong to the level being expanded.

import type { Region } from "./arena.js";
import { PackedRows } from "./packed-rows.js";

/** States per chunk (page) below which a level is not split further. */
const MIN_CHUNK = 256;
/** States per chunk at most: bigger chunks dedupe more successors locally. */
const MAX_CHUNK = 16384;
/** A level is cut into about this many chunks (when within the bounds above). */
const TARGET_CHUNKS = 64;

/**
 * The chunk size of a level of `size` states: a power of two, a function of the size alone (never
 * of the worker count), so that the chunks, and hence the results, are the same for any worker count.
 */
export function chunkSizeFor(size: number): number {
  let chunk = MIN_CHUNK;
  while (chunk < MAX_CHUNK && chunk * TARGET_CHUNKS < size) chunk *= 2;
  return chunk;
}

/**
 * Where the chunks of a level of `size` states start (ranks, ascending from 0): chunks of
 * `chunkSizeFor(size)`, and a quarter of that for the last two chunks' worth, so that the level's
 * last tasks are short and threads wait less for each other. A function of `size` alone.
 */
export function chunkStarts(size: number): number[] {
  const chunk = chunkSizeFor(size);
  const tail = Math.max(MIN_CHUNK, chunk >>> 2);
  const starts: number[] = [];
  for (let at = 0; at < size; at += size - at <= 2 * chunk ? tail : chunk) starts.push(at);
  return starts;
}

interface StoredLevel {
  /** The first rank of each page (as chunkStarts gives them). */
  readonly starts: readonly number[];
  /**
   * Packed pages of (parent rank delta, ordinal): the parent rank of row i of page j is
   * `bases[j]` plus the deltas of rows 0..i. A parent rank of -1 marks an initial state.
   */
  readonly parents: Region[];
  readonly bases: number[];
}

/** Parent pointers of every level found so far, level 0 (the initial states) first. */
export class LevelStore {
  private readonly levels: StoredLevel[] = [];

  /** Number of levels stored. */
  get depth(): number {
    return this.levels.length;
  }

  /** Bytes held by the parent pages. */
  get bytes(): number {
    let total = 0;
    for (const level of this.levels) for (const page of level.parents) total += page.length;
    return total;
  }

  /** Appends a level: where its pages start, its parent pages (page j from rank starts[j]) and their bases. */
  push(starts: readonly number[], parents: Region[], bases: number[]): void {
    this.levels.push({ starts, parents, bases });
  }

  /** The replay path of the state at `rank` in `level`: its initial-state position, then each step's ordinal. */
  pathTo(level: number, rank: number): number[] {
    const path: number[] = [];
    let r = rank;
    for (let l = level; l >= 0; l--) {
      const stored = this.levels[l];
      const j = stored === undefined ? -1 : pageOf(stored.starts, r);
      const page = stored?.parents[j];
      if (stored === undefined || page === undefined) throw new Error(`internal: no state ${r} at level ${l}`);
      const rows = new PackedRows(page);
      const row = r - stored.starts[j]!;
      path.push(rows.read(row, 1));
      let parent = stored.bases[j]!;
      for (let i = 0; i <= row; i++) parent += rows.read(i, 0);
      r = parent;
    }
    return path.reverse();
  }
}

/** The index of the last start <= rank (binary search). */
function pageOf(starts: readonly number[], rank: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= rank) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
