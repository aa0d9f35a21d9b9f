// Exhaustive, level-synchronous breadth-first search of a Model, in TLC's order of work
// (ModelChecker.doNext): dedupe -> record parent -> check -> enqueue. Finds the shortest
// counterexample; storage is frontier.ts and fingerprint-set.ts, printing is report/'s.

import type { Model } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";
import { fingerprint } from "./fingerprint.js";
import { AddResult, FingerprintSet, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO } from "./fingerprint-set.js";
import { Frontier, type LevelBuffer, type ParentTable } from "./frontier.js";
import type { CheckResult, Progress } from "./result.js";
import { summarize, type Stop } from "./summarize.js";

export { summarize, type ResultBase, type Stop } from "./summarize.js";

export interface ExploreOptions {
  /** Stop (outcome `limit`) rather than record more than this many distinct states. */
  readonly maxStates?: number;
  /** Do not expand states at this depth (initial states are depth 0). */
  readonly maxDepth?: number;
  /** Stop after about this many milliseconds (checked every 4096 expanded states and per level). */
  readonly timeLimitMs?: number;
  /** Budget for the fingerprint set, levels and parent table together (sampled, as timeLimitMs). */
  readonly memoryBytes?: number;
  /** Called with a snapshot at most about every 250 ms. */
  readonly onProgress?: (progress: Progress) => void;
  /** Polled like timeLimitMs; answering true stops the search with limit `interrupted`. */
  readonly shouldStop?: () => boolean;
}

/** Slots of the direct-mapped cache of recent fingerprints (a power of two; 512 KB). */
const RECENT_SLOTS = 1 << 16;
const RECENT_MASK = RECENT_SLOTS - 1;

/** Expanded states between two polls of the clock, limits and `shouldStop`. */
const POLL_MASK = 4095;
const PROGRESS_INTERVAL_MS = 250;

/**
 * Explores every state reachable from `model.initialStates()` breadth first, or until a
 * violation, a deadlock, an evaluation error or a limit stops it.
 *
 * Determinism: states are expanded level by level, each level in discovery order, and successors
 * in the model's emit order, so the counts, the outcome and the path are the same on every run.
 * Per state the work is, as in TLC: for each emitted step, check transition properties, dedupe by
 * fingerprint and, if new, record the parent, check state properties and reachables, and enqueue;
 * after all steps, check for deadlock. The first failure met stops the search. A counterexample is
 * therefore the shortest for its property (ties broken by discovery and emit order); across kinds
 * it is the first met in that order (a deadlock found later in the same level is not preferred).
 *
 * An EvaluationError from the model ends the search with outcome `error` and the path to the
 * state being expanded; any other exception is a bug in the model and propagates.
 */
export function explore(model: Model, options: ExploreOptions = {}): CheckResult {
  const search = createSearch(model, options);
  search.run(Number.POSITIVE_INFINITY);
  return search.result();
}

/**
 * explore() on this thread in slices of about `sliceMs` milliseconds, yielding to the event loop
 * (setImmediate) between slices so that signal handlers, timers and the terminal UI run during
 * a long search. The result is explore()'s.
 */
export async function exploreAsync(model: Model, options: ExploreOptions = {}, sliceMs = 50): Promise<CheckResult> {
  const search = createSearch(model, options);
  while (!search.run(sliceMs)) await new Promise<void>((resolve) => setImmediate(resolve));
  return search.result();
}

/** A breadth-first search that advances in slices (explore() runs it in one). */
export interface Search {
  /** Advances for about `sliceMs` ms (it pauses only at polls, every 4096 states); true once over. */
  run(sliceMs: number): boolean;
  /** The result; call it once run() has returned true, unless the search was handed over. */
  result(): CheckResult;
  /** Where the search stopped when `handOver` asked for it (run() then returned true), else undefined. */
  handedOver(): SearchSnapshot | undefined;
}

/**
 * A search stopped between two levels, for another explorer to go on from (parallel-bfs.ts):
 * everything explore() knows at that point.
 */
export interface SearchSnapshot {
  /** performance.now() when the search started. */
  readonly startedAt: number;
  /** The level to expand next; its states are `next`. */
  readonly level: number;
  /** The global index (discovery order) of the first state of each level 0..level. */
  readonly levelStarts: readonly number[];
  /** Global index -> parent's global index (-1 for an initial state) and step ordinal. */
  readonly parents: ParentTable;
  /** The states of `level`, as records (global index, state), in discovery order. */
  readonly next: LevelBuffer;
  readonly seen: SeenSet;
  readonly distinct: number;
  readonly generated: number;
  readonly levelsFound: number;
  readonly peakBytes: number;
  readonly coverage: Float64Array;
  readonly reached: readonly boolean[];
}

/** What explore() needs of its seen-set: FingerprintSet, or partitioned-set.ts's PartitionedSeenSet. */
export interface SeenSet {
  add(hi: number, lo: number): AddResult;
  has(hi: number, lo: number): boolean;
  readonly bytes: number;
  maxBytes: number;
}

/**
 * Asked between levels (before `level` is expanded; `size` states): true stops the search there
 * so that another explorer can go on from its snapshot (see Search.handedOver).
 */
export type HandOver = (level: number, size: number) => boolean;

/** The search explore() runs, stopped between slices; see explore(). */
export function createSearch(model: Model, options: ExploreOptions = {}, handOver?: HandOver, seenSet?: SeenSet): Search {
  const startedAt = performance.now();
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const deadline = startedAt + (options.timeLimitMs ?? Number.POSITIVE_INFINITY);
  const memoryBytes = options.memoryBytes ?? Number.POSITIVE_INFINITY;
  const { onProgress, shouldStop } = options;

  const seen = seenSet ?? new FingerprintSet({ maxBytes: memoryBytes });
  const frontier = new Frontier(model.stateSize);
  const parents = frontier.parents;
  const fp = new Int32Array(2);
  const recent = new Int32Array(RECENT_SLOTS * 2);
  const stateSize = model.stateSize;
  const cur = new Int32Array(stateSize);
  const coverage = new Float64Array(model.actions.length);
  const reached = model.properties.map(() => false);
  const reachable: number[] = [];
  model.properties.forEach((p, i) => p.kind === "reachable" && reachable.push(i));
  let unreachedCount = reachable.length;
  const hasTransitionProperties = model.properties.some((p) => p.kind === "transition");

  let stop: Stop | undefined;
  let distinct = 0;
  let generated = 0;
  let expanded = 0;
  let expandedBeforeLevel = 0; // `expanded` when the current level started
  let level = 0; // the level being expanded; new states land on level + 1 (init: level 0)
  let levelsFound = 0;
  let curIndex = -1; // global index of the state being expanded (-1 while adding initial states)
  let ordinal = 0; // successors of `cur` emitted so far
  let peakBytes = 0;
  let lastProgressAt = startedAt;
  let sliceEnd = Number.POSITIVE_INFINITY; // when the current run() slice should pause
  let isSliceOver = false; // set by poll()
  const levelStarts = [0]; // global index of the first state of each level
  let snapshot: SearchSnapshot | undefined;

  /** Dedupes `state` and, when new, hands it to `discover`; may set `stop`. Kept small: it is inlined. */
  const admit = (state: Int32Array, parent: number, ord: number, depth: number): void => {
    // Step A: Dedupe by fingerprint (without inserting when the state limit is reached), asking
    // the small cache of recently met fingerprints before the seen-set (a hit is in the set).
    fingerprint(state, fp);
    let hi = fp[0]!;
    let lo = fp[1]!;
    if ((hi | lo) === 0) {
      hi = REMAPPED_ZERO_HI;
      lo = REMAPPED_ZERO_LO;
    }
    const r = (hi & RECENT_MASK) << 1;
    if (recent[r] === hi && recent[r + 1] === lo) return;
    if (distinct >= maxStates) {
      if (!seen.has(hi, lo)) stop = { kind: "limit", limit: "states" };
      return;
    }
    const added = seen.add(hi, lo);
    if (added === AddResult.Full) {
      stop = { kind: "limit", limit: "memory" };
      return;
    }
    recent[r] = hi;
    recent[r + 1] = lo;
    if (added === AddResult.Added) discover(state, parent, ord, depth);
  };

  /** Records, checks and enqueues a state seen for the first time; may set `stop`. */
  const discover = (state: Int32Array, parent: number, ord: number, depth: number): void => {
    // Step B: Record the parent pointer.
    const index = parents.push(parent, ord);
    if (index < 0) {
      stop = { kind: "limit", limit: "memory" };
      return;
    }
    distinct++;
    levelsFound = depth + 1;
    // Step C: Check state properties, then reachables.
    const failed = model.checkState(state);
    if (failed >= 0) {
      stop = { kind: "violation", property: failed, path: parents.pathTo(index) };
      return;
    }
    if (unreachedCount > 0) {
      model.checkReachable(state, reached);
      unreachedCount = 0;
      for (const i of reachable) if (!reached[i]) unreachedCount++;
    }
    // Step D: Enqueue on the next level.
    if (!frontier.next.push(index, state)) stop = { kind: "limit", limit: "memory" };
  };

  /** Receives each successor of `cur` from the model. */
  const emit = (actionId: number, next: Int32Array): void => {
    const ord = ordinal++;
    if (stop !== undefined) return;
    generated++;
    coverage[actionId]!++;
    if (hasTransitionProperties) {
      const failed = model.checkTransition(cur, next);
      if (failed >= 0) {
        stop = { kind: "violation", property: failed, path: [...parents.pathTo(curIndex), ord] };
        return;
      }
    }
    // A self-loop leads back to `cur`, which is in the seen-set: nothing to dedupe or check.
    let i = 0;
    while (i < stateSize && next[i] === cur[i]) i++;
    if (i < stateSize) admit(next, curIndex, ord, level + 1);
  };

  /** Samples memory, polls the clock and `shouldStop`, reports progress; may set `stop` and `isSliceOver`. */
  const poll = (): void => {
    const now = performance.now();
    const frontierBytes = frontier.bytes;
    const bytes = seen.bytes + frontierBytes;
    peakBytes = Math.max(peakBytes, bytes);
    seen.maxBytes = memoryBytes - frontierBytes;
    if (bytes > memoryBytes) stop = { kind: "limit", limit: "memory" };
    else if (now >= deadline) stop = { kind: "limit", limit: "time" };
    else if (shouldStop?.() === true) stop = { kind: "limit", limit: "interrupted" };
    isSliceOver = now >= sliceEnd;
    if (onProgress !== undefined && now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
      lastProgressAt = now;
      const seconds = (now - startedAt) / 1000;
      onProgress({
        distinctStates: distinct,
        generatedStates: generated,
        queuedStates: frontier.current.size - (expanded - expandedBeforeLevel) + frontier.next.size,
        level,
        seconds,
        statesPerSecond: seconds > 0 ? distinct / seconds : 0,
        memoryBytes: bytes,
      });
    }
  };

  // Where a paused search resumes: inside the level being expanded (inLevel), at its next record.
  let started = false;
  let inLevel = false;
  let nextChunk = 0;
  let nextRecord = 0;

  const run = (sliceMs: number): boolean => {
    sliceEnd = performance.now() + sliceMs;
    try {
      // Step 1: Add the initial states (level 0).
      if (!started) {
        started = true;
        const initial = model.initialStates();
        for (let k = 0; k < initial.length && stop === undefined; k++) admit(initial[k]!, -1, k, 0);
      }

      while (stop === undefined && (inLevel || frontier.next.size > 0)) {
        if (!inLevel) {
          // Step 2: Between levels, honour the depth bound and poll the other limits.
          if (level === maxDepth) {
            stop = { kind: "limit", limit: "depth" };
            break;
          }
          poll();
          if (stop !== undefined) break;
          if (handOver?.(level, frontier.next.size) === true) {
            snapshot = { startedAt, level, levelStarts, parents, next: frontier.next, seen, distinct, generated, levelsFound, peakBytes, coverage, reached };
            return true;
          }
          frontier.advance();
          levelStarts.push(distinct);
          expandedBeforeLevel = expanded;
          inLevel = true;
          nextChunk = nextRecord = 0;
        }
        const current = frontier.current;
        const recordSize = current.recordSize;
        for (let c = nextChunk; c < current.chunks.length && stop === undefined; c++) {
          const chunk = current.chunks[c]!;
          const records = current.lengths[c]!;
          for (let r = nextRecord, at = r * recordSize; r < records; r++, at += recordSize) {
            // Step 3: Load the state to expand.
            curIndex = chunk[at]!;
            for (let i = 0; i < stateSize; i++) cur[i] = chunk[at + 1 + i]!;
            // Step 4: Generate its successors; `emit` checks and enqueues each one.
            ordinal = 0;
            const progressSteps = model.successors(cur, emit);
            if (stop !== undefined) break;
            // Step 5: No progress step and not an end state: deadlock.
            if (progressSteps === 0 && !model.isEndState(cur)) {
              stop = { kind: "deadlock", path: parents.pathTo(curIndex) };
              break;
            }
            // Step 6: Every 4096 states, poll limits and report progress; pause when the slice is over.
            if ((++expanded & POLL_MASK) === 0) {
              poll();
              if (stop !== undefined) break;
              if (isSliceOver) {
                nextChunk = c;
                nextRecord = r + 1;
                return false;
              }
            }
          }
          nextRecord = 0;
          current.releaseChunk(c);
        }
        inLevel = false;
        level++;
      }
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      // A failure already met among this state's earlier successors stays the answer.
      if (stop === undefined) {
        const path = curIndex >= 0 ? parents.pathTo(curIndex) : [];
        stop = { kind: "error", error, path, emittedBefore: ordinal };
      }
    }
    return true;
  };

  // Step 7: Summarize.
  const result = (): CheckResult => {
    const seconds = (performance.now() - startedAt) / 1000;
    peakBytes = Math.max(peakBytes, seen.bytes + frontier.bytes);
    const statesPerSecond = seconds > 0 ? distinct / seconds : 0;
    const stats = { distinctStates: distinct, generatedStates: generated, depth: levelsFound, seconds, statesPerSecond, peakMemoryBytes: peakBytes };
    const base = { stats, coverage: model.actions.map((a, i) => ({ label: a.label, kind: a.kind, count: coverage[i]! })) };
    const unreached = reachable.filter((i) => !reached[i]).map((i) => model.properties[i]!.name);
    return summarize(model, stop, base, unreached);
  };
  return { run, result, handedOver: () => snapshot };
}
