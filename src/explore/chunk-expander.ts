// Phase A of the parallel BFS, run in a worker: expands chunks of a level as explore() expands
// states (same checks, order and counters), keeping as candidates the successors not known to be
// duplicates. Which candidates are new states is level-merge.ts's to decide.

import type { Model } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";
import { fingerprint } from "./fingerprint.js";
import { Arena, int32s, ownRegion } from "./arena.js";
import { packRows } from "./packed-rows.js";
import { probe } from "./probe-table.js";
import { groupByPartition, normalizeFingerprint, partitionOf, tableView } from "./partitioned-set.js";
import type { ExpandEvent, ExpandResult, ExpandTask } from "./parallel-tasks.js";
import { SliceReader } from "./slice-reader.js";

/**
 * Slots of the cache of recent fingerprints (512 KB, as explore()'s): small enough to stay in a
 * core's L2 cache. 2^18 slots (2 MB) let 12% fewer candidates through but made the search slower:
 * TwoPhase K=8 on one thread 1.94 s against 1.82 s (medians of 8 interleaved runs); K=9 on two
 * threads slower in 21 of 31 interleaved pairs (7.86 s against 7.48 s, medians of the last 8).
 */
const RECENT_SLOTS = 1 << 16;
const RECENT_MASK = RECENT_SLOTS - 1;
const INITIAL_CANDIDATES = 1 << 12;

/** Expands chunks of one Model; keeps its scratch buffers between chunks. */
export type ChunkExpander = (task: ExpandTask) => ExpandResult;

/**
 * Creates the expander of `model`. Determinism: a chunk's result depends only on the chunk, the
 * seen-set and the model, never on timing: candidates come in (state, ordinal) order, and the
 * event is the first one explore() would meet in this chunk. The only timing-dependent outcome is
 * `skipped` (an earlier chunk had an event); such results are discarded by the caller.
 */
export function createChunkExpander(model: Model): ChunkExpander {
  const stateSize = model.stateSize;
  const actionCount = model.actions.length;
  const hasTransitionProperties = model.properties.some((p) => p.kind === "transition");
  const fp = new Int32Array(2);
  const cur = new Int32Array(stateSize);
  // Fingerprints met recently in this level by this expander, direct-mapped (a newer one replaces
  // an older one in its slot). Cleared unless this chunk comes after the last one of the same
  // level, so a hit means an earlier occurrence (in this chunk or an earlier one): not the first.
  const recent = new Int32Array(RECENT_SLOTS * 2);
  let recentLevel = -1;
  let recentChunk = -1;
  // Candidate scratch: fingerprints, (parent rank, ordinal), states.
  let candFps = new Int32Array(INITIAL_CANDIDATES * 2);
  let candOrigins = new Int32Array(INITIAL_CANDIDATES * 2);
  let candStates = new Int32Array(INITIAL_CANDIDATES * stateSize);
  let candidates = 0;
  // (parent rank, ordinal) of the chunk's own states, for the level's parent pages.
  let parents = new Int32Array(0);
  // Candidates of even and odd levels: a level's are read until the level after it is expanded.
  // Their fingerprints are read only by the merge of their own level: one arena is enough.
  const arenas = [new Arena(), new Arena()] as const;
  const arenaLevels = [-1, -1];
  const fingerprintArena = new Arena();
  let fingerprintLevel = -1;
  // Per-task state read by `emit`.
  let tables: Int32Array[] = [];
  let masks = new Int32Array(0);
  let coverage = new Float64Array(actionCount);
  let reached: boolean[] = [];
  let reachable: number[] = [];
  let unreachedCount = 0;
  let generated = 0;
  let probeEvery = 1;
  let sinceProbe = 0;
  let probes = 0;
  let probeHits = 0;
  let rank = 0;
  let ordinal = 0;
  // Parent ranks are stored as deltas (they never decrease within a chunk): these are the last ones.
  let lastCandidateParent = 0;
  let lastParent = 0;
  let parentBase = 0;
  let event: ExpandEvent | undefined;

  /** Notes (hi, lo) as met; false when it was met recently (see `recent`). */
  const addRecent = (hi: number, lo: number): boolean => {
    const r = (hi & RECENT_MASK) << 1;
    if (recent[r] === hi && recent[r + 1] === lo) return false;
    recent[r] = hi;
    recent[r + 1] = lo;
    return true;
  };

  /** True when the seen-set holds (hi, lo). */
  const seen = (hi: number, lo: number): boolean => {
    const p = partitionOf(hi);
    return probe(tables[p]!, masks[p]!, hi, lo) < 0;
  };

  const pushCandidate = (next: Int32Array, hi: number, lo: number, ord: number): void => {
    if (candidates * 2 === candFps.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      candFps = grow(candFps);
      candOrigins = grow(candOrigins);
      candStates = grow(candStates);
    }
    const k = candidates++;
    candFps[k * 2] = hi;
    candFps[k * 2 + 1] = lo;
    candOrigins[k * 2] = rank - lastCandidateParent;
    candOrigins[k * 2 + 1] = ord;
    lastCandidateParent = rank;
    const states = candStates;
    for (let i = 0, at = k * stateSize; i < stateSize; i++) states[at + i] = next[i]!;
  };

  /** Receives each successor of `cur`; mirrors explore()'s emit, admit and discover. */
  const emit = (actionId: number, next: Int32Array): void => {
    const ord = ordinal++;
    if (event !== undefined) return;
    generated++;
    coverage[actionId]!++;
    if (hasTransitionProperties) {
      const failed = model.checkTransition(cur, next);
      if (failed >= 0) {
        event = { kind: "violation", property: failed, rank, ordinal: ord };
        return;
      }
    }
    // Step A: Dedupe: a self-loop at once, then a recent duplicate, then (sampled) the seen-set.
    let i = 0;
    while (i < stateSize && next[i] === cur[i]) i++;
    if (i === stateSize) return;
    fingerprint(next, fp);
    normalizeFingerprint(fp);
    const hi = fp[0]!;
    const lo = fp[1]!;
    if (!addRecent(hi, lo)) return;
    if (++sinceProbe === probeEvery) {
      sinceProbe = 0;
      probes++;
      if (seen(hi, lo)) {
        probeHits++;
        return;
      }
    }
    // Step B: Keep the candidate; check it as explore() checks a new state.
    pushCandidate(next, hi, lo, ord);
    const failed = model.checkState(next);
    if (failed >= 0) {
      event = { kind: "violation", property: failed, rank, ordinal: ord };
      return;
    }
    if (unreachedCount > 0) {
      model.checkReachable(next, reached);
      unreachedCount = 0;
      for (const i of reachable) if (!reached[i]) unreachedCount++;
    }
  };

  return (task: ExpandTask): ExpandResult => {
    tables = task.tables.map(tableView);
    masks = Int32Array.from(tables, (t) => (t.length >>> 1) - 1);
    coverage = new Float64Array(actionCount);
    reached = model.properties.map(() => false);
    reachable = [...task.reachable];
    unreachedCount = reachable.length;
    generated = 0;
    probeEvery = task.probeEvery;
    sinceProbe = 0;
    probes = 0;
    probeHits = 0;
    candidates = 0;
    event = undefined;
    if (recentLevel !== task.level || task.chunk <= recentChunk) {
      recent.fill(0);
      recentLevel = task.level;
    }
    recentChunk = task.chunk;
    const stop = new Int32Array(task.stop);
    const reader = new SliceReader(task);
    lastCandidateParent = task.firstRank;
    parentBase = 0;
    if (parents.length < task.take * 2) parents = new Int32Array(task.take * 2);
    let skipped = false;
    let taken = 0;
    try {
      while (reader.next()) {
        // An earlier chunk's event makes this one moot. Asked every 64 states: an atomic load
        // costs ~8 ns, about 1% of expanding a TwoPhase state.
        if ((taken & 63) === 0 && Atomics.load(stop, 0) < task.chunk) {
          skipped = true;
          break;
        }
        // Step 1: Load the state and note its origin for the parent pages.
        reader.readState(cur);
        if (taken === 0) parentBase = lastParent = reader.parentRank;
        parents[taken * 2] = reader.parentRank - lastParent;
        parents[taken * 2 + 1] = reader.ordinal;
        lastParent = reader.parentRank;
        rank = task.firstRank + taken++;
        // Step 2: Generate its successors; `emit` checks and keeps each one.
        ordinal = 0;
        const progressSteps = model.successors(cur, emit);
        if (event !== undefined) break;
        // Step 3: No progress step and not an end state: deadlock.
        if (progressSteps === 0 && !model.isEndState(cur)) {
          event = { kind: "deadlock", rank };
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      if (event === undefined) {
        event = { kind: "error", code: error.code, message: error.message, actionId: error.actionId, rank, emittedBefore: ordinal };
      }
    }
    if (event !== undefined) lowerTo(stop, task.chunk);
    const parity = task.level & 1;
    const arena = arenas[parity]!;
    if (arenaLevels[parity] !== task.level) {
      arena.reset();
      arenaLevels[parity] = task.level;
    }
    const alloc = (bytes: number) => arena.alloc(bytes);
    if (fingerprintLevel !== task.level) {
      fingerprintArena.reset();
      fingerprintLevel = task.level;
    }
    const fingerprints = fingerprintArena.alloc(candidates * 12);
    const partitionStarts = groupByPartition(candFps, candidates, int32s(fingerprints));
    const result: ExpandResult = {
      kind: "expand",
      chunk: task.chunk,
      skipped,
      candidates,
      fingerprints,
      partitionStarts,
      origins: packRows(candOrigins, 0, candidates, 2, alloc),
      states: packRows(candStates, 0, candidates, stateSize, alloc),
      parents: packRows(parents, 0, taken, 2, ownRegion),
      parentBase,
      generated,
      coverage: Array.from(coverage),
      reached: reachable.filter((i) => reached[i]),
      probes,
      probeHits,
    };
    return event === undefined ? result : { ...result, event };
  };
}

/** Atomically lowers `flag[0]` to `value` when it is larger. */
function lowerTo(flag: Int32Array, value: number): void {
  for (;;) {
    const seen = Atomics.load(flag, 0);
    if (seen <= value || Atomics.compareExchange(flag, 0, seen, value) === seen) return;
  }
}
