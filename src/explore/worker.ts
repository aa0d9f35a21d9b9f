// The worker thread of the parallel BFS (loaded by pool.ts from dist/): rebuilds the Model once
// from the pool's workerData (a WorkerInput: the parsed spec; check and compile are
// deterministic), then runs tasks with it. It is a thread's composition root, so it may use
// check/ and compile/; it does not import the parser, which is slow to load, nor random search's
// code (and fast-check) until its first walk task: a thread of the BFS boots without them.

import { workerData } from "node:worker_threads";
import { check } from "../check/index.js";
import { compile } from "../compile/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ActivityRow } from "./activity.js";
import type { Task, TaskResult, WorkerInput } from "./parallel-tasks.js";
import type { WalkRangeResult } from "./walk-runner.js";
import { createTaskHandler, type WalkHandlerFactory } from "./task-handler.js";

let handler: ((task: Task) => TaskResult) | undefined;
/** Random search's walk runner factory, imported on the first walk task. */
let walks: WalkHandlerFactory | undefined;

function loadedWalks(): WalkHandlerFactory {
  if (walks === undefined) throw new Error("internal: a walk task ran before random search's code was loaded");
  return walks;
}

/** Loads the model named by workerData on first use. */
function getHandler(): (task: Task) => TaskResult {
  if (handler !== undefined) return handler;
  const input = (workerData as { input: WorkerInput }).input;
  const checked = check(input.ast, { constants: input.constants });
  const compiled = checked.checked === undefined ? undefined : compile(checked.checked);
  if (compiled?.model === undefined) {
    const diagnostics: Diagnostic[] = [...checked.diagnostics, ...(compiled?.diagnostics ?? [])];
    const codes = diagnostics.map((d) => d.code).join(", ");
    throw new Error(`internal: a worker could not rebuild the model of ${input.fileName} (${codes})`);
  }
  handler = createTaskHandler(compiled.model, loadedWalks);
  // Tell the pool (pool.ts, isReady) that this thread can take work.
  const built = (workerData as { built?: SharedArrayBuffer }).built;
  if (built !== undefined) Atomics.add(new Int32Array(built), 0, 1);
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

/** The piscina task entry point (a promise only for the first walk task, which loads their code). */
export default function runTask(task: Task): TaskResult | Promise<TaskResult> {
  if (task.kind === "walks" && walks === undefined) {
    return import("./random-parallel.js").then((loaded) => {
      walks = loaded.createWalkTaskHandler;
      return runTask(task);
    });
  }
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
