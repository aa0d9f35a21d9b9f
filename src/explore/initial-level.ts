// Level 0 of the parallel BFS, built on this thread as explore() builds it: dedupe the initial
// states into the seen-set, check them, and pack the new ones as the first level's only source.

import type { Model } from "../compile/model.js";
import { ownRegion, type Region } from "./arena.js";
import type { Stop } from "./bfs.js";
import { AddResult } from "./fingerprint-set.js";
import { fingerprint } from "./fingerprint.js";
import { packRows } from "./packed-rows.js";
import { normalizeFingerprint, OwnedPartition, PARTITIONS, partitionOf, type PartitionRef } from "./partitioned-set.js";
import type { CandidateSource } from "./parallel-tasks.js";

export interface InitialLevel {
  /** The new initial states, in order (all flagged). */
  readonly source: CandidateSource;
  readonly flags: Region;
  readonly size: number;
  /** The partitions after the inserts. */
  readonly parts: PartitionRef[];
  /** What stopped the search here, if anything (a violation, or the state or memory limit). */
  readonly stop: Stop | undefined;
}

/**
 * Adds `model`'s initial states to the seen-set `parts` in order, as explore()'s admit and
 * discover do: at most `maxStates`, checking each new one and passing it to `checkReachable`.
 */
export function buildInitialLevel(
  model: Model,
  parts: readonly PartitionRef[],
  maxStates: number,
  memoryBytes: number,
  checkReachable: (state: Int32Array) => void,
): InitialLevel {
  const owned = parts.map((ref) => new OwnedPartition(ref, memoryBytes / PARTITIONS));
  const fp = new Int32Array(2);
  const states: number[] = [];
  const origins: number[] = [];
  const initial = model.initialStates();
  let stop: Stop | undefined;
  for (let k = 0; k < initial.length && stop === undefined; k++) {
    const state = initial[k]!;
    fingerprint(state, fp);
    normalizeFingerprint(fp);
    const partition = owned[partitionOf(fp[0]!)]!;
    if (origins.length / 2 >= maxStates) {
      if (!partition.has(fp[0]!, fp[1]!)) stop = { kind: "limit", limit: "states" };
      continue;
    }
    const added = partition.add(fp[0]!, fp[1]!);
    if (added === AddResult.Full) stop = { kind: "limit", limit: "memory" };
    if (added !== AddResult.Added) continue;
    // The parent rank is stored as a delta from `originBase` (-1: no parent).
    origins.push(0, k);
    states.push(...state);
    const failed = model.checkState(state);
    if (failed >= 0) stop = { kind: "violation", property: failed, path: [k] };
    else checkReachable(state);
  }
  const size = origins.length / 2;
  const source: CandidateSource = {
    origins: packRows(Int32Array.from(origins), 0, size, 2, ownRegion),
    originBase: -1,
    states: packRows(Int32Array.from(states), 0, size, model.stateSize, ownRegion),
    count: size,
    flagOffset: 0,
  };
  const flags = ownRegion(size);
  new Uint8Array(flags.buffer).fill(1);
  return { source, flags, size, parts: owned.map((o) => o.toRef()), stop };
}
