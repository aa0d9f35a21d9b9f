// exploreParallel, for the CLI and the API: runs explore() until the search looks long, then hands
// it over to parallel-bfs.ts, here and on a worker pool for the big levels. Like worker.ts a
// composition root (it builds models with index.ts's loadModel), the one exception to explore/'s
// imports.

import type { Model } from "../compile/model.js";
import { loadModel } from "../index.js";
import { createSearch, explore, type ExploreOptions, type Search, type SearchSnapshot } from "./bfs.js";
import { createLocalRunner } from "./local-runner.js";
import { exploreLevels } from "./parallel-bfs.js";
import type { ModelInput } from "./parallel-tasks.js";
import { PartitionedSeenSet } from "./partitioned-set.js";
import { createWorkerPool, type WorkerPool } from "./pool.js";
import { looksLong } from "./runner-choice.js";
import type { CheckResult } from "./result.js";

export type { ModelInput } from "./parallel-tasks.js";

export interface ParallelOptions extends ExploreOptions {
  /** Worker threads (at least 1). With 1, the search runs explore() on this thread. */
  readonly workers: number;
  /**
   * Levels of fewer states than this are expanded on this thread (threads would cost more than
   * they save), and the search goes to threads only after 200 ms (see searchUntilLong); until then
   * it is explore()'s; default 4096. Results do not depend on it; tests set 0 to use the workers
   * from the first level.
   */
  readonly workersFrom?: number;
}

const WORKERS_FROM = 4096;
/** The search goes to threads only after 200 ms; until then it is explore()'s. */
const WORKERS_AFTER_MS = 200;
/** Threads may start booting this early, when the levels grow fast (see growsLong). */
const BOOT_AFTER_MS = 30;
/** explore() runs in slices of this many ms before a hand-over, so that timers and signals run. */
const SLICE_MS = 50;

/**
 * Explores the spec `input` breadth first on `options.workers` threads: explore() first, on this
 * thread, and once the search looks long (see looksLong) the level search on threads. The counts,
 * the outcome, the violation and its path, and the coverage are those of explore() on the same
 * model, at any worker count (see exploreLevels). `model`, when given, must be the Model of `input` (it saves
 * compiling it again). Throws when `input` does not compile: load it with loadModel first.
 */
export async function exploreParallel(input: ModelInput, options: ParallelOptions, model?: Model): Promise<CheckResult> {
  const main = model ?? load(input);
  if (options.workers <= 1) return explore(main, options);
  const poolFrom = options.workersFrom ?? WORKERS_FROM;
  let pool: WorkerPool | undefined;
  const startPool = (): WorkerPool => (pool ??= createWorkerPool(options.workers, input));
  try {
    // Step 1: Search with explore() (the fastest on one thread) until the search looks long
    // enough for threads and they are ready; a short search ends there.
    let from: SearchSnapshot | undefined;
    if (poolFrom > 0) {
      const search = searchUntilLong(main, options, poolFrom, startPool, () => pool?.isReady() === true);
      while (!search.run(SLICE_MS)) await new Promise<void>((resolve) => setImmediate(resolve));
      from = search.handedOver();
      if (from === undefined) return search.result();
    }
    // Step 2: Go on level by level, on the threads for big levels.
    // (After a hand-over the pool is already started and ready.)
    const runners = { local: createLocalRunner(main), pool: startPool(), poolFrom };
    return await exploreLevels(main, runners, options, from);
  } finally {
    await pool?.destroy();
  }
}

/**
 * explore()'s search, to be handed over at a level boundary once it looks long (see looksLong)
 * and the threads are ready. They start booting (`startPool`) when the search looks long, or
 * earlier, once it is 30 ms old, when its levels grow fast enough to look long within two more
 * levels (see growsLong): they then boot (about 0.25 s) on the core explore() leaves idle, and
 * the search is handed to threads that are ready. Its seen-set is already the level search's
 * partitions: the hand-over copies none of it.
 */
function searchUntilLong(model: Model, options: ExploreOptions, poolFrom: number, startPool: () => void, isReady: () => boolean): Search {
  const startedAt = performance.now();
  let previous = 0;
  const handOver = (_: number, size: number): boolean => {
    const elapsed = performance.now() - startedAt;
    const long = looksLong(elapsed, size, poolFrom, WORKERS_AFTER_MS);
    if (long || (elapsed >= BOOT_AFTER_MS && growsLong(previous, size, 16 * poolFrom))) startPool();
    // A search whose levels shrink is ending: threads would take only its last few levels (a
    // long one with small levels is handed over only while they do not shrink).
    const go = long && (size >= 16 * poolFrom || size >= previous) && isReady();
    previous = size;
    return go;
  };
  return createSearch(model, options, handOver, new PartitionedSeenSet(options.memoryBytes));
}

/**
 * Whether levels that grew from `previous` to `size` states reach `target` within two more
 * levels at that rate (size × (size / previous)² ≥ target).
 */
export function growsLong(previous: number, size: number, target: number): boolean {
  return previous > 0 && size > previous && size * size * size >= target * previous * previous;
}

function load(input: ModelInput): Model {
  const loaded = loadModel(input.source, input.fileName, { constants: input.constants });
  if (loaded.model === undefined) {
    const codes = loaded.diagnostics.map((d) => d.code).join(", ");
    throw new Error(`exploreParallel: ${input.fileName} does not compile (${codes}); check it with loadModel first`);
  }
  return loaded.model;
}
