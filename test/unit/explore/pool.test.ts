// The worker pool (pool.ts, on real threads: `npm test` builds dist/ first) starts queued tasks in
// the order they were submitted: the parallel BFS hands out a level's runs of chunks big first and
// small last, and a run started late would leave the other threads waiting at the level's end.
// It says it is ready as soon as its threads have built the model, even while this thread is busy.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WalkTask } from "../../../src/explore/parallel-tasks.js";
import { createWorkerPool } from "../../../src/explore/pool.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("createWorkerPool", () => {
  it("starts queued tasks in submission order", async () => {
    const file = join(ROOT, "specs", "two-phase.fl");
    const input = { source: readFileSync(file, "utf8"), fileName: file, constants: { K: "3" } };
    // One thread runs one task at a time, so the order in which tasks settle is the order in
    // which they started.
    const pool = createWorkerPool(1, input);
    try {
      await pool.ready;
      const settled: number[] = [];
      const walks = (i: number): WalkTask => ({ kind: "walks", search: "order", seed: "0x7", walkDepth: 20, from: i * 10, to: i * 10 + 10 });
      await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run(walks(i)).then(() => settled.push(i))));
      expect(settled).toEqual(Array.from({ length: 12 }, (_, i) => i));
    } finally {
      await pool.destroy();
    }
  });

  it("says it is ready once every thread has built the model, while this thread is busy", async () => {
    const file = join(ROOT, "specs", "two-phase.fl");
    const input = { source: readFileSync(file, "utf8"), fileName: file, constants: { K: "3" } };
    const pool = createWorkerPool(2, input);
    try {
      expect(pool.isReady()).toBe(false);
      // This thread's event loop does not turn here (it sleeps in Atomics.wait), so the threads'
      // replies to their warm-up tasks cannot be heard: isReady must read shared memory.
      const nap = new Int32Array(new SharedArrayBuffer(4));
      const until = Date.now() + 20_000;
      while (!pool.isReady() && Date.now() < until) Atomics.wait(nap, 0, 0, 5);
      expect(pool.isReady()).toBe(true);
      await pool.ready;
    } finally {
      await pool.destroy();
    }
  });
});
