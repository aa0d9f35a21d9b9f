// The activity board: rows claimed once per thread, busy while a task runs, units added up; and
// on a real pool, the rows account for every step of a random search.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ActivityRow, createActivityBoard, readActivity } from "../../../src/explore/activity.js";
import { exploreParallel } from "../../../src/explore/parallel.js";
import { createWorkerPool } from "../../../src/explore/pool.js";
import type { Progress } from "../../../src/explore/result.js";
import { randomSearchParallel } from "../../../src/explore/random-parallel.js";
import { loadModel } from "../../../src/index.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("activity board", () => {
  it("gives each thread its own row and adds up its work", () => {
    const board = createActivityBoard(2);
    expect(readActivity(board)).toEqual([
      { busy: false, expanded: 0 },
      { busy: false, expanded: 0 },
    ]);
    const a = ActivityRow.claim(board)!;
    const b = ActivityRow.claim(board)!;
    expect(ActivityRow.claim(board)).toBeUndefined();
    a.start();
    b.start();
    b.finish(7);
    expect(readActivity(board)).toEqual([
      { busy: true, expanded: 0 },
      { busy: false, expanded: 7 },
    ]);
    a.finish(5);
    b.start();
    b.finish(3_000_000_000);
    expect(readActivity(board)).toEqual([
      { busy: false, expanded: 5 },
      { busy: false, expanded: 3_000_000_007 },
    ]);
  });

  it("on a real pool, the rows add up to the steps of a random search", async () => {
    const file = join(ROOT, "specs", "two-phase.fl");
    const input = { source: readFileSync(file, "utf8"), fileName: file, constants: { K: "4" } };
    const model = loadModel(input.source, input.fileName, { constants: input.constants }).model!;
    const pool = createWorkerPool(2, input);
    try {
      const result = await randomSearchParallel(model, { seed: 3n, walks: 4000, walkDepth: 50, workers: 2 }, (task) => pool.run(task));
      const rows = pool.activity();
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => !r.busy)).toBe(true);
      expect(rows.reduce((n, r) => n + r.expanded, 0)).toBe(result.random.steps);
    } finally {
      await pool.destroy();
    }
  });

  it("a parallel BFS reports each thread's states in its progress", async () => {
    const file = join(ROOT, "specs", "two-phase.fl");
    const input = { source: readFileSync(file, "utf8"), fileName: file, constants: { K: "8" } };
    const seen: Progress[] = [];
    const result = await exploreParallel(input, { workers: 2, workersFrom: 0, onProgress: (p) => seen.push(p) });
    expect(result.stats.distinctStates).toBe(1_745_408);
    const withWorkers = seen.filter((p) => p.workers !== undefined);
    expect(withWorkers.length).toBeGreaterThan(0);
    const last = withWorkers[withWorkers.length - 1]!.workers!;
    expect(last).toHaveLength(2);
    const expanded = last.reduce((n, w) => n + w.expanded, 0);
    expect(expanded).toBeGreaterThan(0);
    expect(expanded).toBeLessThanOrEqual(1_745_408);
  });
});
