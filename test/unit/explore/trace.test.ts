import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluationError, type Model, type PackedState } from "../../../src/compile/model.js";
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

describe("replay under symmetry", () => {
  /**
   * Two interchangeable counters [x, y] (canonical form: sorted). `inc` adds 1 to either one
   * (x first); `move` either keeps the state or swaps the counters. NoSwap: a step never swaps.
   */
  const raw = createToyModel({
    initial: [[0, 0]],
    actions: [{ label: "inc" }, { label: "move" }],
    next: ([x, y]) => [
      [0, [x! + 1, y!]],
      [0, [x!, y! + 1]],
      [1, [x!, y!]],
      [1, [y!, x!]],
    ],
    transitions: [{ name: "NoSwap", holds: (from, to) => from[0] === to[0] || from[0] === from[1] }],
  });
  const sort = (s: PackedState, out: PackedState): void => {
    out.set([Math.min(s[0]!, s[1]!), Math.max(s[0]!, s[1]!)]);
  };
  // Like CompiledModel: a transition emitted canonical is checked on the successor as computed.
  const canonical = new Int32Array(2);
  let computed: PackedState | undefined;
  const model: Model = {
    ...raw,
    successors(state, emit) {
      return raw.successors(state, (id, next) => {
        sort(next, canonical);
        computed = next;
        emit(id, canonical);
        computed = undefined;
      });
    },
    checkTransition(from, to) {
      return raw.checkTransition(from, to === canonical && computed ? computed : to);
    },
    successorsRaw: (state, emit) => raw.successors(state, emit),
    canonicalize: sort,
    describeStep: (state, ordinal) => raw.describeStep(state, ordinal),
  };

  it("shows the run as it happened: the raw step from the actual state, never a renamed one", () => {
    const run = replay(model, [0, 0, 0]);
    if (typeof run === "string") throw new Error(run);
    expect(run.canonical.map((s) => Array.from(s))).toEqual([[0, 0], [0, 1], [1, 1]]);
    expect(run.states.map((s) => Array.from(s))).toEqual([[0, 0], [1, 0], [1, 1]]);
    // The search's step 2 (inc x of [0, 1]) is, in the run shown, inc y of [1, 0].
    expect(run.steps.map((s) => s.text)).toEqual(["inc -> [1, 0]", "inc -> [1, 1]"]);
  });

  it("prefers the raw step that breaks the transition property the search's step broke", () => {
    // From [1, 0] (canonically [0, 1]) both `move`s lead to [0, 1]; the search took the swap.
    const run = replay(model, [0, 0, 3]);
    if (typeof run === "string") throw new Error(run);
    expect(run.states.map((s) => Array.from(s))).toEqual([[0, 0], [1, 0], [0, 1]]);
    expect(run.steps[1]!.text).toBe("move -> [0, 1]");
    expect(model.checkTransition(run.states[1]!, run.states[2]!)).toBe(0);
  });

  it("keeps to the search's own step while the run shown and the search agree", () => {
    const run = replay(model, [0, 2, 1]);
    if (typeof run === "string") throw new Error(run);
    expect(run.states.map((s) => Array.from(s))).toEqual([[0, 0], [0, 0], [0, 1]]);
    expect(run.steps.map((s) => s.actionId)).toEqual([1, 0]);
  });
});
