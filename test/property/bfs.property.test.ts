// explore() against a naive reference BFS (a FIFO queue and a Map keyed by JSON-serialized
// states) on random small graphs: same verdict, counts and counterexample, which replays.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StepKind } from "../../src/compile/model.js";
import { explore } from "../../src/explore/bfs.js";
import { replay } from "../../src/explore/trace.js";
import { createToyModel } from "../helpers/toy-models.js";

const ACTIONS: { label: string; kind: StepKind }[] = [
  { label: "act", kind: "action" },
  { label: "deliver", kind: "deliver" },
  { label: "drop", kind: "fault" },
];

interface Graph {
  n: number;
  initial: number[];
  /** edges[v]: the successors of node v in emit order, as [actionId, target]. */
  edges: [number, number][][];
  bad: number | null;
  forbidden: [number, number] | null;
  target: number | null;
  checkDeadlock: boolean;
  end: boolean[];
}

const graphArb: fc.Arbitrary<Graph> = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const node = fc.integer({ min: 0, max: n - 1 });
  const maybeNode = fc.option(node, { nil: null });
  return fc.record({
    n: fc.constant(n),
    initial: fc.array(node, { minLength: 1, maxLength: 3 }),
    edges: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), node), { maxLength: 4 }), { minLength: n, maxLength: n }),
    bad: maybeNode,
    forbidden: fc.option(fc.tuple(node, node), { nil: null }),
    target: maybeNode,
    checkDeadlock: fc.boolean(),
    end: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  });
});

/** A node's packed state: two slots, so states are more than one number. */
const stateOf = (v: number): number[] => [v, v % 3];

function modelOf(g: Graph) {
  return createToyModel({
    initial: g.initial.map(stateOf),
    actions: ACTIONS,
    next: ([v]) => g.edges[v!]!.map(([a, to]) => [a, stateOf(to)] as const),
    invariants: g.bad === null ? [] : [{ name: "notBad", holds: ([v]) => v !== g.bad }],
    reachables: g.target === null ? [] : [{ name: "target", holds: ([v]) => v === g.target }],
    transitions:
      g.forbidden === null ? [] : [{ name: "allowed", holds: ([a], [b]) => !(a === g.forbidden![0] && b === g.forbidden![1]) }],
    checkDeadlock: g.checkDeadlock,
    endWhen: ([v]) => g.end[v!]!,
  });
}

interface Reference {
  outcome: "ok" | "violation" | "deadlock" | "unreached";
  property?: string;
  path?: number[];
  distinct: number;
  generated: number;
}

/** The naive BFS: FIFO queue, Map<JSON, parent>, the same order of checks as explore(). */
function referenceBfs(g: Graph): Reference {
  const parents = new Map<string, { parent: string | null; ord: number }>();
  const queue: { key: string; v: number }[] = [];
  let generated = 0;
  let reached = g.target === null;
  const pathOf = (key: string): number[] => {
    const path: number[] = [];
    for (let k: string | null = key; k !== null; k = parents.get(k)!.parent) path.unshift(parents.get(k)!.ord);
    return path;
  };
  const admit = (v: number, parent: string | null, ord: number): Reference | undefined => {
    const key = JSON.stringify(stateOf(v));
    if (parents.has(key)) return undefined;
    parents.set(key, { parent, ord });
    if (v === g.bad) return { outcome: "violation", property: "notBad", path: pathOf(key), distinct: parents.size, generated };
    if (v === g.target) reached = true;
    queue.push({ key, v });
    return undefined;
  };
  for (let k = 0; k < g.initial.length; k++) {
    const stop = admit(g.initial[k]!, null, k);
    if (stop) return stop;
  }
  for (let head = 0; head < queue.length; head++) {
    const { key, v } = queue[head]!;
    let progress = 0;
    for (const [ord, [action, to]] of g.edges[v]!.entries()) {
      generated++;
      if (g.forbidden !== null && v === g.forbidden[0] && to === g.forbidden[1]) {
        return { outcome: "violation", property: "allowed", path: [...pathOf(key), ord], distinct: parents.size, generated };
      }
      const stop = admit(to, key, ord);
      if (stop) return stop;
      if (ACTIONS[action]!.kind !== "fault") progress++;
    }
    if (g.checkDeadlock && progress === 0 && !g.end[v]) {
      return { outcome: "deadlock", property: "deadlock", path: pathOf(key), distinct: parents.size, generated };
    }
  }
  return { outcome: reached ? "ok" : "unreached", distinct: parents.size, generated };
}

const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

describe("explore matches a naive reference BFS", () => {
  it("gives the same verdict, counts and (shortest) counterexample, and the path replays", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const model = modelOf(g);
        const result = explore(model);
        const expected = referenceBfs(g);
        expect(result.outcome).toBe(expected.outcome);
        expect(result.stats.distinctStates).toBe(expected.distinct);
        expect(result.stats.generatedStates).toBe(expected.generated);
        expect(result.violation?.property).toBe(expected.property);
        expect(result.violation?.path).toEqual(expected.path);
        if (result.violation === undefined) return;
        const run = replay(model, result.violation.path);
        if (typeof run === "string") throw new Error(run);
        const last = run.states[run.states.length - 1]![0]!;
        if (expected.outcome === "violation" && expected.property === "notBad") expect(last).toBe(g.bad);
        if (expected.property === "allowed") {
          expect(run.states[run.states.length - 2]![0]).toBe(g.forbidden![0]);
          expect(last).toBe(g.forbidden![1]);
        }
        if (expected.outcome === "deadlock") {
          expect(g.edges[last]!.every(([a]) => ACTIONS[a]!.kind === "fault")).toBe(true);
          expect(g.end[last]).toBe(false);
        }
      }),
      { numRuns: 500, ...seed },
    );
  });

  it("under limits, answers ok or unreached only when the unlimited search does too", () => {
    const limits = fc.record({ maxStates: fc.integer({ min: 0, max: 12 }), maxDepth: fc.integer({ min: 0, max: 12 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(graphArb, limits, (g, options) => {
        const model = modelOf(g);
        const limited = explore(model, options);
        const full = explore(model);
        if (limited.outcome === "limit") {
          expect(limited.limit === "states" || limited.limit === "depth").toBe(true);
          expect(limited.stats.distinctStates).toBeLessThanOrEqual(options.maxStates ?? Number.POSITIVE_INFINITY);
          return;
        }
        expect(limited.outcome).toBe(full.outcome);
        expect(limited.violation).toEqual(full.violation);
        if (limited.outcome === "ok" || limited.outcome === "unreached") {
          expect(limited.stats.distinctStates).toBe(full.stats.distinctStates);
        }
      }),
      { numRuns: 300, ...seed },
    );
  });
});
