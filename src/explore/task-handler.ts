// Runs one parallel-BFS task against a Model: the body of a worker (worker.ts) and of the
// in-process runner (local-runner.ts), so both compute exactly the same results.

import type { Model } from "../compile/model.js";
import { createChunkExpander } from "./chunk-expander.js";
import { insertCandidates } from "./level-merge.js";
import type { Task, TaskResult } from "./parallel-tasks.js";

/** A function that runs any task for `model`; it keeps the expander's scratch buffers between tasks. */
export function createTaskHandler(model: Model): (task: Task) => TaskResult {
  const expand = createChunkExpander(model);
  return (task) => {
    switch (task.kind) {
      case "expand":
        return expand(task);
      case "expand-run":
        return { kind: "expand-run", results: task.chunks.map(expand) };
      case "insert":
        return insertCandidates(task);
      case "warmup":
        return { kind: "warmup" };
    }
  };
}
