// The hot loop of random search: runs a range of seeded random walks over a Model, checking
// every visited state in bfs.ts's order, and stops at the first failing walk. Merging ranges,
// shrinking and reporting are left to walk-tally.ts, shrink.ts and random-walk.ts.

import type { Model } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";
import { fingerprint } from "./fingerprint.js";
import { AddResult, FingerprintSet } from "./fingerprint-set.js";
import { nextBelow, seedHalves, seedStream } from "./prng.js";

/** Which walks a search runs: shard I of N runs the walks whose global number w has w % N === I. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface WalkConfig {
  readonly seed: number | bigint;
  /** Steps per walk at most (a walk also ends where no step is enabled). */
  readonly walkDepth: number;
  readonly shard?: Shard;
  /** Cap on the bytes of the set of visited fingerprints (it then stops counting new states). */
  readonly maxSeenBytes?: number;
  /**
   * Return, with each range, the fingerprints of the distinct states visited in it (to merge
   * across threads). Each range is then counted on its own (`distinctAdded`, `capped`, `reached`),
   * so that ranges merge to the same totals whichever thread ran them, in whatever order.
   */
  readonly exportFingerprints?: boolean;
}

/** Why a walk failed, in the terms of bfs.ts's Stop (property: an index into `Model.properties`). */
export type WalkFailure =
  | { readonly kind: "violation"; readonly property: number }
  | { readonly kind: "deadlock" }
  | {
      readonly kind: "error";
      readonly code: string;
      readonly message: string;
      readonly actionId: number;
      readonly emittedBefore: number;
    };

/** A failing walk, as found (before shrinking). */
export interface FoundWalk {
  /** Global walk number (the same in every shard and at any worker count). */
  readonly walk: number;
  /**
   * The ReplayPath of the failure: the initial state's position, then the ordinal of each step
   * taken, up to the violating state (or the deadlocked state, or the state whose successors
   * failed to evaluate). Its length minus one is the walk's length as found.
   */
  readonly path: number[];
  readonly failure: WalkFailure;
}

/** What one `run` did: plain, structured-cloneable data (it crosses worker threads). */
export interface WalkRangeResult {
  /** The local walk indices asked for: from (inclusive) to (exclusive). */
  readonly from: number;
  readonly to: number;
  /** Walks completed, from `from` on, the failing one included. */
  readonly completed: number;
  /** Steps taken and successors generated (emitted) in those walks. */
  readonly steps: number;
  readonly generated: number;
  /** The most steps one of those walks took. */
  readonly deepest: number;
  /** Steps taken per ActionId. */
  readonly coverage: number[];
  /** Reachable properties (indices) that held for the first time for this runner (with `exportFingerprints`: in this range). */
  readonly reached: number[];
  /** States this runner had not visited before (with `exportFingerprints`: before in this range). */
  readonly distinctAdded: number;
  /** True once the runner's fingerprint set is full (counts are then lower bounds). */
  readonly capped: boolean;
  /** With `exportFingerprints`: (hi, lo) pairs of the states first visited in this range. */
  readonly fingerprints?: Int32Array;
  /** The first failing walk of the range; the range stops with it. */
  readonly found?: FoundWalk;
}

export interface WalkRunner {
  /**
   * Runs the local walks `from` .. `to - 1` in order (local index j is global walk
   * `shard.index + j * shard.count`). Stops after the first failing walk, or after the walk during
   * which the range's steps reached `maxSteps`. Deterministic: a walk's steps depend only on the
   * seed, its global number and the model, never on the range it runs in or on timing.
   */
  run(from: number, to: number, maxSteps?: number): WalkRangeResult;
  /** Distinct states this runner has visited (a lower bound once capped; with `exportFingerprints`, summed over ranges). */
  readonly distinctStates: number;
  /** Bytes held by its fingerprint set. */
  readonly seenBytes: number;
}

/** The default cap of the visited-state set: 64 MiB, about 5.8 million states. */
export const DEFAULT_MAX_SEEN_BYTES = 64 * 1024 * 1024;

/**
 * A runner of seeded random walks over `model`. A walk picks its initial state, then, at each
 * state, one of the emitted successors uniformly (reservoir sampling over the emit order, one
 * random draw per successor after the first), faults and ticks included, until `walkDepth` steps
 * or a state without successors. Every visited state is checked as in explore(): the transition
 * property on the chosen step (inside `emit`), state properties, reachables, then deadlock of the
 * state it left; the last state of a walk is expanded too, for deadlock and evaluation errors.
 */
export function createWalkRunner(model: Model, config: WalkConfig): WalkRunner {
  const [seedHi, seedLo] = seedHalves(config.seed);
  const walkDepth = Math.max(0, Math.floor(config.walkDepth));
  const shardIndex = config.shard?.index ?? 0;
  const shardCount = config.shard?.count ?? 1;
  const stateSize = model.stateSize;
  const initial = model.initialStates();
  const hasTransitions = model.properties.some((p) => p.kind === "transition");
  const reachable: number[] = [];
  model.properties.forEach((p, i) => p.kind === "reachable" && reachable.push(i));
  const reached = model.properties.map(() => false);
  const exportFingerprints = config.exportFingerprints === true;
  const maxSeenBytes = config.maxSeenBytes ?? DEFAULT_MAX_SEEN_BYTES;
  let seen = new FingerprintSet({ initialCapacity: 1 << 14, maxBytes: maxSeenBytes });
  const rng = new Int32Array(4);
  const fp = new Int32Array(2);
  const path = new Int32Array(walkDepth + 1);
  let cur = new Int32Array(stateSize);
  let pick = new Int32Array(stateSize);
  let capped = false;
  let unreachedCount = reachable.length;

  // State of the current expansion, shared with `emit`.
  let count = 0;
  let taking = false;
  let pickedOrdinal = 0;
  let pickedAction = 0;
  let pickedTransition = -1;
  let pickedError: EvaluationError | undefined;

  /** Receives each successor of `cur`: keeps one uniformly at random (reservoir of size one). */
  const emit = (actionId: number, next: Int32Array): void => {
    const k = ++count;
    if (!taking || (k > 1 && nextBelow(rng, k) !== 0)) return;
    for (let i = 0; i < stateSize; i++) pick[i] = next[i]!;
    pickedOrdinal = k - 1;
    pickedAction = actionId;
    if (hasTransitions) checkPickedTransition(next);
  };

  /** Checks the transition to the kept successor; an evaluation error counts only if it stays kept. */
  const checkPickedTransition = (next: Int32Array): void => {
    pickedError = undefined;
    try {
      pickedTransition = model.checkTransition(cur, next);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      pickedError = error;
    }
  };

  // Counters of the range being run (reset by `run`).
  let distinct = 0;
  let steps = 0;
  let generated = 0;
  let deepest = 0;
  let distinctAdded = 0;
  let coverage: number[] = [];
  let newlyReached: number[] = [];
  let fresh: number[] = [];
  const reported = model.properties.map(() => false);

  /** Counts `cur` as visited, checks its state properties, then reachables; the violated property or -1. */
  const visit = (): number => {
    if (!capped) {
      fingerprint(cur, fp);
      const added = seen.add(fp[0]!, fp[1]!);
      if (added === AddResult.Added) {
        distinctAdded++;
        if (exportFingerprints) fresh.push(fp[0]!, fp[1]!);
      } else if (added === AddResult.Full) capped = true;
    }
    const failed = model.checkState(cur);
    if (failed < 0 && unreachedCount > 0) {
      model.checkReachable(cur, reached);
      unreachedCount = 0;
      for (const i of reachable) {
        if (!reached[i]) unreachedCount++;
        else if (!reported[i]) {
          reported[i] = true;
          newlyReached.push(i);
        }
      }
    }
    return failed;
  };

  /** Runs global walk `walk` to its end; gives its failure, if any. */
  const walkOnce = (walk: number): FoundWalk | undefined => {
    let depth = 0; // steps taken so far; `cur` is the state at this depth
    let expanding = 0; // depth of the state whose successors are being computed
    try {
      // Step 1: Seed the walk's stream and pick its initial state.
      seedStream(rng, seedHi, seedLo, walk);
      if (initial.length === 0) return undefined;
      const first = initial.length === 1 ? 0 : nextBelow(rng, initial.length);
      cur.set(initial[first]!);
      path[0] = first;
      let failed = visit();
      if (failed >= 0) return { walk, path: [first], failure: { kind: "violation", property: failed } };
      for (;;) {
        // Step 2: Generate the successors of `cur`; `emit` keeps one and checks its transition.
        expanding = depth;
        count = 0;
        taking = depth < walkDepth;
        pickedTransition = -1;
        pickedError = undefined;
        const progress = model.successors(cur, emit);
        generated += count;
        const stepped = taking && count > 0;
        if (stepped) {
          // Step 3: Take the kept step (a failing transition property fails with it).
          path[depth + 1] = pickedOrdinal;
          if (pickedError !== undefined) throw pickedError;
          if (pickedTransition >= 0) {
            return { walk, path: pathTo(depth + 1), failure: { kind: "violation", property: pickedTransition } };
          }
          const left = cur;
          cur = pick;
          pick = left;
          depth++;
          steps++;
          coverage[pickedAction]!++;
          if (depth > deepest) deepest = depth;
          // Step 4: Check the new state.
          failed = visit();
          if (failed >= 0) return { walk, path: pathTo(depth), failure: { kind: "violation", property: failed } };
        }
        // Step 5: No progress step from the state just expanded, and not an end state: deadlock.
        if (progress === 0 && !model.isEndState(stepped ? pick : cur)) {
          return { walk, path: pathTo(expanding), failure: { kind: "deadlock" } };
        }
        if (!stepped) return undefined;
      }
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      const { code, message, actionId } = error;
      return { walk, path: pathTo(expanding), failure: { kind: "error", code, message, actionId, emittedBefore: count } };
    }
  };

  /** The walk's path up to the state at `depth`. */
  const pathTo = (depth: number): number[] => Array.from(path.subarray(0, depth + 1));

  const run = (from: number, to: number, maxSteps = Number.POSITIVE_INFINITY): WalkRangeResult => {
    if (exportFingerprints) {
      seen = new FingerprintSet({ initialCapacity: seen.capacity, maxBytes: maxSeenBytes });
      capped = false;
      reached.fill(false);
      reported.fill(false);
      unreachedCount = reachable.length;
    }
    steps = 0;
    generated = 0;
    deepest = 0;
    distinctAdded = 0;
    coverage = new Array<number>(model.actions.length).fill(0);
    newlyReached = [];
    fresh = [];
    let found: FoundWalk | undefined;
    let j = from;
    while (j < to && found === undefined && steps < maxSteps) {
      found = walkOnce(shardIndex + j * shardCount);
      j++;
    }
    distinct += distinctAdded;
    return {
      from,
      to,
      completed: j - from,
      steps,
      generated,
      deepest,
      coverage,
      reached: newlyReached,
      distinctAdded,
      capped,
      ...(exportFingerprints ? { fingerprints: Int32Array.from(fresh) } : {}),
      ...(found !== undefined ? { found } : {}),
    };
  };

  return {
    run,
    get distinctStates() {
      return distinct;
    },
    get seenBytes() {
      return seen.bytes;
    },
  };
}
