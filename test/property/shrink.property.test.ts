// Shrinking failing random walks on random small models: a shrunk walk still fails the same way,
// is no longer than the walk found, is no shorter than the exhaustive search's shortest trace for
// that failure, replays, and comes out the same twice. FC_SEED=<seed> replays a failure.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayResult } from "../../src/cli/replay.js";
import type { StepKind } from "../../src/compile/model.js";
import { explore } from "../../src/explore/bfs.js";
import { isSameFailure, replayChoices } from "../../src/explore/replay-choices.js";
import { randomSearch } from "../../src/explore/random-walk.js";
import { shrinkWalk } from "../../src/explore/shrink.js";
import { replay } from "../../src/explore/trace.js";
import { createWalkRunner } from "../../src/explore/walk-runner.js";
import { createToyModel } from "../helpers/toy-models.js";

const ACTIONS: { label: string; kind: StepKind }[] = [
  { label: "act", kind: "action" },
  { label: "deliver", kind: "deliver" },
  { label: "drop", kind: "fault" },
];

/** FC_SEED=<seed> replays a failure that fast-check reported. */
const fcSeed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

interface Graph {
  n: number;
  edges: [number, number][][];
  bad: number[];
  checkDeadlock: boolean;
  end: boolean[];
}

const graphArb: fc.Arbitrary<Graph> = fc.integer({ min: 2, max: 14 }).chain((n) => {
  const node = fc.integer({ min: 0, max: n - 1 });
  return fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), node), { minLength: 1, maxLength: 4 }), { minLength: n, maxLength: n }),
    bad: fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { minLength: 1, maxLength: 2 }),
    checkDeadlock: fc.boolean(),
    end: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  });
});

/** Node v as a two-slot state; states also count steps (mod 4) so walks are not just node paths. */
function modelOf(g: Graph) {
  return createToyModel({
    initial: [[0, 0]],
    actions: ACTIONS,
    next: ([v, c]) => g.edges[v!]!.map(([a, to]) => [a, [to, (c! + 1) % 4]] as const),
    invariants: g.bad.map((b, i) => ({ name: `notBad${i}`, holds: ([v]) => v !== b })),
    checkDeadlock: g.checkDeadlock,
    endWhen: ([v]) => g.end[v!]!,
  });
}

describe("shrinking random walks", () => {
  it("keeps the failure, never lengthens, and replays (walk runner + shrinkWalk)", () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), (g, seed) => {
        const model = modelOf(g);
        const found = createWalkRunner(model, { seed, walkDepth: 40 }).run(0, 200).found;
        if (found === undefined) return;
        expect(isSameFailure(replayChoices(model, found.path).failure, found.failure)).toBe(true);
        const shrunk = shrinkWalk(model, found, { seed, shortenSteps: 2_000 });
        expect(shrunk.path.length).toBeLessThanOrEqual(found.path.length);
        expect(isSameFailure(replayChoices(model, shrunk.path).failure, found.failure)).toBe(true);
        expect(replayChoices(model, shrunk.path).path).toEqual(shrunk.path);
        expect(typeof replay(model, shrunk.path)).not.toBe("string");
        expect(shrinkWalk(model, found, { seed, shortenSteps: 2_000 }).path).toEqual(shrunk.path);
      }),
      { numRuns: 150, ...fcSeed },
    );
  });

  it("reports, through randomSearch, a trace replayResult judges the same way, no shorter than BFS's", () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), (g, seed) => {
        const model = modelOf(g);
        const r = randomSearch(model, { seed, walks: 200, walkDepth: 40, shortenSteps: 2_000 });
        if (r.outcome === "limit") return;
        const v = r.violation!;
        expect(r.random.shrunkLength).toBeLessThanOrEqual(r.random.originalLength!);
        expect(replayResult(model, v.path, v.token)).toMatchObject({ outcome: r.outcome, violation: { property: v.property } });
        const bfs = explore(model);
        if (bfs.violation?.property === v.property) expect(v.path.length).toBeGreaterThanOrEqual(bfs.violation.path.length);
      }),
      { numRuns: 150, ...fcSeed },
    );
  });

  it("replays any list of naturals as a walk (choices taken modulo the successors)", () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat()), (g, choices) => {
        const model = modelOf(g);
        const run = replayChoices(model, choices);
        expect(run.path.length).toBeLessThanOrEqual(Math.max(1, choices.length));
        const replayed = replay(model, run.path);
        expect(typeof replayed).not.toBe("string");
        expect(replayChoices(model, run.path)).toEqual(run);
      }),
      { numRuns: 200, ...fcSeed },
    );
  });
});
