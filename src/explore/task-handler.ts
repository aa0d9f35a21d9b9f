// Runs one task against a Model: the body of a worker (worker.ts) and of the in-process runner
// (local-runner.ts), so both compute exactly the same results. The BFS's chunk expander and random
// search's walk runner are built on first use: a pool that only runs walks never allocates the
// BFS's shared buffers. Random search's code (and fast-check, which its shrinker needs) is not
// imported here: the caller hands in `walks`, so that a worker of the BFS never loads it.

import type { Model } from "../compile/model.js";
import { createChunkExpander, type ChunkExpander } from "./chunk-expander.js";
import { insertCandidates } from "./level-merge.js";
import type { Task, TaskResult, WalkTask } from "./parallel-tasks.js";
import type { WalkRangeResult } from "./walk-runner.js";

/** Builds the runner of walk ranges for a model (random-parallel.ts, createWalkTaskHandler). */
export type WalkHandlerFactory = (model: Model) => (task: WalkTask) => WalkRangeResult;

/**
 * A function that runs any task for `model`; it keeps the expander's scratch buffers between
 * tasks. `walks` is asked for the walk runner's factory on the first walk task.
 */
export function createTaskHandler(model: Model, walks: () => WalkHandlerFactory): (task: Task) => TaskResult {
  let expander: ChunkExpander | undefined;
  let walker: ((task: WalkTask) => WalkRangeResult) | undefined;
  const expand = (): ChunkExpander => (expander ??= createChunkExpander(model));
  return (task) => {
    switch (task.kind) {
      case "expand":
        return expand()(task);
      case "expand-run":
        return { kind: "expand-run", results: task.chunks.map(expand()) };
      case "insert":
        return insertCandidates(task);
      case "walks":
        return (walker ??= walks()(model))(task);
      case "warmup":
        return { kind: "warmup" };
    }
  };
}
