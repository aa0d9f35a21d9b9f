// The parallel BFS going on from where explore() stopped between two levels (bfs.ts, createSearch
// with a HandOver and a PartitionedSeenSet): explore()'s parent table and next level in
// parallel-bfs.ts's terms; its seen-set is already the level search's partitions.

import { ownRegion, type Region } from "./arena.js";
import type { SearchSnapshot } from "./bfs.js";
import { chunkStarts } from "./level-store.js";
import { packRows } from "./packed-rows.js";
import { PartitionedSeenSet, type PartitionRef } from "./partitioned-set.js";
import type { CandidateSource } from "./parallel-tasks.js";

/** A level of explore()'s past as parallel-bfs.ts stores it (LevelStore.push's arguments). */
export interface StoredPages {
  readonly starts: number[];
  readonly parents: Region[];
  readonly bases: number[];
}

export interface HandedLevels {
  /** The seen-set's partitions. */
  readonly parts: PartitionRef[];
  /** Levels 0 to `snapshot.level - 1`: their parent pages. */
  readonly past: StoredPages[];
  /** The level to expand next, as the only source of its states (all flagged). */
  readonly source: CandidateSource;
  readonly flags: Region;
  readonly size: number;
}

/**
 * Converts `snapshot` (taken before level `snapshot.level` is expanded), whose seen-set must be a
 * PartitionedSeenSet: its partitions are taken as they are.
 */
export function handOverLevels(snapshot: SearchSnapshot): HandedLevels {
  const { parents, levelStarts, level, next, seen } = snapshot;
  // Step 1: The seen-set.
  if (!(seen instanceof PartitionedSeenSet)) throw new Error("internal: only a PartitionedSeenSet can be handed over");
  const parts = seen.refs();
  // Step 2: Parent pages of levels 0 .. level - 1: per state, its parent's rank in the level
  // before (-1 for initial states) as deltas within a page, and the step's ordinal.
  const rankOfParent = (index: number, l: number): number => {
    const parent = parents.parentOf(index);
    return parent < 0 ? -1 : parent - levelStarts[l - 1]!;
  };
  const past: StoredPages[] = [];
  for (let l = 0; l < level; l++) {
    const first = levelStarts[l]!;
    const size = levelStarts[l + 1]! - first;
    const starts = chunkStarts(size);
    const pages: Region[] = [];
    const bases: number[] = [];
    starts.forEach((start, j) => {
      const end = starts[j + 1] ?? size;
      const rows = new Int32Array((end - start) * 2);
      const base = rankOfParent(first + start, l);
      let last = base;
      for (let r = start; r < end; r++) {
        const parentRank = rankOfParent(first + r, l);
        rows[(r - start) * 2] = parentRank - last;
        rows[(r - start) * 2 + 1] = parents.ordinalOf(first + r);
        last = parentRank;
      }
      pages.push(packRows(rows, 0, end - start, 2, ownRegion));
      bases.push(base);
    });
    past.push({ starts, parents: pages, bases });
  }
  // Step 3: The level to expand, in discovery order: origins (parent rank deltas from 0) and states.
  const stateSize = next.stateSize;
  const size = next.size;
  const origins = new Int32Array(size * 2);
  const states = new Int32Array(size * stateSize);
  let k = 0;
  let last = 0;
  next.chunks.forEach((chunk, c) => {
    for (let r = 0, at = 0; r < next.lengths[c]!; r++, at += next.recordSize, k++) {
      const parentRank = rankOfParent(chunk[at]!, level);
      origins[k * 2] = parentRank - last;
      origins[k * 2 + 1] = parents.ordinalOf(chunk[at]!);
      last = parentRank;
      for (let i = 0; i < stateSize; i++) states[k * stateSize + i] = chunk[at + 1 + i]!;
    }
  });
  const source: CandidateSource = {
    origins: packRows(origins, 0, size, 2, ownRegion),
    originBase: 0,
    states: packRows(states, 0, size, stateSize, ownRegion),
    count: size,
    flagOffset: 0,
  };
  const flags = ownRegion(Math.max(size, 1));
  new Uint8Array(flags.buffer).fill(1);
  return { parts, past, source, flags, size };
}
