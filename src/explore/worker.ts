// The worker thread of the parallel BFS (loaded by pool.ts from dist/): rebuilds the Model once
// from the pool's workerData (a ModelInput; compile is deterministic), then runs tasks with it.
// It is a thread's composition root, so it may use loadModel from index.ts.

import { workerData } from "node:worker_threads";
import { loadModel } from "../index.js";
import type { ModelInput, Task, TaskResult } from "./parallel-tasks.js";
import { createTaskHandler } from "./task-handler.js";

let handler: ((task: Task) => TaskResult) | undefined;

/** Loads the model named by workerData on first use. */
function getHandler(): (task: Task) => TaskResult {
  if (handler !== undefined) return handler;
  const input = (workerData as { input: ModelInput }).input;
  const loaded = loadModel(input.source, input.fileName, { constants: input.constants });
  if (loaded.model === undefined) {
    const codes = loaded.diagnostics.map((d) => d.code).join(", ");
    throw new Error(`internal: a worker could not rebuild the model of ${input.fileName} (${codes})`);
  }
  handler = createTaskHandler(loaded.model);
  return handler;
}

/** The piscina task entry point. */
export default function runTask(task: Task): TaskResult {
  return getHandler()(task);
}
