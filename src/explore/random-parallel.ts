// Random search over worker threads: walk ranges are handed out in order as tasks, and their
// results merged in walk order (walk-tally.ts), so the answer is randomSearch()'s at any worker
// count. Running a task is the caller's (pool.ts's workers use createWalkTaskHandler).

import type { Model } from "../compile/model.js";
import { formatSeed } from "./prng.js";
import { finishRandomSearch, lastLocalWalk, planRandomSearch, randomProgress, type RandomOptions } from "./random-walk.js";
import type { LimitKind, RandomResult } from "./result.js";
import { createWalkRunner, type Shard, type WalkRangeResult, type WalkRunner } from "./walk-runner.js";
import { WalkTally } from "./walk-tally.js";

/** One range of walks for a worker: plain data, structured-cloneable. */
export interface WalkTask {
  readonly kind: "walks";
  /** Names the search: a worker keeps one runner (and its visited-state set) per search. */
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

/**
 * The worker side: a function that runs WalkTasks on `model` (the worker's own copy, rebuilt from
 * the same source), keeping the runner of the current search between tasks. Its results carry
 * the fingerprints of states first visited, for the merged distinct count.
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
let searches = 0;

/**
 * randomSearch() with its walk ranges run by `runTask` (e.g. on a piscina pool whose workers call
 * createWalkTaskHandler), up to 2 x `workers` at a time, handed out in walk order. Results are
 * merged in walk order and the search stops at the first failing walk whose predecessors have all
 * completed, so the outcome, the counts, the failing walk and its shrunk trace equal
 * randomSearch()'s with the same options, at any worker count. A worker must run the tasks it is
 * given in the order given (piscina does, one task per worker at a time). Rejects when a task fails.
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
  let stopping = false;
  let limit: LimitKind = "walks";
  let lastProgressAt = plan.startedAt;

  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const pump = (): void => {
      // Step 1: Merge finished ranges in walk order.
      for (let range = done.get(tally.next); range !== undefined && tally.found === undefined; range = done.get(tally.next)) {
        done.delete(range.from);
        tally.add(range);
      }
      // Step 2: Decide whether to hand out more.
      const now = performance.now();
      if (!stopping && (tally.found !== undefined || tally.next >= end)) stopping = true;
      else if (!stopping && now >= plan.deadline) [stopping, limit] = [true, "time"];
      else if (!stopping && options.shouldStop?.() === true) [stopping, limit] = [true, "interrupted"];
      if (options.onProgress !== undefined && now - lastProgressAt >= 250) {
        lastProgressAt = now;
        options.onProgress(randomProgress(tally, plan, now, tally.seenBytes));
      }
      // Step 3: Keep the workers busy, in walk order.
      while (!stopping && inFlight < maxInFlight && nextFrom < end) {
        const from = nextFrom;
        const to = Math.min(end, from + perTask);
        nextFrom = to;
        inFlight++;
        runTask({ ...base, from, to }).then(
          (range) => {
            inFlight--;
            done.set(from, range);
            if (failed) return;
            try {
              pump();
            } catch (error) {
              failed = true;
              reject(error);
            }
          },
          (error: unknown) => {
            inFlight--;
            failed = true;
            reject(error);
          },
        );
      }
      if (inFlight === 0 && !failed) resolve();
    };
    pump();
  });
  return finishRandomSearch(model, tally, plan, limit, 0, options.shortenSteps);
}
