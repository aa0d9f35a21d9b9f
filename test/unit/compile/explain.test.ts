// Model.explainViolation: the effect that happened twice, the read that lost a write, and the
// first binding (in domain order) that falsifies a `forall` invariant, on the trace's last state.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CompiledModel } from "../../../src/compile/compiled-model.js";
import { explore } from "../../../src/explore/bfs.js";
import { replay } from "../../../src/explore/trace.js";
import { compileSource, modelState, wideState } from "../../helpers/compile-source.js";

/** The explanation of the counterexample the search finds, on its last (and previous) state. */
function explainFound(model: CompiledModel, property: string): string | undefined {
  const result = explore(model);
  expect(result.violation?.property).toBe(property);
  const run = replay(model, result.violation!.path);
  if (typeof run === "string") throw new Error(run);
  const index = model.properties.findIndex((p) => p.name === property);
  const states = run.states;
  return model.explainViolation(states[states.length - 1]!, index, states[states.length - 2]);
}

describe("explainViolation", () => {
  it("atmostonce: names the effect and the arguments it happened twice with", () => {
    const model = compileSource(`
      effect charge(order: 0..2, card: bool)
      node Shop { var n: 0..2 = 0  action pay when n < 2 { n = n + 1  effect charge(1, true) } }
      atmostonce charge
      end when true
    `);
    expect(explainFound(model, "charge")).toBe("charge(order: 1, card: true) happened twice");
    const spec = readFileSync(new URL("../../../specs/duplicate-charge.fl", import.meta.url), "utf8");
    expect(explainFound(compileSource(spec), "charge")).toMatch(/^charge\(\w+: \d\) happened twice$/);
  });

  it("nolostwrites: names the key, the version read and the version acknowledged before", () => {
    const model = compileSource(`
      history kv(key: 0..1, version: 0..3)
      node Store {
        var v: 0..3 = 0
        var acked: bool = false
        action write when not acked { v = 1  acked = true  ack kv(0, 1) }
        action read when acked { observe kv(0, v - 1) }
      }
      nolostwrites kv
      end when true
    `);
    expect(explainFound(model, "kv")).toBe("a read of kv key 0 returned version 0 after version 1 was acknowledged");
    // Without the state before, the read is unknown: the explanation says only what happened.
    const run = replay(model, [0, 0, 0]);
    if (typeof run === "string") throw new Error(run);
    const last = run.states[run.states.length - 1]!;
    expect(model.checkState(last)).toBe(0);
    expect(model.explainViolation(last, 0)).toBe("a read of kv returned an older version than one already acknowledged");
  });

  it("nolostwrites: uses the history's own parameter names", () => {
    const model = compileSource(`
      history reg(slot: 0..1, epoch: 0..3)
      node R { var w: bool = false  action go when not w { w = true  ack reg(1, 2) }  action look when w { observe reg(1, 1) } }
      nolostwrites reg
      end when true
    `);
    expect(explainFound(model, "reg")).toBe("a read of reg slot 1 returned epoch 1 after epoch 2 was acknowledged");
  });

  it("invariants `forall a, b in D: P`: the first falsifying binding, in domain order", () => {
    const model = compileSource(`
      enum Role { Follower, Leader }
      node Server[3] { var role: Role = Follower  action lead { role = Leader } }
      invariant OneLeader = forall a, b in Server: a.role == Leader and b.role == Leader implies a == b
      invariant Small = forall i in 0..3: forall s in Server: s.role == Leader implies i < 3
      end when true
    `);
    const wide = wideState(model, model.initialStates()[0]!);
    const role = (i: number): number => model.layout.families[0]!.base + i * model.layout.families[0]!.stride;
    wide[role(1)] = 1;
    wide[role(2)] = 1;
    const s = modelState(model, wide);
    expect(model.checkState(s)).toBe(0);
    expect(model.explainViolation(s, 0)).toBe("fails for a = Server[1], b = Server[2]");
    expect(model.explainViolation(s, 1)).toBe("fails for i = 3, s = Server[1]");
    // A state that satisfies the invariant has no falsifying binding.
    expect(model.explainViolation(model.initialStates()[0]!, 0)).toBeUndefined();
  });

  it("gives nothing for other shapes and kinds", () => {
    const model = compileSource(`
      node A { var x: 0..3 = 0  action go when x < 3 { x = x + 1 } }
      invariant Low = A.x < 2
      invariant NotAll = not (forall i in 0..1: A.x > i)
      reachable High = A.x == 3
      end when true
    `);
    const wide = wideState(model, model.initialStates()[0]!);
    wide[0] = 3;
    const s = modelState(model, wide);
    expect(model.explainViolation(s, 0)).toBeUndefined();
    expect(model.explainViolation(s, 1)).toBeUndefined();
    expect(model.explainViolation(s, 2)).toBeUndefined();
    expect(model.explainViolation(s, 99)).toBeUndefined();
  });
});
