// Random search over worker threads: walk ranges are handed out in order as tasks, and their
// results merged in walk order (walk-tally.ts), so the answer is randomSearch()'s at any worker
// count. Running a task is the caller's (pool.ts's workers route WalkTasks, see task-handler.ts,
// to createWalkTaskHandler).

import type { Model } from "../compile/model.js";
import type { WalkTask } from "./parallel-tasks.js";
import { formatSeed } from "./prng.js";
import { finishRandomSearch, lastLocalWalk, planRandomSearch, randomProgress, type RandomOptions } from "./random-walk.js";
import type { LimitKind, RandomResult } from "./result.js";
import { createWalkRunner, type Shard, type WalkRangeResult, type WalkRunner } from "./walk-runner.js";
import { WalkTally } from "./walk-tally.js";

export type { WalkTask } from "./parallel-tasks.js";

/**
 * The worker side: a function that runs WalkTasks on `model` (the worker's own copy, rebuilt from
 * the same source), keeping the runner of the current search between tasks. Its results carry
 * the fingerprints of the distinct states of their range, for the merged distinct count: a range's
 * result does not depend on the ranges the worker ran before it.
 */
export function createWalkTaskHandler(model: Model): (task: WalkTask) => WalkRangeResult {
  let search: string | undefined;
  let runner: WalkRunner | undefined;
  return (task) => {
    if (runner === undefined || task.search !== search) {
      search = task.search;
      runner = createWalkRunner(model, {
        seed: BigInt(task.seed),
        walkDepth: task.walkDepth,
        ...(task.shard !== undefined ? { shard: task.shard } : {}),
        ...(task.maxSeenBytes !== undefined ? { maxSeenBytes: task.maxSeenBytes } : {}),
        exportFingerprints: true,
      });
    }
    return runner.run(task.from, task.to);
  };
}

export interface ParallelRandomOptions extends RandomOptions {
  /** Worker threads the tasks run on (tasks kept in flight: twice this). */
  readonly workers: number;
  /** Walks per task (default: about 65,536 steps' worth at the walk depth). Does not change results. */
  readonly walksPerTask?: number;
}

/** Steps a task aims at (its walks times the walk depth). */
const TASK_STEPS = 1 << 16;
/** How often the clock, `shouldStop` and progress are polled while tasks run. */
const POLL_MS = 50;
const PROGRESS_INTERVAL_MS = 250;
let searches = 0;

/**
 * randomSearch() with its walk ranges run by `runTask` (e.g. on a piscina pool whose workers call
 * createWalkTaskHandler), up to 2 x `workers` at a time, handed out in walk order. Results are
 * merged in walk order and the search stops at the first failing walk whose predecessors have all
 * completed, so the outcome, the counts, the failing walk and its shrunk trace equal
 * randomSearch()'s with the same options, at any worker count, whichever worker runs which range
 * in whatever order. The clock, `shouldStop`
 * and progress are also polled every POLL_MS, so a time limit or an interruption ends the search
 * without waiting for the tasks in flight: they are abandoned (their walks come after every walk
 * counted), and the caller may then destroy the pool. Rejects when a task fails.
 */
export async function randomSearchParallel(
  model: Model,
  options: ParallelRandomOptions,
  runTask: (task: WalkTask) => Promise<WalkRangeResult>,
): Promise<RandomResult> {
  const plan = planRandomSearch(options);
  const tally = new WalkTally(model, options.maxSeenBytes);
  const end = Math.min(plan.localWalks, lastLocalWalk(plan.shard));
  const perTask = Math.max(1, Math.floor(options.walksPerTask ?? TASK_STEPS / Math.max(1, plan.walkDepth)));
  const maxInFlight = Math.max(1, Math.floor(options.workers)) * 2;
  const base = {
    kind: "walks" as const,
    search: `${formatSeed(plan.seed)}#${++searches}`,
    seed: formatSeed(plan.seed),
    walkDepth: plan.walkDepth,
    ...(plan.shard !== undefined ? { shard: plan.shard } : {}),
    ...(options.maxSeenBytes !== undefined ? { maxSeenBytes: options.maxSeenBytes } : {}),
  };
  const done = new Map<number, WalkRangeResult>();
  let nextFrom = 0;
  let inFlight = 0;
  let limit: LimitKind = "walks";
  let lastProgressAt = plan.startedAt;

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (fail: (() => void) | undefined): void => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      (fail ?? resolve)();
    };
    /** Merges what finished, then ends the search or hands out more; true when it ended. */
    const pump = (): boolean => {
      // Step 1: Merge finished ranges in walk order.
      for (let range = done.get(tally.next); range !== undefined && tally.found === undefined; range = done.get(tally.next)) {
        done.delete(range.from);
        tally.add(range);
      }
      // Step 2: Decide whether to stop (a failure or the last walk ends it as randomSearch() would).
      const now = performance.now();
      let stop = tally.found !== undefined || tally.next >= end;
      if (!stop && now >= plan.deadline) [stop, limit] = [true, "time"];
      else if (!stop && options.shouldStop?.() === true) [stop, limit] = [true, "interrupted"];
      if (!stop && options.onProgress !== undefined && now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
        lastProgressAt = now;
        options.onProgress(randomProgress(tally, plan, now, tally.seenBytes));
      }
      if (stop) return true;
      // Step 3: Keep the workers busy, in walk order.
      while (inFlight < maxInFlight && nextFrom < end) {
        const from = nextFrom;
        const to = Math.min(end, from + perTask);
        nextFrom = to;
        inFlight++;
        runTask({ ...base, from, to }).then(
          (range) => {
            inFlight--;
            done.set(from, range);
            poll();
          },
          (error: unknown) => settle(() => reject(error)),
        );
      }
      if (inFlight === 0) throw new Error(`internal: no walk range in flight at walk ${tally.next} of ${end}`);
      return false;
    };
    const poll = (): void => {
      if (settled) return;
      try {
        if (pump()) settle(undefined);
      } catch (error) {
        settle(() => reject(error));
      }
    };
    const timer = setInterval(poll, POLL_MS);
    poll();
  });
  return finishRandomSearch(model, tally, plan, limit, 0, options.shortenSteps);
}
