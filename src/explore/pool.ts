// The worker pool of the parallel BFS and of random search: the only module that imports piscina.
// Workers run dist/explore/worker.js (the compiled code), found from the package root, so the pool
// also works when this file runs from src/ under vitest (after `npm run build`). The spec is
// parsed here, where the parser is loaded already, and workers get its syntax tree: a worker
// never loads the parser (chevrotain and its grammar analysis cost ~150 ms of each thread's start).

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { createActivityBoard, readActivity, type WorkerActivity } from "./activity.js";
import { parse } from "../syntax/index.js";
import { createTaskRunner, type ModelInput, type Task, type TaskResult, type TaskRunner, type WorkerInput } from "./parallel-tasks.js";

/** The compiled worker: `<package root>/dist/explore/worker.js` from both src/explore and dist/explore. */
export function workerFile(): string {
  return fileURLToPath(new URL("../../dist/explore/worker.js", import.meta.url));
}

/** A TaskRunner on worker threads that says when its threads have booted and built the model. */
export interface WorkerPool extends TaskRunner {
  isReady(): boolean;
  /** Settles when every thread has built the model. */
  readonly ready: Promise<void>;
  /** What each thread is doing now (one row per thread, for the live view). */
  activity(): WorkerActivity[];
}

/**
 * Starts `threads` worker threads, each rebuilding the model of `input` from its syntax tree (a
 * warm-up task per thread starts that at once; `isReady()` answers true when they are done: it
 * reads a count in shared memory, so it need not wait for this thread's event loop to hear of it).
 * Tasks start in submission order as threads free up. Call `destroy()` when done: tasks still queued or running
 * then reject. Throws when the worker has not been built.
 */
export function createWorkerPool(threads: number, input: ModelInput): WorkerPool {
  const filename = workerFile();
  if (!existsSync(filename)) throw new Error(`internal: ${filename} is missing; run \`npm run build\` first`);
  const parsed = parse(input.source, input.fileName);
  if (parsed.ast === undefined) throw new Error(`internal: ${input.fileName} does not parse; load it with loadModel first`);
  const workerInput: WorkerInput = { ast: parsed.ast, fileName: input.fileName, constants: input.constants };
  const board = createActivityBoard(threads);
  // Each thread counts itself here once it has built the model (see worker.ts).
  const built = new Int32Array(new SharedArrayBuffer(4));
  const pool = new Piscina<Task, TaskResult>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    // Without it, piscina puts a queued task it could not hand out yet at the back of its queue,
    // so tasks start out of order; the parallel BFS hands out runs of chunks big first and small
    // last (runner-choice.ts, groupRuns) and counts on them starting in that order.
    stricterFIFO: true,
    idleTimeout: 60_000,
    workerData: { input: workerInput, activity: board, built: built.buffer },
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  // A task still running when the pool is destroyed (a random search that stopped early abandons
  // its tasks in flight) may answer after piscina forgot it, which it reports as an 'error' event.
  let destroying = false;
  pool.on("error", (error: unknown) => {
    if (!destroying) throw error;
  });
  const warmups = Array.from({ length: threads }, () => pool.run({ kind: "warmup" }));
  const ready = Promise.all(warmups).then(() => undefined);
  ready.catch(() => undefined);
  const runner = createTaskRunner(
    (task) => pool.run(task),
    () => {
      destroying = true;
      return pool.destroy();
    },
  );
  return { ...runner, isReady: () => Atomics.load(built, 0) >= threads, ready, activity: () => readActivity(board) };
}
