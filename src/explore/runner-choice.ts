// Where the parallel BFS runs its tasks: this thread for small levels, the worker pool for the
// others. Which runner runs a task never changes its result.

import type { WorkerActivity } from "./activity.js";
import type { ExpandResult, ExpandTask, TaskRunner } from "./parallel-tasks.js";

/**
 * Where tasks run: levels of fewer than `poolFrom` states (default 0) on `local` (this thread),
 * the others on `pool`, which the caller has started; the search waits until it is ready. Which
 * runner runs a task never changes its result.
 */
export interface Runners {
  readonly local: TaskRunner;
  readonly pool?: TaskRunner & { readonly ready: Promise<void>; activity?(): WorkerActivity[] };
  readonly poolFrom?: number;
}

/** The runner choice of one search. */
export class RunnerChoice {
  constructor(private readonly runners: Runners) {}

  /** Settles when the pool, if any, is ready. */
  async ready(): Promise<void> {
    await this.runners.pool?.ready;
  }

  /** The runner for a level of `size` states. */
  runnerFor(size: number): TaskRunner {
    const { local, pool, poolFrom = 0 } = this.runners;
    return pool !== undefined && size >= poolFrom ? pool : local;
  }

  /** What each worker thread is doing, when there is a pool (for progress). */
  activity(): { workers?: WorkerActivity[] } {
    const pool = this.runners.pool;
    return pool?.activity ? { workers: pool.activity() } : {};
  }

  /**
   * Runs phase A for the chunks `tasks` of a level of `size` states, in runs of consecutive chunks
   * (groupRuns for `workers` threads), and answers their results in chunk order.
   */
  async expandRuns(size: number, tasks: ExpandTask[], workers: number, onDone: (chunks: ExpandTask[], results: ExpandResult[]) => void): Promise<ExpandResult[]> {
    const runner = this.runnerFor(size);
    const runs = groupRuns(tasks, workers).map((chunks) =>
      runner.run({ kind: "expand-run", chunks }).then(({ results }) => {
        onDone(chunks, results);
        return results;
      }),
    );
    return (await Promise.all(runs)).flat();
  }
}

/**
 * Whether a search `elapsedMs` old, at a level of `size` states, looks long enough to hand to
 * threads: after `startAfterMs` at a level of 16 × `poolFrom` states, else after 5 ×
 * `startAfterMs` at one of an eighth of `poolFrom` (threads cost a few hundred ms of CPU to start,
 * which short searches never pay).
 */
export function looksLong(elapsedMs: number, size: number, poolFrom: number, startAfterMs: number): boolean {
  return (elapsedMs >= startAfterMs && size >= 16 * poolFrom) || (elapsedMs >= 5 * startAfterMs && size * 8 >= poolFrom);
}

/**
 * Groups a level's chunks into runs of consecutive chunks for `workers` threads, big first and
 * smaller towards the end (guided self-scheduling: a run takes 1/(2 workers) of what is left), so
 * that each thread sees long stretches of the level yet finishes with the others.
 */
export function groupRuns(tasks: readonly ExpandTask[], workers: number): ExpandTask[][] {
  const runs: ExpandTask[][] = [];
  for (let at = 0; at < tasks.length; ) {
    const take = Math.max(1, Math.ceil((tasks.length - at) / (2 * workers)));
    runs.push(tasks.slice(at, at + take));
    at += take;
  }
  return runs;
}
