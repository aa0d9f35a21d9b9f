// The parallel BFS (on this thread's runner, any number of merge tasks) against explore() on
// random small graphs with every kind of failure and limit: the same result, path included.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluationError, type StepKind } from "../../src/compile/model.js";
import { explore } from "../../src/explore/bfs.js";
import { createLocalRunner } from "../../src/explore/local-runner.js";
import { exploreLevels } from "../../src/explore/parallel-bfs.js";
import type { CheckResult } from "../../src/explore/result.js";
import { createToyModel } from "../helpers/toy-models.js";

const ACTIONS: { label: string; kind: StepKind }[] = [
  { label: "act", kind: "action" },
  { label: "drop", kind: "fault" },
];

const graphArb = fc.integer({ min: 1, max: 40 }).chain((n) => {
  const node = fc.integer({ min: 0, max: n - 1 });
  const maybeNode = fc.option(node, { nil: null });
  return fc.record({
    initial: fc.array(node, { minLength: 1, maxLength: 3 }),
    edges: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), node), { maxLength: 5 }), { minLength: n, maxLength: n }),
    bad: maybeNode,
    broken: maybeNode,
    forbidden: fc.option(fc.tuple(node, node), { nil: null }),
    target: maybeNode,
    checkDeadlock: fc.boolean(),
    maxStates: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    maxDepth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    workers: fc.integer({ min: 1, max: 5 }),
  });
});

type Graph = typeof graphArb extends fc.Arbitrary<infer G> ? G : never;

function modelOf(g: Graph) {
  return createToyModel({
    initial: g.initial.map((v) => [v, v % 3]),
    actions: ACTIONS,
    next: ([v]) => {
      if (v === g.broken) throw new EvaluationError("FL5001", "broken", 0);
      return g.edges[v!]!.map(([a, to]) => [a, [to, to % 3]] as const);
    },
    invariants: g.bad === null ? [] : [{ name: "notBad", holds: ([v]) => v !== g.bad }],
    reachables: g.target === null ? [] : [{ name: "target", holds: ([v]) => v === g.target }],
    transitions: g.forbidden === null ? [] : [{ name: "allowed", holds: ([a], [b]) => !(a === g.forbidden![0] && b === g.forbidden![1]) }],
    checkDeadlock: g.checkDeadlock,
  });
}

const stable = (r: CheckResult) => ({ ...r, stats: { ...r.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 } });

describe("exploreLevels matches explore() on random graphs", () => {
  it("same outcome, counts, coverage and path", async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, async (g) => {
        const options = { maxStates: g.maxStates, maxDepth: g.maxDepth };
        const expected = stable(explore(modelOf(g), options));
        const model = modelOf(g);
        const actual = await exploreLevels(model, { local: createLocalRunner(model) }, { ...options, workers: g.workers });
        expect(stable(actual)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
