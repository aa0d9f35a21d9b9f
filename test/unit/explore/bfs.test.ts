import { describe, expect, it } from "vitest";
import { EvaluationError } from "../../../src/compile/model.js";
import { readFileSync } from "node:fs";
import { createSearch, explore, exploreAsync, type ExploreOptions } from "../../../src/explore/bfs.js";
import type { Model } from "../../../src/compile/model.js";
import { loadModel } from "../../../src/index.js";
import type { CheckResult } from "../../../src/explore/result.js";
import { replay } from "../../../src/explore/trace.js";
import { createToyModel, type ToyModelSpec } from "../../helpers/toy-models.js";

/** x -> x + 1 mod n, one initial state 0. */
function counter(n: number, extra: Partial<ToyModelSpec> = {}) {
  return createToyModel({ initial: [[0]], next: ([x]) => [[0, [(x! + 1) % n]]], ...extra });
}

/** (x, y) on a w*h grid, moving right (action 0) or up (action 1). */
function grid(w: number, h: number, extra: Partial<ToyModelSpec> = {}) {
  return createToyModel({
    initial: [[0, 0]],
    actions: [{ label: "right" }, { label: "up" }],
    next: ([x, y]) => [
      ...(x! + 1 < w ? [[0, [x! + 1, y!]] as const] : []),
      ...(y! + 1 < h ? [[1, [x!, y! + 1]] as const] : []),
    ],
    ...extra,
  });
}

/** The last state a result's violation path leads to. */
function endOfPath(model: ReturnType<typeof counter>, result: CheckResult): number[] {
  const run = replay(model, result.violation!.path);
  if (typeof run === "string") throw new Error(run);
  return Array.from(run.states[run.states.length - 1]!);
}

describe("explore: counts", () => {
  it("visits a counter mod n: n states, n transitions, n levels", () => {
    const result = explore(counter(10));
    expect(result.outcome).toBe("ok");
    expect(result.stats).toMatchObject({ distinctStates: 10, generatedStates: 10, depth: 10 });
    expect(result.violation).toBeUndefined();
  });

  it("visits a grid: w*h states, each edge once, depth w+h-1, coverage per action", () => {
    const result = explore(grid(4, 3));
    expect(result.outcome).toBe("ok");
    expect(result.stats).toMatchObject({ distinctStates: 12, generatedStates: 3 * 3 + 4 * 2, depth: 6 });
    expect(result.coverage).toEqual([
      { label: "right", kind: "action", count: 9 },
      { label: "up", kind: "action", count: 8 },
    ]);
  });

  it("dedupes repeated initial states and reports zero states for no initial state", () => {
    const twice = createToyModel({ initial: [[1], [1], [2]], next: () => [] });
    expect(explore(twice).stats).toMatchObject({ distinctStates: 2, depth: 1 });
    const none = createToyModel({ initial: [], next: () => [] });
    expect(explore(none)).toMatchObject({ outcome: "ok", stats: { distinctStates: 0, depth: 0 } });
  });

  it("is deterministic: two runs give the same result apart from timings", () => {
    const strip = (r: CheckResult) => ({ ...r, stats: { ...r.stats, seconds: 0, statesPerSecond: 0 } });
    const model = grid(5, 5, { invariants: [{ name: "small", holds: ([x, y]) => x! + y! < 6 }] });
    expect(strip(explore(model))).toEqual(strip(explore(model)));
  });
});

describe("explore: violations", () => {
  it("finds the shortest counterexample to an invariant", () => {
    // +1 (ordinal 0) and +3 (ordinal 1) mod 100; 9 = 3 + 3 + 3 is three steps away.
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "inc1" }, { label: "inc3" }],
      next: ([x]) => [[0, [(x! + 1) % 100]], [1, [(x! + 3) % 100]]],
      invariants: [{ name: "notNine", holds: ([x]) => x !== 9 }],
    });
    const result = explore(model);
    expect(result.outcome).toBe("violation");
    expect(result.violation).toEqual({ property: "notNine", kind: "invariant", path: [0, 1, 1, 1], token: "0/1/1/1" });
    expect(endOfPath(model, result)).toEqual([9]);
  });

  it("reports a violating initial state with a one-entry path", () => {
    const model = createToyModel({
      initial: [[1], [5]],
      next: () => [],
      invariants: [{ name: "small", holds: ([x]) => x! < 3 }],
    });
    expect(explore(model).violation).toMatchObject({ property: "small", path: [1], token: "1" });
  });

  it("finds a transition property violation on the offending step", () => {
    const model = counter(4, { transitions: [{ name: "grows", holds: ([a], [b]) => b! >= a! }] });
    const result = explore(model);
    expect(result.outcome).toBe("violation");
    expect(result.violation).toMatchObject({ property: "grows", kind: "transition", path: [0, 0, 0, 0, 0] });
    expect(endOfPath(model, result)).toEqual([0]);
  });

  it("detects a deadlock at the shortest distance, with the path to the stuck state", () => {
    const result = explore(grid(3, 3, { checkDeadlock: true }));
    expect(result.outcome).toBe("deadlock");
    expect(result.violation).toMatchObject({ property: "deadlock", kind: "deadlock" });
    expect(result.violation!.path).toHaveLength(5);
  });

  it("does not call an end state a deadlock", () => {
    const result = explore(grid(3, 3, { checkDeadlock: true, endWhen: ([x, y]) => x === 2 && y === 2 }));
    expect(result.outcome).toBe("ok");
  });

  it("counts only progress steps against deadlock: a state with only a fault step is stuck", () => {
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "step" }, { label: "fault drop", kind: "fault" }],
      next: ([x]) => (x! < 2 ? [[0, [x! + 1]]] : [[1, [x!]]]),
      checkDeadlock: true,
    });
    const result = explore(model);
    expect(result.outcome).toBe("deadlock");
    expect(result.violation!.path).toEqual([0, 0, 0]);
  });

  it("ignores stuck states when deadlock is not checked", () => {
    expect(explore(grid(2, 2)).outcome).toBe("ok");
  });
});

describe("explore: reachable properties", () => {
  it("gives `unreached` with the names of reachables that never held", () => {
    const model = counter(5, {
      reachables: [
        { name: "three", holds: ([x]) => x === 3 },
        { name: "seven", holds: ([x]) => x === 7 },
      ],
    });
    const result = explore(model);
    expect(result.outcome).toBe("unreached");
    expect(result.unreached).toEqual(["seven"]);
  });

  it("gives ok when every reachable held somewhere", () => {
    const model = counter(5, { reachables: [{ name: "four", holds: ([x]) => x === 4 }] });
    expect(explore(model)).toMatchObject({ outcome: "ok" });
  });

  it("prefers a violation over unreached", () => {
    const model = counter(5, {
      invariants: [{ name: "notTwo", holds: ([x]) => x !== 2 }],
      reachables: [{ name: "seven", holds: ([x]) => x === 7 }],
    });
    expect(explore(model).outcome).toBe("violation");
  });
});

describe("explore: limits are never ok", () => {
  it("stops at maxStates distinct states", () => {
    const result = explore(counter(100), { maxStates: 10 });
    expect(result).toMatchObject({ outcome: "limit", limit: "states", stats: { distinctStates: 10 } });
  });

  it("is ok when the space has exactly maxStates states", () => {
    expect(explore(counter(100), { maxStates: 100 }).outcome).toBe("ok");
  });

  it("still checks the states it found before the state limit", () => {
    const model = counter(100, { invariants: [{ name: "lt5", holds: ([x]) => x! < 5 }] });
    expect(explore(model, { maxStates: 6 }).outcome).toBe("violation");
  });

  it("does not expand states at maxDepth", () => {
    const result = explore(counter(100), { maxDepth: 5 });
    expect(result).toMatchObject({ outcome: "limit", limit: "depth", stats: { distinctStates: 6, depth: 6 } });
  });

  it("is ok when the space is exhausted before maxDepth", () => {
    expect(explore(counter(3), { maxDepth: 3 }).outcome).toBe("ok");
    expect(explore(grid(3, 3), { maxDepth: 10 }).outcome).toBe("ok");
  });

  it("stops on the time limit", () => {
    expect(explore(counter(100), { timeLimitMs: 0 })).toMatchObject({ outcome: "limit", limit: "time" });
  });

  it("stops on the memory budget without crashing", () => {
    const result = explore(counter(1_000_000), { memoryBytes: 200_000 });
    expect(result).toMatchObject({ outcome: "limit", limit: "memory" });
    expect(result.stats.distinctStates).toBeLessThan(1_000_000);
  });

  it("stops when shouldStop answers true (Ctrl-C)", () => {
    let polls = 0;
    const result = explore(counter(100), { shouldStop: () => ++polls > 3 });
    expect(result).toMatchObject({ outcome: "limit", limit: "interrupted" });
    expect(result.stats.distinctStates).toBeLessThan(100);
  });

  it("keeps reporting reachables not reached so far on a limit", () => {
    const model = counter(100, { reachables: [{ name: "fifty", holds: ([x]) => x === 50 }] });
    expect(explore(model, { maxStates: 10 })).toMatchObject({ outcome: "limit", unreached: ["fifty"] });
  });
});

describe("explore: evaluation errors and progress", () => {
  it("turns an EvaluationError into outcome `error` with the path to the state being expanded", () => {
    const model = createToyModel({
      initial: [[0]],
      actions: [{ label: "inc" }, { label: "divide" }],
      next: ([x]) => {
        if (x === 3) throw new EvaluationError("FL5002", "division by zero", 1);
        return [[0, [x! + 1]]];
      },
    });
    const result = explore(model);
    expect(result.outcome).toBe("error");
    expect(result.error).toEqual({
      code: "FL5002",
      message: "division by zero",
      actionId: 1,
      action: "divide",
      path: [0, 0, 0, 0],
      token: "0/0/0/0",
      emittedBefore: 0,
    });
  });

  it("counts the successors emitted before the failure, and keeps a failure met before it", () => {
    const base = counter(10, { invariants: [{ name: "notTwo", holds: ([x]) => x !== 2 }] });
    const failingAfterOne = (badFirst: boolean) => ({
      ...base,
      successors(state: Int32Array, emit: (actionId: number, next: Int32Array) => void): number {
        if (state[0] === 1) {
          emit(0, Int32Array.of(badFirst ? 2 : 5));
          throw new EvaluationError("FL5001", "out of range", 0);
        }
        return base.successors(state, emit);
      },
    });
    expect(explore(failingAfterOne(false)).error).toMatchObject({ path: [0, 0], emittedBefore: 1, code: "FL5001" });
    expect(explore(failingAfterOne(true))).toMatchObject({ outcome: "violation", violation: { property: "notTwo", path: [0, 0, 0] } });
  });

  it("lets any other exception through (a bug in the model)", () => {
    const model = createToyModel({
      initial: [[0]],
      next: () => {
        throw new TypeError("bug");
      },
    });
    expect(() => explore(model)).toThrow(TypeError);
  });

  it("reports progress at most every 250 ms", () => {
    const seen: number[] = [];
    const model = counter(5, {
      next: ([x]) => {
        const until = performance.now() + 120;
        while (performance.now() < until);
        return [[0, [(x! + 1) % 5]]];
      },
    });
    const result = explore(model, { onProgress: (p) => seen.push(p.seconds) });
    expect(result.outcome).toBe("ok");
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeGreaterThanOrEqual(0.25);
  });
});

/** A spec of specs/ compiled, with constant overrides. */
function specModel(name: string, constants: Record<string, string> = {}): Model {
  const file = `specs/${name}.fl`;
  const loaded = loadModel(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"), file, { constants });
  if (!loaded.model) throw new Error(`${file} does not compile`);
  return loaded.model;
}

/** A result without its timings, which differ between runs. */
function untimed(r: CheckResult) {
  return { ...r, stats: { ...r.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 } };
}

describe("exploreAsync and createSearch: explore() in slices", () => {
  // Slices of 0 ms pause at every poll (every 4096 expanded states), the most resumptions.
  const cases: [string, () => Model, ExploreOptions][] = [
    ["a violation (split-brain)", () => specModel("split-brain"), {}],
    ["an exhaustive pass (two-phase K=5, 50,816 states)", () => specModel("two-phase", { K: "5" }), {}],
    ["a deadlock (2pc-coordinator-crash)", () => specModel("2pc-coordinator-crash"), {}],
    ["a state limit (two-phase K=6)", () => specModel("two-phase", { K: "6" }), { maxStates: 30_000 }],
    ["a depth limit (two-phase K=6)", () => specModel("two-phase", { K: "6" }), { maxDepth: 9 }],
    ["a violation deep in a 200x200 grid", () => grid(200, 200, { invariants: [{ name: "corner", holds: ([x, y]) => x! + y! < 390 }] }), {}],
  ];
  for (const [what, make, options] of cases) {
    it(`gives explore()'s result: ${what}`, async () => {
      const model = make();
      const expected = untimed(explore(model, options));
      expect(untimed(await exploreAsync(model, options, 0))).toEqual(expected);
      expect(untimed(await exploreAsync(model, options))).toEqual(expected);
    });
  }

  it("pauses between slices and resumes where it stopped", () => {
    const model = grid(200, 200, { invariants: [{ name: "corner", holds: ([x, y]) => x! + y! < 390 }] });
    const search = createSearch(model);
    let slices = 1;
    while (!search.run(0)) slices++;
    // 40,000 states, a pause every 4096 expanded: about ten slices.
    expect(slices).toBeGreaterThanOrEqual(9);
    expect(search.run(0)).toBe(true);
    const result = search.result();
    expect(result.violation).toMatchObject({ property: "corner" });
    expect(untimed(result)).toEqual(untimed(explore(model)));
  });

  it("lets the event loop run between slices, so a Ctrl-C flag set by a timer stops it", async () => {
    let interrupted = false;
    const timer = setTimeout(() => (interrupted = true), 20);
    const result = await exploreAsync(counter(50_000_000), { shouldStop: () => interrupted }, 5);
    clearTimeout(timer);
    expect(result).toMatchObject({ outcome: "limit", limit: "interrupted" });
    expect(result.stats.distinctStates).toBeGreaterThan(0);
    expect(result.stats.distinctStates).toBeLessThan(50_000_000);
  });
});
