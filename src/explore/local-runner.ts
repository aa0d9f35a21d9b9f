// A TaskRunner on this thread: runs each task at once, in submission order. Used for tests on
// models that cannot cross a thread boundary (they are closures), and as the reference for pool.ts.

import type { Model } from "../compile/model.js";
import { createTaskRunner, type Task, type TaskResult, type TaskRunner } from "./parallel-tasks.js";
import { createWalkTaskHandler } from "./random-parallel.js";
import { createTaskHandler } from "./task-handler.js";

/** Runs tasks for `model` on the calling thread (each answer is a resolved promise). */
export function createLocalRunner(model: Model): TaskRunner {
  const handle = createTaskHandler(model, () => createWalkTaskHandler);
  const run = (task: Task): Promise<TaskResult> => {
    try {
      return Promise.resolve(handle(task));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return createTaskRunner(run, () => Promise.resolve());
}
