// The worker thread of the parallel BFS (loaded by pool.ts from dist/): rebuilds the Model once
// from the pool's workerData (a ModelInput; compile is deterministic), then runs tasks with it.
// It is a thread's composition root, so it may use loadModel from index.ts.

import { workerData } from "node:worker_threads";
import { loadModel } from "../index.js";
import { ActivityRow } from "./activity.js";
import type { ModelInput, Task, TaskResult } from "./parallel-tasks.js";
import type { WalkRangeResult } from "./walk-runner.js";
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

let row: ActivityRow | undefined;
let rowClaimed = false;

/** This thread's row of the pool's activity board (claimed on the first task). */
function activityRow(): ActivityRow | undefined {
  if (!rowClaimed) {
    rowClaimed = true;
    const board = (workerData as { activity?: SharedArrayBuffer }).activity;
    row = board === undefined ? undefined : ActivityRow.claim(board);
  }
  return row;
}

/** The work a task did, in the live view's units: states expanded, or random-walk steps. */
function workUnits(task: Task, result: TaskResult): number {
  if (task.kind === "expand") return task.take;
  if (task.kind === "expand-run") return task.chunks.reduce((n, c) => n + c.take, 0);
  return task.kind === "walks" ? (result as WalkRangeResult).steps : 0;
}

/** The piscina task entry point. */
export default function runTask(task: Task): TaskResult {
  const mine = task.kind === "warmup" ? undefined : activityRow();
  mine?.start();
  let units = 0;
  try {
    const result = getHandler()(task);
    units = workUnits(task, result);
    return result;
  } finally {
    mine?.finish(units);
  }
}
