// CheckResult: what an exploration found (outcome, statistics, the violation with its replay
// path, coverage), plus the Progress snapshots sent while it runs. Plain data: it crosses worker
// boundaries and is rendered by report/.

import type { PropertyKind, StepKind } from "../compile/model.js";
import type { ReplayPath } from "./trace.js";
import type { WorkerActivity } from "./activity.js";

/**
 * How an exploration ended, from most to least severe: `error` (a step failed to evaluate),
 * `violation` (an invariant, transition or history property failed), `deadlock`, `limit` (a bound
 * stopped the search before it was exhaustive), `unreached` (exhaustive, but a reachable property
 * never held), `ok` (exhaustive, nothing wrong). `ok` and `unreached` are only given when the
 * whole state space was explored.
 */
export type Outcome = "ok" | "violation" | "deadlock" | "unreached" | "limit" | "error";

/**
 * Which bound stopped a search: `interrupted` means `shouldStop()` answered true (Ctrl-C);
 * `walks` means a random search ran all its walks without a failure (never exhaustive).
 */
export type LimitKind = "states" | "depth" | "time" | "memory" | "interrupted" | "walks";

export interface CheckStats {
  /** Distinct states found (deduplicated by fingerprint). */
  readonly distinctStates: number;
  /** Transitions generated (successors emitted and examined), duplicates included. */
  readonly generatedStates: number;
  /**
   * BFS levels holding at least one found state, as TLC's "depth of the complete state graph
   * search": 1 when only initial states were found, 0 when there were none.
   */
  readonly depth: number;
  readonly seconds: number;
  /** distinctStates / seconds (0 when no time was measurable). */
  readonly statesPerSecond: number;
  /** The most bytes held at once by the fingerprint set, levels and parent table (sampled). */
  readonly peakMemoryBytes: number;
}

/** A failed property (or a deadlock) with the shortest path to it found by BFS. */
export interface Violation {
  /** The property's name; `deadlock` for a deadlock. */
  readonly property: string;
  readonly kind: PropertyKind;
  /**
   * For state properties and deadlocks: the path to the offending state. For transition
   * properties: the path to the state after the offending step (its last entry is that step).
   */
  readonly path: ReplayPath;
  readonly token: string;
  /** For a failure found by a random search: the search's seed as `0x...` (see `formatSeed`). */
  readonly seed?: string;
}

/** An EvaluationError raised while expanding a state, with the path to that state. */
export interface ExplorationError {
  /** An FL5xxx code. */
  readonly code: string;
  readonly message: string;
  /** The path to the state whose successors were being computed (it replays without error). */
  readonly path: ReplayPath;
  readonly token: string;
  /** The action that was being evaluated (always set by `explore`). */
  readonly actionId?: number;
  /** That action's label (always set by `explore`). */
  readonly action?: string;
  /** How many successors of that state were emitted before the failure (always set by `explore`). */
  readonly emittedBefore?: number;
  /** For an error met by a random search: the search's seed as `0x...`. */
  readonly seed?: string;
}

/** How many transitions one action produced. */
export interface ActionCoverage {
  readonly label: string;
  readonly kind: StepKind;
  readonly count: number;
}

export interface CheckResult {
  readonly outcome: Outcome;
  readonly stats: CheckStats;
  /** Present when outcome is `violation` or `deadlock`. */
  readonly violation?: Violation;
  /**
   * Reachable properties never reached, in declaration order. Present when outcome is
   * `unreached`, and also on `limit` (then: not reached so far) when some are missing.
   */
  readonly unreached?: string[];
  /** Present when outcome is `limit`. */
  readonly limit?: LimitKind;
  /** Present when outcome is `error`. */
  readonly error?: ExplorationError;
  /** One entry per action, in ActionId order (including actions that never fired). */
  readonly coverage: ActionCoverage[];
}

/** A snapshot of a running exploration, sent to `onProgress` at most about every 250 ms. */
export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  /** States found but not yet expanded (rest of the current level plus the next level). */
  readonly queuedStates: number;
  /** The BFS level being expanded (initial states are level 0). */
  readonly level: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly memoryBytes: number;
  /** What each worker thread is doing, once a parallel search has started its threads. */
  readonly workers?: readonly WorkerActivity[];
}

/** What a random search (random-walk.ts) covered, and how much shrinking shortened its failure. */
export interface RandomStats {
  /** The seed as `0x...` (the form `--seed` accepts). */
  readonly seed: string;
  /** This shard, when the search was one of several (`--shard I/N`, 0-based index). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Walks completed (in this shard), the failing walk included. */
  readonly walks: number;
  /** Steps taken, summed over completed walks. */
  readonly steps: number;
  readonly stepsPerSecond: number;
  /** Distinct states visited (a lower bound when `distinctCapped`). */
  readonly distinctStates: number;
  /** True when the fingerprint set hit its memory cap and stopped counting new states. */
  readonly distinctCapped: boolean;
  /** The most steps one completed walk took. */
  readonly deepestWalk: number;
  /** The walk depth bound the search ran with. */
  readonly walkDepth: number;
  /** The global number of the walk that failed (walk w of shard I/N has w % N === I). */
  readonly failingWalk?: number;
  /** Steps of the failing walk as found, and of its shrunk trace (present with a failure). */
  readonly originalLength?: number;
  readonly shrunkLength?: number;
  /** Candidate walks the shrinker replayed. */
  readonly shrinkRuns?: number;
  /** Set by mergeShards: how many shard results were merged into this one. */
  readonly mergedShards?: number;
  /** Set by mergeShards: the shards' distinct counts summed (an upper bound; `distinctStates` is a lower one). */
  readonly distinctStatesAtMost?: number;
}

/**
 * The result of a random search: a CheckResult whose outcome is never `ok` or `unreached` (a
 * sample proves nothing), with `limit` set to `walks`, `time` or `interrupted` when no failure was
 * found. A violation's `path` is the shrunk trace; `stats.distinctStates` counts visited states.
 */
export interface RandomResult extends CheckResult {
  readonly random: RandomStats;
}
