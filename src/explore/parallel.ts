// exploreParallel, for the CLI and the API: runs parallel-bfs.ts here and on a worker pool started
// for the big levels of long searches. Like worker.ts a composition root (it builds models with
// index.ts's loadModel), the one exception to explore/'s imports.

import type { Model } from "../compile/model.js";
import { loadModel } from "../index.js";
import { explore, type ExploreOptions } from "./bfs.js";
import { createLocalRunner } from "./local-runner.js";
import { exploreLevels } from "./parallel-bfs.js";
import type { ModelInput } from "./parallel-tasks.js";
import { createWorkerPool, type WorkerPool } from "./pool.js";
import type { CheckResult } from "./result.js";

export type { ModelInput } from "./parallel-tasks.js";

export interface ParallelOptions extends ExploreOptions {
  /** Worker threads (at least 1). With 1, the search runs explore() on this thread. */
  readonly workers: number;
  /**
   * Levels of fewer states than this are expanded on this thread (threads would cost more than
   * they save), and threads start only after 200 ms; default 4096. Results do not depend on it;
   * tests set 0 to use the workers from the first level.
   */
  readonly workersFrom?: number;
}

const WORKERS_FROM = 4096;
/** Threads start only once the search has run this long (their start costs about 0.3 s). */
const WORKERS_AFTER_MS = 200;

/**
 * Explores the spec `input` breadth first on `options.workers` threads. The counts, the outcome,
 * the violation and its path, and the coverage are those of explore() on the same model, at any
 * worker count (see exploreLevels). `model`, when given, must be the Model of `input` (it saves
 * compiling it again). Throws when `input` does not compile: load it with loadModel first.
 */
export async function exploreParallel(input: ModelInput, options: ParallelOptions, model?: Model): Promise<CheckResult> {
  const main = model ?? load(input);
  if (options.workers <= 1) return explore(main, options);
  let pool: WorkerPool | undefined;
  const runners = {
    local: createLocalRunner(main),
    pool: () => (pool ??= createWorkerPool(options.workers, input)),
    poolFrom: options.workersFrom ?? WORKERS_FROM,
    startAfterMs: WORKERS_AFTER_MS,
  };
  try {
    return await exploreLevels(main, runners, options);
  } finally {
    await pool?.destroy();
  }
}

function load(input: ModelInput): Model {
  const loaded = loadModel(input.source, input.fileName, { constants: input.constants });
  if (loaded.model === undefined) {
    const codes = loaded.diagnostics.map((d) => d.code).join(", ");
    throw new Error(`exploreParallel: ${input.fileName} does not compile (${codes}); check it with loadModel first`);
  }
  return loaded.model;
}
