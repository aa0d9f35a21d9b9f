import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EvaluationError, type Model } from "../../../src/compile/model.js";
import { loadModel } from "../../../src/index.js";
import { createWalkTaskHandler, randomSearchParallel, type WalkTask } from "../../../src/explore/random-parallel.js";
import { DEFAULT_WALKS, randomSearch } from "../../../src/explore/random-walk.js";
import type { RandomResult } from "../../../src/explore/result.js";
import { replay } from "../../../src/explore/trace.js";
import { replayChoices } from "../../../src/explore/replay-choices.js";
import { createWalkRunner, type WalkRangeResult } from "../../../src/explore/walk-runner.js";
import { walksInShard } from "../../../src/explore/walk-tally.js";
import { replayResult } from "../../../src/cli/replay.js";
import { ROOT } from "../../helpers/run-cli.js";
import { createToyModel, type ToyModelSpec } from "../../helpers/toy-models.js";

function spec(file: string, constants: Record<string, string> = {}): Model {
  const loaded = loadModel(readFileSync(join(ROOT, file), "utf8"), file, { constants });
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return loaded.model;
}

/** A tree of `branch` choices per step whose state remembers the path; fails at depth `bad`. */
function tree(branch: number, bad: number, extra: Partial<ToyModelSpec> = {}): Model {
  return createToyModel({
    initial: [[0, 0]],
    next: ([d, h]) => Array.from({ length: branch }, (_, a) => [0, [d! + 1, (h! * 31 + a + 1) % 1_000_003]] as const),
    invariants: [{ name: "shallow", holds: ([d]) => d! < bad }],
    ...extra,
  });
}

/** Drops the fields that depend on timing. */
function strip(r: RandomResult) {
  return {
    ...r,
    stats: { ...r.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 },
    random: { ...r.random, stepsPerSecond: 0 },
  };
}

/** A pretend pool: `workers` handlers, each running its tasks in order, finishing out of order. */
function simulatedPool(model: Model, workers: number): (task: WalkTask) => Promise<WalkRangeResult> {
  const handlers = Array.from({ length: workers }, () => createWalkTaskHandler(model));
  const queues: Promise<unknown>[] = handlers.map(() => Promise.resolve());
  let next = 0;
  return (task) => {
    const w = next++ % workers;
    const delay = (task.from * 7 + w * 3) % 5;
    const done = queues[w]!.then(() => new Promise((r) => setTimeout(r, delay))).then(() => handlers[w]!(task));
    queues[w] = done.catch(() => undefined);
    return done;
  };
}

describe("randomSearch: determinism", () => {
  it("gives the same result twice for the same seed (walks, counts, violation, shrunk trace)", () => {
    const model = spec("specs/split-brain.fl");
    const a = randomSearch(model, { seed: 1 });
    const b = randomSearch(model, { seed: 1 });
    expect(a.outcome).toBe("violation");
    expect(strip(a)).toEqual(strip(b));
    expect(a.violation).toMatchObject({ property: "NoSplitBrain", seed: "0x1" });
  });

  it("gives different first walks for neighbouring seeds 1 and 2", () => {
    const model = tree(4, 12);
    const first = (seed: number) => createWalkRunner(model, { seed, walkDepth: 50 }).run(0, 1).found!.path;
    expect(first(1)).toHaveLength(13);
    expect(first(1)).toEqual(first(1));
    expect(first(1)).not.toEqual(first(2));
    expect(first(2)).not.toEqual(first(3));
  });

  it("gives the same result at 1 and 2 workers as on this thread", async () => {
    for (const [model, options] of [
      [spec("specs/split-brain.fl"), { seed: 1, walksPerTask: 8 }],
      [spec("specs/two-phase.fl"), { seed: 3, walks: 500, walksPerTask: 37 }],
    ] as const) {
      const alone = randomSearch(model, options);
      const one = await randomSearchParallel(model, { ...options, workers: 1 }, simulatedPool(model, 1));
      const two = await randomSearchParallel(model, { ...options, workers: 2 }, simulatedPool(model, 2));
      expect(strip(one)).toEqual(strip(alone));
      expect(strip(two)).toEqual(strip(alone));
    }
  });
});

describe("randomSearch: shards", () => {
  it("splits walk numbers by residue: shard I/N runs walks w with w % N === I, each as unsharded", () => {
    const model = tree(3, 6);
    const whole = createWalkRunner(model, { seed: 9, walkDepth: 20 });
    const shards = [0, 1, 2].map((index) => createWalkRunner(model, { seed: 9, walkDepth: 20, shard: { index, count: 3 } }));
    for (let w = 0; w < 30; w++) {
      const alone = whole.run(w, w + 1).found!;
      const sharded = shards[w % 3]!.run(Math.floor(w / 3), Math.floor(w / 3) + 1).found!;
      expect(sharded).toEqual(alone);
      expect(sharded.walk).toBe(w);
    }
  });

  it("covers the unsharded run exactly: 0/2 and 1/2 are disjoint and add up to it", () => {
    const model = spec("specs/two-phase.fl");
    const all = randomSearch(model, { seed: 5, walks: 301 });
    const parts = [0, 1].map((index) => randomSearch(model, { seed: 5, walks: 301, shard: { index, count: 2 } }));
    expect(parts.map((p) => p.random.walks)).toEqual([151, 150]);
    expect(parts.map((p) => p.random.shard)).toEqual([{ index: 0, count: 2 }, { index: 1, count: 2 }]);
    expect(parts[0]!.random.walks + parts[1]!.random.walks).toBe(all.random.walks);
    expect(parts[0]!.random.steps + parts[1]!.random.steps).toBe(all.random.steps);
    expect(parts[0]!.stats.generatedStates + parts[1]!.stats.generatedStates).toBe(all.stats.generatedStates);
    const counts = (r: RandomResult) => r.coverage.map((c) => c.count);
    expect(counts(parts[0]!).map((n, i) => n + counts(parts[1]!)[i]!)).toEqual(counts(all));
    expect(Math.max(parts[0]!.random.deepestWalk, parts[1]!.random.deepestWalk)).toBe(all.random.deepestWalk);
  });

  it("counts walks per shard", () => {
    expect([0, 1, 2].map((index) => walksInShard(10, { index, count: 3 }))).toEqual([4, 3, 3]);
    expect(walksInShard(2, { index: 2, count: 3 })).toBe(0);
    expect(walksInShard(7, undefined)).toBe(7);
  });

  it("finds, in the shard holding it, the failing walk the unsharded search reports", () => {
    const model = spec("specs/split-brain.fl");
    const all = randomSearch(model, { seed: 1, shortenSteps: 0 });
    const w = all.random.failingWalk!;
    const shard = randomSearch(model, { seed: 1, shortenSteps: 0, shard: { index: w % 4, count: 4 } });
    expect(shard.random.failingWalk).toBe(w);
    expect(shard.violation?.path).toEqual(all.violation?.path);
  });
});

describe("randomSearch: outcomes", () => {
  it("is never ok: without a failure it ends with limit `walks` and says what it covered", () => {
    const model = spec("specs/two-phase.fl");
    const r = randomSearch(model, { seed: 1 });
    expect(r).toMatchObject({ outcome: "limit", limit: "walks" });
    expect(r.random).toMatchObject({ seed: "0x1", walks: DEFAULT_WALKS, walkDepth: 100, deepestWalk: 100, distinctStates: 288 });
    expect(r.random.steps).toBe(DEFAULT_WALKS * 100);
    expect(r.stats.distinctStates).toBe(288);
    expect(r.coverage.every((c) => c.count > 0)).toBe(true);
  });

  it("stops on a time limit or shouldStop, reporting the walks completed", () => {
    const model = spec("specs/two-phase.fl");
    const timed = randomSearch(model, { seed: 1, timeLimitMs: 0 });
    expect(timed).toMatchObject({ outcome: "limit", limit: "time" });
    expect(timed.random.walks).toBeGreaterThan(0);
    const stopped = randomSearch(model, { seed: 1, walks: 1e9, shouldStop: () => true });
    expect(stopped).toMatchObject({ outcome: "limit", limit: "interrupted" });
  });

  it("lists reachable properties never reached on a limit", () => {
    const model = tree(2, 100, { reachables: [{ name: "far", holds: ([d]) => d! > 50 }] });
    const r = randomSearch(model, { seed: 1, walks: 20, walkDepth: 10 });
    expect(r).toMatchObject({ outcome: "limit", limit: "walks", unreached: ["far"] });
  });

  it("finds a deadlock behind an always-enabled fault, shrunk to the shortest path", () => {
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "inc" }, { label: "noise", kind: "fault" }],
      next: ([x]) => [...(x! < 5 ? [[0, [x! + 1]] as const] : []), [1, [x!]] as const],
      checkDeadlock: true,
    });
    const r = randomSearch(model, { seed: 4 });
    expect(r.outcome).toBe("deadlock");
    expect(r.violation!.path).toEqual([0, 0, 0, 0, 0, 0]);
    expect(replayResult(model, r.violation!.path, r.violation!.token)).toMatchObject({ outcome: "deadlock" });
  });

  it("reports an evaluation error with the path to the state that failed", () => {
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "inc" }, { label: "stay" }],
      next: ([x]) => {
        if (x === 3) throw new EvaluationError("FL5001", "boom", 0);
        return [[0, [x! + 1]], [1, [x!]]];
      },
    });
    const r = randomSearch(model, { seed: 2 });
    expect(r.outcome).toBe("error");
    expect(r.error).toMatchObject({ code: "FL5001", message: "boom", path: [0, 0, 0, 0], action: "inc", seed: "0x2" });
  });

  it("counts a transition property that fails to evaluate only on the step taken", () => {
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "inc" }, { label: "jump" }],
      next: ([x]) => [[0, [x! + 1]], [1, [x! + 10]]],
      transitions: [
        {
          name: "jumpsSmall",
          holds: (a, b) => {
            if (b[0]! - a[0]! === 10 && a[0]! >= 3) throw new EvaluationError("FL5001", "cannot judge a late jump", -1);
            return true;
          },
        },
      ],
    });
    const r = randomSearch(model, { seed: 3 });
    expect(r.outcome).toBe("error");
    const path = r.error!.path;
    const run = replay(model, path);
    if (typeof run === "string") throw new Error(run);
    // The failing step is a jump from a state >= 3, taken from the last state of the path.
    expect(run.states[run.states.length - 1]![0]).toBeGreaterThanOrEqual(3);
    expect(replayChoices(model, [...path, 1])).toMatchObject({ path, failure: { kind: "error", code: "FL5001" } });
  });

  it("checks transition properties on the step taken", () => {
    const model = tree(3, 100, { transitions: [{ name: "noTwo", holds: (a, b) => !(a[0] === 2 && b[0] === 3) }] });
    const r = randomSearch(model, { seed: 7 });
    expect(r.violation).toMatchObject({ property: "noTwo", kind: "transition" });
    expect(r.violation!.path).toHaveLength(4);
    const run = replay(model, r.violation!.path);
    expect(typeof run).not.toBe("string");
  });

  it("records the found and shrunk lengths of the failing walk", () => {
    const r = randomSearch(spec("specs/split-brain.fl"), { seed: 2 });
    expect(r.random.originalLength).toBeGreaterThanOrEqual(r.random.shrunkLength!);
    expect(r.violation!.path.length - 1).toBe(r.random.shrunkLength);
    expect(r.random.shrinkRuns).toBeGreaterThan(0);
  });
});
