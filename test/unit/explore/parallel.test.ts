// The parallel BFS gives explore()'s result exactly (counts, outcome, path, coverage) at any
// worker count: on toy models through this thread's runner, and on specs through worker threads
// (loaded from dist/: `npm test` builds first).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EvaluationError } from "../../../src/compile/model.js";
import type { Model } from "../../../src/compile/model.js";
import { createSearch, explore, type ExploreOptions } from "../../../src/explore/bfs.js";
import { createLocalRunner } from "../../../src/explore/local-runner.js";
import { exploreLevels, type Runners } from "../../../src/explore/parallel-bfs.js";
import { exploreParallel, growsLong } from "../../../src/explore/parallel.js";
import { createWorkerPool } from "../../../src/explore/pool.js";
import { PartitionedSeenSet } from "../../../src/explore/partitioned-set.js";
import type { CheckResult } from "../../../src/explore/result.js";
import { loadModel } from "../../../src/index.js";
import { createToyModel, type ToyModelSpec } from "../../helpers/toy-models.js";

/** A result without what depends on timing and on the store's layout. */
function stable(result: CheckResult): unknown {
  return { ...result, stats: { ...result.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 } };
}

/** The steps of `bits`: add one bit, or (when more than `dropFrom` are set) clear one. */
function bitSteps(n: number, dropFrom: number, mask: number): [number, number[]][] {
  const steps: [number, number[]][] = [];
  const count = popcount(mask);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    if ((mask & bit) === 0) steps.push([0, [mask | bit, count + 1]]);
    else if (count > dropFrom) steps.push([1, [mask & ~bit, count - 1]]);
  }
  return steps;
}

/** Subsets of 0..n-1 as bitmasks (wide levels: several chunks), from the empty set. */
function bits(n: number, extra: Partial<ToyModelSpec> & { dropFrom?: number } = {}) {
  const dropFrom = extra.dropFrom ?? n;
  return createToyModel({
    initial: [[0, 0]],
    actions: [{ label: "add" }, { label: "clear" }],
    next: ([mask]) => bitSteps(n, dropFrom, mask!),
    ...extra,
  });
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

async function onThisThread(model: ReturnType<typeof bits>, workers: number, options: ExploreOptions = {}) {
  return exploreLevels(model, { local: createLocalRunner(model) }, { ...options, workers });
}

/** explore()'s search handed over before level `level`, then exploreLevels on `runners` from there. */
async function handedOverAt(model: Model, level: number, options: ExploreOptions, runners: Runners = { local: createLocalRunner(model) }) {
  const search = createSearch(model, options, (l) => l === level, new PartitionedSeenSet(options.memoryBytes));
  search.run(Number.POSITIVE_INFINITY);
  const from = search.handedOver();
  return { handed: from !== undefined, result: from === undefined ? search.result() : await exploreLevels(model, runners, { ...options, workers: 2 }, from) };
}

describe("exploreLevels on this thread equals explore()", () => {
  const cases: [string, () => ReturnType<typeof bits>, ExploreOptions][] = [
    ["wide levels, back edges (ok)", () => bits(12, { dropFrom: 7 }), {}],
    ["an invariant failing mid-level", () => bits(12, { invariants: [{ name: "notIt", holds: ([m]) => m !== 0b101101100110 }] }), {}],
    [
      "a transition property",
      () => bits(11, { dropFrom: 6, transitions: [{ name: "noClear", holds: ([a], [b]) => !(a === 0b1110111 && b! < a!) }] }),
      {},
    ],
    ["a deadlock", () => bits(11, { checkDeadlock: true, endWhen: ([m]) => m !== 0b10110011101 && popcount(m!) > 5 }), {}],
    [
      "an evaluation error",
      () =>
        bits(11, {
          next: ([m]) => {
            if (m === 0b11001010) throw new EvaluationError("FL5001", "boom", 1);
            return bitSteps(11, 11, m!);
          },
        }),
      {},
    ],
    ["a reachable property never reached", () => bits(10, { reachables: [{ name: "big", holds: ([m]) => m! > 4096 }] }), {}],
    ["the state limit mid-level", () => bits(12, { dropFrom: 7, reachables: [{ name: "r", holds: ([m]) => m === 0b111 }] }), { maxStates: 1500 }],
    ["the state limit at the initial states", () => bits(4), { maxStates: 1 }],
    ["the depth limit", () => bits(12), { maxDepth: 4 }],
  ];
  for (const [name, make, options] of cases) {
    it(`${name}: same result at 1, 2, 4, 16 and 64 merge tasks`, async () => {
      const expected = stable(explore(make(), options));
      for (const workers of [1, 2, 4, 16, 64]) expect(stable(await onThisThread(make(), workers, options))).toEqual(expected);
    });
  }

  for (const [name, make, options] of cases) {
    it(`${name}: same result when it takes over explore()'s search at any level`, async () => {
      const expected = stable(explore(make(), options));
      let handed = 0;
      for (let level = 0; level <= 13; level++) {
        const run = await handedOverAt(make(), level, options);
        expect(stable(run.result)).toEqual(expected);
        if (run.handed) handed++;
      }
      // explore() stops before some levels (at its event or limit); it was handed over before the others.
      expect(handed).toBeGreaterThan(0);
    });
  }

  it("takes over explore()'s search before the initial states' successors, repeated initial states among them", async () => {
    const model = createToyModel({ initial: [[3], [1], [3], [2]], next: ([x]) => (x! < 9 ? [[0, [x! + 1]], [0, [x! + 2]]] : []) });
    for (let level = 0; level < 4; level++) {
      const run = await handedOverAt(model, level, {});
      expect(run.handed).toBe(true);
      expect(stable(run.result)).toEqual(stable(explore(model)));
    }
    const failing = createToyModel({ initial: [[1], [2]], next: ([x]) => [[0, [x! + 2]]], invariants: [{ name: "small", holds: ([x]) => x! < 7 }] });
    expect(stable((await handedOverAt(failing, 1, {})).result)).toEqual(stable(explore(failing)));
  });

  it("dedupes repeated initial states, fails on a bad initial state, handles none", async () => {
    const models = [
      createToyModel({ initial: [[1], [1], [2]], next: ([x]) => (x! < 9 ? [[0, [x! + 1]]] : []) }),
      createToyModel({ initial: [[1], [5]], next: () => [], invariants: [{ name: "small", holds: ([x]) => x! < 3 }] }),
      createToyModel({ initial: [], next: () => [] }),
    ];
    for (const model of models) expect(stable(await onThisThread(model, 2))).toEqual(stable(explore(model)));
  });

  it("stops with a time limit and reports progress", async () => {
    const progress: number[] = [];
    const result = await onThisThread(bits(12), 2, { timeLimitMs: 0, onProgress: (p) => progress.push(p.distinctStates) });
    expect(result).toMatchObject({ outcome: "limit", limit: "time" });
    const stopped = await onThisThread(bits(12), 2, { shouldStop: () => true });
    expect(stopped).toMatchObject({ outcome: "limit", limit: "interrupted" });
  });
});

interface SpecCase {
  readonly file: string;
  readonly constants?: Record<string, string>;
  readonly options?: ExploreOptions;
  readonly outcome: CheckResult["outcome"];
  readonly workers?: readonly number[];
}

const SPEC_CASES: SpecCase[] = [
  { file: "specs/two-phase.fl", constants: { K: "3" }, outcome: "ok" },
  { file: "specs/two-phase.fl", constants: { K: "4" }, outcome: "ok" },
  { file: "specs/two-phase.fl", constants: { K: "4" }, options: { maxStates: 777 }, outcome: "limit", workers: [3] },
  { file: "specs/split-brain.fl", outcome: "violation" },
  // More threads than this machine has cores: the chunks, partitions and insert order do not
  // depend on the thread count, so neither does the trace.
  { file: "specs/two-phase.fl", constants: { K: "4" }, outcome: "ok", workers: [16] },
  { file: "specs/split-brain.fl", outcome: "violation", workers: [16] },
  { file: "specs/leader-election.fl", outcome: "ok", workers: [2] },
  { file: "test/fixtures/parallel/bits.fl", outcome: "violation" },
  { file: "test/fixtures/parallel/bits.fl", options: { maxDepth: 5 }, outcome: "limit", workers: [2] },
  { file: "test/fixtures/parallel/stuck.fl", outcome: "deadlock", workers: [2] },
  { file: "test/fixtures/parallel/overflow.fl", outcome: "error", workers: [2] },
];

describe("exploreParallel on worker threads equals explore()", () => {
  for (const c of SPEC_CASES) {
    const name = `${c.file}${c.constants ? ` K=${c.constants["K"]}` : ""}${c.options ? ` ${JSON.stringify(c.options)}` : ""}`;
    const workerCounts = c.workers ?? [1, 2, 4];
    it(`${name}: ${c.outcome}, same result at ${workerCounts.join(", ")} workers`, async () => {
      const source = readFileSync(c.file, "utf8");
      const input = { source, fileName: c.file, constants: c.constants ?? {} };
      const model = loadModel(source, c.file, { constants: input.constants }).model!;
      const reference = explore(model, c.options);
      expect(reference.outcome).toBe(c.outcome);
      for (const workers of workerCounts) {
        const result = await exploreParallel(input, { ...c.options, workers, workersFrom: 0 });
        expect(stable(result)).toEqual(stable(reference));
      }
    });
  }

  it("runs small levels on this thread by default (same result, no threads needed)", async () => {
    const file = "specs/two-phase.fl";
    const input = { source: readFileSync(file, "utf8"), fileName: file, constants: { K: "5" } };
    const model = loadModel(input.source, file, { constants: input.constants }).model!;
    expect(stable(await exploreParallel(input, { workers: 2 }, model))).toEqual(stable(explore(model)));
  });

  it("takes over explore()'s search on worker threads, with the same result", async () => {
    for (const [file, level] of [
      ["specs/split-brain.fl", 3],
      ["test/fixtures/parallel/bits.fl", 4],
    ] as const) {
      const input = { source: readFileSync(file, "utf8"), fileName: file, constants: {} };
      const model = loadModel(input.source, file).model!;
      const pool = createWorkerPool(2, input);
      try {
        const run = await handedOverAt(model, level, {}, { local: createLocalRunner(model), pool, poolFrom: 0 });
        expect(run.handed).toBe(true);
        expect(stable(run.result)).toEqual(stable(explore(model)));
      } finally {
        await pool.destroy();
      }
    }
  });

  it("boots threads early only for levels that grow fast (growsLong)", () => {
    // TwoPhase K=9's levels 4 -> 5 (4,029 -> 12,888 states) reach 65,536 within two levels;
    // K=7's never do (its widest level has 42,924 states).
    expect(growsLong(4029, 12888, 65536)).toBe(true);
    expect(growsLong(20449, 29372, 65536)).toBe(false);
    expect(growsLong(37772, 42924, 65536)).toBe(false);
    expect(growsLong(100000, 90000, 65536)).toBe(false);
    expect(growsLong(0, 70000, 65536)).toBe(false);
    expect(growsLong(16384, 32768, 131072)).toBe(true);
    expect(growsLong(16384, 32767, 131072)).toBe(false);
  });

  it("refuses an input that does not compile", async () => {
    await expect(exploreParallel({ source: "spec", fileName: "bad.fl", constants: {} }, { workers: 2 })).rejects.toThrow(/does not compile/);
  });
});
