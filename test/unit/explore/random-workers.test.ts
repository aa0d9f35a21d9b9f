// Random search on real worker threads (piscina, loading dist/: `npm test` builds first) gives
// randomSearch()'s result exactly: the same walks, failure, shrunk trace and counts at 1, 2 and 4
// workers. Both the pool and this thread's async search yield to the event loop, so a stop asked
// by a timer is seen, and an interrupted search counts exactly the walks it completed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Model } from "../../../src/compile/model.js";
import { createLocalRunner } from "../../../src/explore/local-runner.js";
import type { ModelInput } from "../../../src/explore/parallel-tasks.js";
import { createWorkerPool, type WorkerPool } from "../../../src/explore/pool.js";
import { createWalkTaskHandler, randomSearchParallel, type ParallelRandomOptions } from "../../../src/explore/random-parallel.js";
import { randomSearch, randomSearchAsync, type RandomOptions, type RandomProgress } from "../../../src/explore/random-walk.js";
import type { RandomResult } from "../../../src/explore/result.js";
import { progressSnapshot } from "../../../src/cli/run-random.js";
import { loadModel } from "../../../src/index.js";
import { ROOT } from "../../helpers/run-cli.js";

function input(file: string, constants: Record<string, string> = {}): ModelInput {
  return { source: readFileSync(join(ROOT, file), "utf8"), fileName: file, constants };
}

function modelOf(spec: ModelInput): Model {
  const loaded = loadModel(spec.source, spec.fileName, { constants: spec.constants });
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return loaded.model;
}

/** Drops the fields that depend on timing or on where the visited-state sets live. */
function strip(r: RandomResult) {
  return {
    ...r,
    stats: { ...r.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 },
    random: { ...r.random, stepsPerSecond: 0 },
  };
}

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
});

/** randomSearchParallel on a fresh pool of `workers` threads, destroyed afterwards. */
async function onPool(spec: ModelInput, model: Model, options: ParallelRandomOptions): Promise<RandomResult> {
  const pool = createWorkerPool(options.workers, spec);
  pools.push(pool);
  try {
    return await randomSearchParallel(model, options, (task) => pool.run(task));
  } finally {
    await pool.destroy();
  }
}

/** A shouldStop that answers true once a timer has fired (so only if the search let it run). */
function stopByTimer(ms: number): () => boolean {
  let stop = false;
  setTimeout(() => (stop = true), ms);
  return () => stop;
}

const SPLIT_BRAIN = input("specs/split-brain.fl");
const TWO_PHASE = input("specs/two-phase.fl", { K: "5" });
const STALE_VOTES = input("test/fixtures/random/stale-votes.fl");
const FAILOVER = input("specs/failover-epoch.fl");

describe("randomSearchParallel on worker threads", () => {
  const cases: [string, ModelInput, RandomOptions & { walksPerTask?: number }][] = [
    ["a violation (split-brain, seed 7)", SPLIT_BRAIN, { seed: 7, walksPerTask: 1 }],
    ["a deep violation (stale-votes, seed 7)", STALE_VOTES, { seed: 7, walksPerTask: 2 }],
    ["no violation in a fixed number of walks (two-phase K=5)", TWO_PHASE, { seed: 3, walks: 600, walksPerTask: 37 }],
    ["reachables met in some ranges only (failover-epoch)", FAILOVER, { seed: 1, walks: 200, walkDepth: 6, walksPerTask: 3 }],
  ];
  for (const [name, spec, options] of cases) {
    it(`gives randomSearch()'s result at 1, 2 and 4 workers: ${name}`, async () => {
      const model = modelOf(spec);
      const alone = strip(randomSearch(model, options));
      for (const workers of [1, 2, 4]) {
        expect(strip(await onPool(spec, model, { ...options, workers }))).toEqual(alone);
      }
      expect(alone.random.walks).toBeGreaterThan(options.walksPerTask ?? 0);
      if (spec === FAILOVER) expect(alone.unreached).toEqual(["OldPrimaryFenced"]);
    });
  }

  it("gives the same result with the default task size, twice", async () => {
    const model = modelOf(TWO_PHASE);
    const options = { seed: 11, walks: 3000, workers: 2 };
    const first = strip(await onPool(TWO_PHASE, model, options));
    expect(first).toEqual(strip(await onPool(TWO_PHASE, model, options)));
    expect(first).toEqual(strip(randomSearch(model, options)));
    expect(first.random).toMatchObject({ walks: 3000, steps: 300_000 });
  });

  it("stops when asked between tasks, counting exactly the walks it completed", async () => {
    const model = modelOf(TWO_PHASE);
    const options = { seed: 5, walks: 1e9, walksPerTask: 50 };
    const stopped = await onPool(TWO_PHASE, model, { ...options, workers: 2, shouldStop: stopByTimer(400) });
    expect(stopped).toMatchObject({ outcome: "limit", limit: "interrupted" });
    const walks = stopped.random.walks;
    expect(walks).toBeLessThan(1e9);
    expect(strip(stopped)).toEqual({ ...strip(randomSearch(model, { ...options, walks })), limit: "interrupted" });
  });

  it("rejects when a task fails", async () => {
    const model = modelOf(SPLIT_BRAIN);
    const failing = () => Promise.reject(new Error("worker lost"));
    await expect(randomSearchParallel(model, { seed: 1, workers: 2 }, failing)).rejects.toThrow("worker lost");
  });
});

describe("walk tasks through the task handler", () => {
  it("runs a `walks` task as createWalkTaskHandler does", async () => {
    const model = modelOf(SPLIT_BRAIN);
    const task = { kind: "walks", search: "t", seed: "0x7", walkDepth: 100, from: 0, to: 20 } as const;
    const routed = await createLocalRunner(model).run(task);
    expect(routed).toEqual(createWalkTaskHandler(model)(task));
    expect(routed.found?.walk).toBe(3);
  });
});

describe("randomSearchAsync", () => {
  it("gives randomSearch()'s result", async () => {
    for (const [spec, options] of [
      [SPLIT_BRAIN, { seed: 7 }],
      [TWO_PHASE, { seed: 3, walks: 600 }],
    ] as const) {
      const model = modelOf(spec);
      expect(strip(await randomSearchAsync(model, options))).toEqual(strip(randomSearch(model, options)));
    }
  });

  it("lets timers run while it searches: a stop asked by one is seen, and the walks done are counted exactly", async () => {
    const model = modelOf(TWO_PHASE);
    const stopped = await randomSearchAsync(model, { seed: 5, walks: 1e9, shouldStop: stopByTimer(100) });
    expect(stopped).toMatchObject({ outcome: "limit", limit: "interrupted" });
    const walks = stopped.random.walks;
    expect(walks).toBeGreaterThan(0);
    expect(walks).toBeLessThan(1e9);
    expect(strip(stopped)).toEqual({ ...strip(randomSearch(model, { seed: 5, walks })), limit: "interrupted" });
  });

  it("reports progress: walks, their bound, steps, steps/s and the deepest walk, for the live view", async () => {
    const model = modelOf(TWO_PHASE);
    const seen: RandomProgress[] = [];
    await randomSearchAsync(model, { seed: 5, walks: 1e9, onProgress: (p) => seen.push(p), shouldStop: () => seen.length > 0 });
    const p = seen[0]!;
    expect(p).toMatchObject({ walksPlanned: 1e9, level: 100, queuedStates: 0 });
    expect(p.steps).toBe(100 * p.walks);
    expect(p.stepsPerSecond).toBeGreaterThan(0);
    expect(p.distinctStates).toBeGreaterThan(0);
    expect(progressSnapshot(p)).toEqual({
      distinctStates: p.distinctStates,
      depth: 100,
      seconds: p.seconds,
      queue: 0,
      statesPerSecond: p.statesPerSecond,
      generatedStates: p.generatedStates,
      memoryBytes: p.memoryBytes,
      random: { walks: p.walks, walksPlanned: 1e9, steps: p.steps, stepsPerSecond: p.stepsPerSecond, deepestWalk: 100 },
    });
  });
});
