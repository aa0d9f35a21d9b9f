// Runs one task against a Model: the body of a worker (worker.ts) and of the in-process runner
// (local-runner.ts), so both compute exactly the same results. The BFS's chunk expander and random
// search's walk runner are built on first use: a pool that only runs walks never allocates the
// BFS's shared buffers.

import type { Model } from "../compile/model.js";
import { createChunkExpander, type ChunkExpander } from "./chunk-expander.js";
import { insertCandidates } from "./level-merge.js";
import type { Task, TaskResult, WalkTask } from "./parallel-tasks.js";
import { createWalkTaskHandler } from "./random-parallel.js";
import type { WalkRangeResult } from "./walk-runner.js";

/** A function that runs any task for `model`; it keeps the expander's scratch buffers between tasks. */
export function createTaskHandler(model: Model): (task: Task) => TaskResult {
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
        return (walker ??= createWalkTaskHandler(model))(task);
      case "warmup":
        return { kind: "warmup" };
    }
  };
}
