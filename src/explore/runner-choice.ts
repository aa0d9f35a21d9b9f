// Where the parallel BFS runs its tasks: this thread for small levels and while the pool boots,
// the worker pool once the search looks long enough to pay for threads and the pool is ready,
// even within a level. Which runner runs a task never changes its result.

import type { WorkerActivity } from "./activity.js";
import type { ExpandResult, ExpandTask, TaskRunner } from "./parallel-tasks.js";

/**
 * Where tasks run: levels of fewer than `poolFrom` states on `local` (this thread), bigger ones
 * on the pool that `pool()` starts once the search looks long: after `startAfterMs` when a level
 * reaches 16 × `poolFrom` states, else after 5 × `startAfterMs` when one reaches an eighth of
 * `poolFrom` (threads cost a few hundred ms of CPU to start, which short searches never pay). The
 * pool is used as soon as it is ready, even within a level; until then this thread goes on alone
 * (with `poolFrom` 0, the search waits for the pool from the start instead). Which runner runs a
 * task never changes its result.
 */
export interface Runners {
  readonly local: TaskRunner;
  readonly pool?: () => TaskRunner & { isReady(): boolean; readonly ready: Promise<void>; activity?(): WorkerActivity[] };
  readonly poolFrom?: number;
  readonly startAfterMs?: number;
}

type Pool = ReturnType<NonNullable<Runners["pool"]>>;

/** The runner choice of one search, started at `startedAt` (performance.now()). */
export class RunnerChoice {
  private pool: Pool | undefined;

  constructor(
    private readonly runners: Runners,
    private readonly startedAt: number,
  ) {}

  /** With `poolFrom` 0, the pool is started at once and waited for. */
  async waitForEagerPool(): Promise<void> {
    if (this.runners.pool !== undefined && this.runners.poolFrom === 0) await this.started(0)!.ready;
  }

  /** The runner for a level of `size` states. */
  runnerFor(size: number): TaskRunner {
    const pool = this.started(size);
    return pool !== undefined && size >= (this.runners.poolFrom ?? 0) && pool.isReady() ? pool : this.runners.local;
  }

  /** Lets the event loop turn (the pool's messages need it) while a started pool is not ready. */
  async yieldToPool(size: number): Promise<void> {
    const pool = this.started(size);
    if (pool !== undefined && !pool.isReady()) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** What each worker thread is doing, once the pool is started (for progress). */
  activity(): { workers?: WorkerActivity[] } {
    return this.pool?.activity ? { workers: this.pool.activity() } : {};
  }

  /**
   * Runs phase A for the chunks `tasks` of a level of `size` states, in runs of consecutive chunks
   * (groupRuns for `workers` threads), and answers their results in chunk order: on the pool
   * when it is ready. While a started pool is still booting, this thread expands chunks one at a
   * time, with a turn of the event loop between them, and hands what is left to the pool as soon
   * as it is ready (so the threads wait for no run of this thread's).
   */
  async expandRuns(size: number, tasks: ExpandTask[], workers: number, onDone: (chunks: ExpandTask[], results: ExpandResult[]) => void): Promise<ExpandResult[]> {
    const submit = (runner: TaskRunner, chunks: ExpandTask[]): Promise<ExpandResult[]> =>
      runner.run({ kind: "expand-run", chunks }).then(({ results }) => {
        onDone(chunks, results);
        return results;
      });
    const onRunners = async (runner: TaskRunner, chunks: ExpandTask[]): Promise<ExpandResult[]> =>
      (await Promise.all(groupRuns(chunks, workers).map((run) => submit(runner, run)))).flat();
    const pool = this.started(size);
    if (pool === undefined || pool.isReady() || size < (this.runners.poolFrom ?? 0)) return onRunners(this.runnerFor(size), tasks);
    const done: ExpandResult[] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (pool.isReady()) return [...done, ...(await onRunners(pool, tasks.slice(i)))];
      done.push(...(await submit(this.runners.local, [tasks[i]!])));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return done;
  }

  /** The pool, started once the search looks long at a level of `size` states (see Runners). */
  private started(size: number): Pool | undefined {
    const { pool, poolFrom = 0, startAfterMs = 0 } = this.runners;
    if (this.pool !== undefined || pool === undefined || poolFrom === 0) return (this.pool ??= pool?.());
    return looksLong(performance.now() - this.startedAt, size, poolFrom, startAfterMs) ? (this.pool = pool()) : undefined;
  }
}

/**
 * Whether a search `elapsedMs` old, at a level of `size` states, looks long enough to start
 * threads for (see Runners: `poolFrom`, `startAfterMs`).
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
