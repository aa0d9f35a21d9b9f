// The tasks the parallel explorer hands to its workers, and their results: plain objects and
// SharedArrayBuffers only, so they cross the worker boundary by structured clone. The work
// itself is in chunk-expander.ts (expand) and level-merge.ts (insert); random search's walk ranges
// (walks) run in walk-runner.ts and need no shared memory.

import type { Spec } from "../ast/nodes.js";
import type { Region } from "./arena.js";
import type { Shard, WalkRangeResult } from "./walk-runner.js";

/** A spec as the pool gets it: the text, its file name and the `--const` overrides. */
export interface ModelInput {
  readonly source: string;
  readonly fileName: string;
  readonly constants: Readonly<Record<string, string>>;
}

/**
 * What a worker needs to rebuild the Model: the parsed spec (parsing is deterministic, and so are
 * `check` and `compile`, so it gets the same Model as the main thread).
 */
export interface WorkerInput {
  readonly ast: Spec;
  readonly fileName: string;
  readonly constants: Readonly<Record<string, string>>;
}

/**
 * A chunk of candidates made by phase A, as the next level reads it: the candidates whose flag is
 * set (the new states) are that level's states, in order.
 */
export interface CandidateSource {
  /**
   * Packed page of (parent rank delta, ordinal) per candidate: the parent rank is `originBase`
   * plus the deltas of this candidate and every one before it in the chunk.
   */
  readonly origins: Region;
  readonly originBase: number;
  /** Packed page of the candidates' states. */
  readonly states: Region;
  readonly count: number;
  /** Where this chunk's flags start in the level's flags. */
  readonly flagOffset: number;
}

/** `take` states of a level, after skipping `skip` new states of `sources` (in order). */
export interface LevelSlice {
  readonly sources: readonly CandidateSource[];
  /** One byte per candidate of the level before: 1 marks a new state. */
  readonly flags: Region;
  readonly skip: number;
  readonly take: number;
}

/**
 * Phase A: expand one chunk (a slice) of the current level. Successors already in the seen-set
 * (read-only during this phase) or met earlier in the same chunk are dropped; the others become
 * candidates, in (parent rank, ordinal) order.
 */
export interface ExpandTask extends LevelSlice {
  readonly kind: "expand";
  /** The level (its parity picks the worker's arena for the candidates: two levels live at once). */
  readonly level: number;
  /** Index of the chunk in its level. */
  readonly chunk: number;
  /** Rank (position in the level) of the chunk's first state. */
  readonly firstRank: number;
  /** The seen-set's partition tables, by partition. */
  readonly tables: readonly SharedArrayBuffer[];
  /** Int32Array [lowest chunk index with an event so far]: later chunks stop early. */
  readonly stop: SharedArrayBuffer;
  /** Indices of the reachable properties not reached before this level. */
  readonly reachable: readonly number[];
  /**
   * Look up 1 in `probeEvery` chunk-new successors in the seen-set (1: all of them). A successor
   * not looked up becomes a candidate even when it is an old state; the merge then drops it, so
   * this trades memory for lookups and never changes a result.
   */
  readonly probeEvery: number;
}

/** The first failure met while expanding a chunk, located as explore() would meet it. */
export type ExpandEvent =
  | { readonly kind: "violation"; readonly property: number; readonly rank: number; readonly ordinal: number }
  | { readonly kind: "deadlock"; readonly rank: number }
  | {
      readonly kind: "error";
      readonly code: string;
      readonly message: string;
      readonly actionId: number;
      readonly rank: number;
      readonly emittedBefore: number;
    };

export interface ExpandResult {
  readonly kind: "expand";
  readonly chunk: number;
  /** True when the chunk was abandoned because an earlier chunk had an event. */
  readonly skipped: boolean;
  readonly candidates: number;
  /**
   * Int32 (hi, lo, index in the chunk) per candidate (normalized fingerprints), grouped by
   * partition (see groupByPartition); valid until the next level starts.
   */
  readonly fingerprints: Region;
  /** Partition p's candidates are triples partitionStarts[p] to partitionStarts[p + 1] - 1. */
  readonly partitionStarts: readonly number[];
  /** (parent rank delta, ordinal) per candidate from the task's `firstRank` (see CandidateSource). */
  readonly origins: Region;
  /** Packed page of the candidates' states (valid until the level after next starts). */
  readonly states: Region;
  /**
   * Packed page of (parent rank delta, ordinal) of the chunk's own states, the first delta from
   * `parentBase` (for replay paths; kept to the end).
   */
  readonly parents: Region;
  readonly parentBase: number;
  /** Successors emitted (up to and including the event, if any). */
  readonly generated: number;
  /** Emitted successors per ActionId. */
  readonly coverage: number[];
  /** Reachable properties that held in some candidate. */
  readonly reached: number[];
  /** Seen-set lookups made, and how many found the state. */
  readonly probes: number;
  readonly probeHits: number;
  readonly event?: ExpandEvent;
}

/** Phase B: insert the candidates of the owned partitions in chunk order; the first one wins. */
export interface InsertTask {
  readonly kind: "insert";
  readonly partitions: readonly number[];
  readonly refs: readonly { readonly buffer: SharedArrayBuffer; readonly count: number }[];
  readonly chunks: readonly Pick<ExpandResult, "fingerprints" | "partitionStarts">[];
  /** One byte per candidate: set to 1 for each new state (written for owned partitions only). */
  readonly flags: Region;
  /** Where each chunk's flags start in `flags`. */
  readonly flagOffsets: readonly number[];
  /** A partition may not grow past this many bytes (the memory budget). */
  readonly maxPartitionBytes: number;
}

export interface InsertResult {
  readonly kind: "insert";
  readonly refs: { readonly buffer: SharedArrayBuffer; readonly count: number }[];
  /** True when a partition could not grow (memory budget or allocation failure). */
  readonly full: boolean;
}

/**
 * Phase A for consecutive chunks of a level, expanded in order by one worker (so that its cache
 * of recent fingerprints spans them: fewer duplicate candidates). How chunks are grouped into
 * runs changes no result.
 */
export interface ExpandRunTask {
  readonly kind: "expand-run";
  readonly chunks: readonly ExpandTask[];
}

export interface ExpandRunResult {
  readonly kind: "expand-run";
  readonly results: ExpandResult[];
}

/** Makes a worker load its model, so that the pool is ready before it gets real work. */
export interface WarmupTask {
  readonly kind: "warmup";
}

export interface WarmupResult {
  readonly kind: "warmup";
}

/** Random search: a range of walks for a worker (random-parallel.ts hands them out in walk order). */
export interface WalkTask {
  readonly kind: "walks";
  /** Names the search: a worker keeps one walk runner per search. */
  readonly search: string;
  /** The seed as `0x...`. */
  readonly seed: string;
  readonly walkDepth: number;
  readonly shard?: Shard;
  readonly maxSeenBytes?: number;
  /** Local walk indices: from (inclusive) to (exclusive). */
  readonly from: number;
  readonly to: number;
}

export type Task = ExpandTask | ExpandRunTask | InsertTask | WarmupTask | WalkTask;
export type TaskResult = ExpandResult | ExpandRunResult | InsertResult | WarmupResult | WalkRangeResult;

/** Runs tasks somewhere (worker threads, or this thread) and answers their results. */
export interface TaskRunner {
  run(task: ExpandTask): Promise<ExpandResult>;
  run(task: ExpandRunTask): Promise<ExpandRunResult>;
  run(task: InsertTask): Promise<InsertResult>;
  run(task: WarmupTask): Promise<WarmupResult>;
  run(task: WalkTask): Promise<WalkRangeResult>;
  destroy(): Promise<void>;
}

/** Turns a function that runs any task into a TaskRunner (the overloads are only for typing). */
export function createTaskRunner(run: (task: Task) => Promise<TaskResult>, destroy: () => Promise<void>): TaskRunner {
  return { run: run as TaskRunner["run"], destroy };
}
