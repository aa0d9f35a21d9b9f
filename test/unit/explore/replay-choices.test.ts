import { describe, expect, it } from "vitest";
import { EvaluationError } from "../../../src/compile/model.js";
import { isSameFailure, replayChoices } from "../../../src/explore/replay-choices.js";
import { createToyModel } from "../../helpers/toy-models.js";

/** x -> x + 1 (action 0), x -> x + 10 (action 1, a fault); fails to evaluate at 30; only faults from 50. */
const model = createToyModel({
  initial: [[0], [100]],
  actions: [{ label: "inc" }, { label: "jump", kind: "fault" }],
  next: ([x]) => {
    if (x === 30) throw new EvaluationError("FL5002", "thirty", 1);
    return x! < 50 ? [[0, [x! + 1]], [1, [x! + 10]]] : [[1, [x!]]];
  },
  invariants: [{ name: "notFive", holds: ([x]) => x !== 5 }],
  transitions: [{ name: "noJumpFrom20", holds: ([a], [b]) => !(a === 20 && b === 30) }],
  checkDeadlock: true,
});

describe("replayChoices", () => {
  it("takes every choice modulo the successors (and initial states) there", () => {
    expect(replayChoices(model, [2, 2, 4, 7])).toEqual({ path: [0, 0, 0, 1] });
    expect(replayChoices(model, [])).toEqual({ path: [0] });
  });

  it("stops at the first failure: invariant, then transition, then error", () => {
    expect(replayChoices(model, [0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ path: [0, 0, 0, 0, 0, 0], failure: { kind: "violation", property: 0 } });
    expect(replayChoices(model, [0, 1, 1, 1, 1, 1])).toEqual({ path: [0, 1, 1, 1], failure: { kind: "violation", property: 1 } });
    const toThirty = [0, 1, 1, ...new Array<number>(10).fill(0)];
    const error = { kind: "error", code: "FL5002", message: "thirty", actionId: 1, emittedBefore: 0 };
    expect(replayChoices(model, [...toThirty, 1, 1])).toEqual({ path: toThirty, failure: error });
  });

  it("expands the last state: a deadlock (only faults enabled, not an end state) there fails", () => {
    const r = replayChoices(model, [1]);
    expect(r).toEqual({ path: [1], failure: { kind: "deadlock" } });
  });

  it("compares failures by property, or by error code and action", () => {
    expect(isSameFailure({ kind: "violation", property: 1 }, { kind: "violation", property: 1 })).toBe(true);
    expect(isSameFailure({ kind: "violation", property: 0 }, { kind: "violation", property: 1 })).toBe(false);
    expect(isSameFailure(undefined, { kind: "deadlock" })).toBe(false);
    const error = { kind: "error" as const, code: "FL5002", message: "a", actionId: 1, emittedBefore: 0 };
    expect(isSameFailure({ ...error, message: "b", emittedBefore: 3 }, error)).toBe(true);
    expect(isSameFailure({ ...error, actionId: 0 }, error)).toBe(false);
  });
});
