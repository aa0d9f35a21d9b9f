import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluationError } from "../../../src/compile/model.js";
import { buildTrace, decodeReplay, diffStates, encodeReplay, replay } from "../../../src/explore/trace.js";
import { createToyModel } from "../../helpers/toy-models.js";

/** Two counters: `a` += 1 (ordinal 0), `b` += 2 (ordinal 1), both mod 5. */
const model = createToyModel({
  initial: [
    [0, 0],
    [4, 4],
  ],
  names: ["a", "b"],
  actions: [{ label: "incA" }, { label: "incB" }],
  next: ([a, b]) => [
    [0, [(a! + 1) % 5, b!]],
    [1, [a!, (b! + 2) % 5]],
  ],
});

describe("replay tokens", () => {
  it("encodes a path as numbers joined by `/`", () => {
    expect(encodeReplay([0, 2, 1])).toBe("0/2/1");
    expect(encodeReplay([7])).toBe("7");
  });

  it("round-trips every path through its token", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { minLength: 1, maxLength: 30 }), (path) => {
        const token = encodeReplay(path);
        expect(token).toMatch(/^[0-9/]+$/);
        expect(decodeReplay(token)).toEqual(path);
      }),
    );
  });

  it.each([
    ["", /empty/],
    ["a", /`a` at position 1/],
    ["1//2", /empty entry at position 2/],
    ["1/", /empty entry at position 2/],
    ["-1", /`-1`/],
    ["1.5", /`1.5`/],
    ["0/ 1", /` 1` at position 2/],
    ["0,1", /`0,1`/],
    ["99999999999", /larger than 2147483647/],
  ])("rejects %j with a message", (token, message) => {
    const decoded = decodeReplay(token);
    expect(typeof decoded).toBe("string");
    expect(decoded).toMatch(message);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        const decoded = decodeReplay(token);
        expect(typeof decoded === "string" || Array.isArray(decoded)).toBe(true);
      }),
    );
  });
});

describe("replay", () => {
  it("re-runs a path: the chosen initial state, then one successor per entry", () => {
    const run = replay(model, [1, 0, 1, 1]);
    if (typeof run === "string") throw new Error(run);
    expect(run.states.map((s) => Array.from(s))).toEqual([
      [4, 4],
      [0, 4],
      [0, 1],
      [0, 3],
    ]);
    expect(run.steps.map((s) => s.actionId)).toEqual([0, 1, 1]);
  });

  it("explains an ordinal out of range as a changed spec", () => {
    const run = replay(model, [0, 1, 2]);
    expect(run).toMatch(/successor 2 at step 2, but that state has 2 successor\(s\): the spec changed since this token was made/);
  });

  it("explains an initial state out of range and an empty path", () => {
    expect(replay(model, [2])).toMatch(/initial state 2, but the spec has 2 initial state\(s\): the spec changed/);
    expect(replay(model, [])).toMatch(/empty/);
  });

  it("reports an evaluation error along the path instead of throwing", () => {
    const failing = createToyModel({
      initial: [[0]],
      next: ([x]) => {
        if (x === 1) throw new EvaluationError("FL5002", "division by zero", 0);
        return [[0, [x! + 1]]];
      },
    });
    expect(replay(failing, [0, 0])).not.toBeTypeOf("string");
    expect(replay(failing, [0, 0, 0])).toMatch(/step 2 \(FL5002\): division by zero/);
  });
});

describe("buildTrace", () => {
  it("decodes each state and lists the variables each step changed", () => {
    const trace = buildTrace(model, [0, 1, 0]);
    if (typeof trace === "string") throw new Error(trace);
    expect(trace.initial).toEqual({ a: 0, b: 0 });
    expect(trace.steps).toHaveLength(2);
    expect(trace.steps[0]).toMatchObject({
      step: { actionId: 1, kind: "action" },
      state: { a: 0, b: 2 },
      changes: [{ name: "b", before: 0, after: 2 }],
    });
    expect(trace.steps[1]!.changes).toEqual([{ name: "a", before: 0, after: 1 }]);
  });

  it("passes replay's message through for a path that does not fit", () => {
    expect(buildTrace(model, [0, 5])).toMatch(/the spec changed/);
  });

  it("compares decoded values as JSON, including nested values and vanished keys", () => {
    const before = { s: [1, 2], m: { k: 1 }, gone: true, same: { x: [1] } };
    const after = { s: [1, 2], m: { k: 2 }, same: { x: [1] }, added: 3 };
    expect(diffStates(before, after)).toEqual([
      { name: "m", before: { k: 1 }, after: { k: 2 } },
      { name: "added", before: undefined, after: 3 },
      { name: "gone", before: true, after: undefined },
    ]);
  });
});
