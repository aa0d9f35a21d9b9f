// `faultline check --random`: seeded random walks over the compiled model instead of BFS, on this
// thread (yielding to the event loop between slices, so Ctrl-C and the live view work) or on a
// worker pool. The seed is chosen here when the user gave none (and printed), so the search itself
// stays pure.

import { randomBytes } from "node:crypto";
import type { Model } from "../compile/model.js";
import type { ModelInput } from "../explore/parallel-tasks.js";
import { createWorkerPool } from "../explore/pool.js";
import { randomSearchParallel } from "../explore/random-parallel.js";
import { randomSearchAsync, type RandomOptions, type RandomProgress } from "../explore/random-walk.js";
import { formatSeed } from "../explore/prng.js";
import type { RandomResult } from "../explore/result.js";
import type { ProgressSnapshot } from "../report/reporter.js";
import type { CheckOptions } from "./options.js";

/** A fresh 64-bit seed for a run that was given none. */
export function freshSeed(): bigint {
  return randomBytes(8).readBigUInt64BE();
}

/** What the CLI lends a search: Ctrl-C, polled, and the live view. */
export interface RandomHooks {
  readonly shouldStop: () => boolean;
  readonly onProgress?: (progress: ProgressSnapshot) => void;
}

/**
 * Runs the random search `options` asks for: on `options.workers` worker threads (each rebuilding
 * the model from `input`) when that is more than 1, else on this thread. The same seed gives the
 * same result at any worker count.
 */
export async function runRandom(model: Model, input: ModelInput, options: CheckOptions, seed: bigint, hooks: RandomHooks): Promise<RandomResult> {
  const onProgress = hooks.onProgress;
  const pool = options.workers > 1 ? createWorkerPool(options.workers, input) : undefined;
  const random: RandomOptions = {
    seed,
    shouldStop: hooks.shouldStop,
    ...(onProgress === undefined ? {} : { onProgress: (p: RandomProgress) => onProgress({ ...progressSnapshot(p), ...(pool ? { workers: pool.activity() } : {}) }) }),
    ...(options.walks === undefined ? {} : { walks: options.walks }),
    ...(options.walkDepth === undefined ? {} : { walkDepth: options.walkDepth }),
    ...(options.timeSeconds === undefined ? {} : { timeLimitMs: options.timeSeconds * 1000 }),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  };
  if (pool === undefined) return randomSearchAsync(model, random);
  try {
    return await randomSearchParallel(model, { ...random, workers: options.workers }, (task) => pool.run(task));
  } finally {
    await pool.destroy();
  }
}

/** The live view's snapshot of a random search's progress. */
export function progressSnapshot(p: RandomProgress): ProgressSnapshot {
  return {
    distinctStates: p.distinctStates,
    depth: p.level,
    seconds: p.seconds,
    queue: 0,
    statesPerSecond: p.statesPerSecond,
    generatedStates: p.generatedStates,
    memoryBytes: p.memoryBytes,
    random: {
      walks: p.walks,
      ...(p.walksPlanned === undefined ? {} : { walksPlanned: p.walksPlanned }),
      steps: p.steps,
      stepsPerSecond: p.stepsPerSecond,
      deepestWalk: p.level,
    },
  };
}

/** The command line that reruns the same random search. */
export function rerunCommand(file: string, options: CheckOptions, seed: bigint): string {
  const parts = [`faultline check ${file}`];
  for (const [k, v] of Object.entries(options.constants)) parts.push(`--const ${k}=${v}`);
  parts.push(`--random --seed ${formatSeed(seed)}`);
  if (options.walks !== undefined) parts.push(`--walks ${options.walks}`);
  if (options.walkDepth !== undefined) parts.push(`--walk-depth ${options.walkDepth}`);
  if (options.shard) parts.push(`--shard ${options.shard.index}/${options.shard.count}`);
  return parts.join(" ");
}
