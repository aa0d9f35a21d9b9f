// Layout: slot assignments and sizes, message codes (round trips, order), determinism of the
// compiled model, and the compile limits FL4001 and FL4002.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, messageText } from "../../../src/compile/message-codec.js";
import { compileCodes, compileSource } from "../../helpers/compile-source.js";

const twoPhase = readFileSync(new URL("../../../specs/two-phase.fl", import.meta.url), "utf8");

describe("layout", () => {
  it("packs TwoPhase K=3 into 6 slots: RM states, TM state and set, one network word", () => {
    const { layout } = compileSource(twoPhase, { K: "3" });
    expect(layout.stateSize).toBe(6);
    expect(layout.families.map((f) => [f.name, f.base, f.stride, f.count, f.firstGid])).toEqual([
      ["RM", 0, 1, 3, 0],
      ["TM", 3, 2, 1, 3],
    ]);
    expect(layout.network).toMatchObject({ kind: "duplicating", base: 5, size: 1 });
    expect(layout.codec.types.map((t) => [t.name, t.base, t.size])).toEqual([
      ["Prepared", 0, 3],
      ["Commit", 3, 3],
      ["Abort", 6, 3],
    ]);
    expect(layout.cut).toBeUndefined();
    expect(layout.time).toBe(-1);
    expect(layout.budgets.size).toBe(0);
  });

  it("lays out every kind of state in a fixed order", () => {
    const { layout } = compileSource(`
      message Ping { n: 0..2 }
      effect e(a: 0..1, b: bool)
      history h(key: 0..2, version: 1..4)
      node S[2] {
        var r: { a: 0..3, q: seq<bool, 2> }
        var m: map<bool, set<S>>
        action go when now >= 0 { send Ping { n: 1 } to S[0] }
        on Ping { }
      }
      var g: 0..1 = 0
      network ordered capacity 2
      clock ticks <= 2
      faults { crash <= 1  cut <= 1  skew <= 1  drop <= 2 }
      end when true
    `);
    const [s] = layout.families;
    expect(s!.vars.map((v) => [v.name, v.offset, v.width])).toEqual([
      ["r", 0, 4],
      ["m", 4, 2],
    ]);
    expect(s!.upOffset).toBe(6);
    expect(s!.stride).toBe(7);
    expect(layout.specVars.map((v) => [v.name, v.offset])).toEqual([["g", 14]]);
    expect(layout.network).toMatchObject({ kind: "ordered", base: 15, size: 2 * 4, links: [[0, 0], [0, 1], [1, 0], [1, 1]] });
    expect(layout.cut).toEqual({ base: 23, words: 1 });
    expect(layout.time).toBe(24);
    expect(s!.clockBase).toBe(25);
    expect([...layout.clockSlot]).toEqual([25, 26]);
    expect([...layout.budgets]).toEqual([
      ["drop", 27],
      ["cut", 28],
      ["crash", 29],
    ]);
    expect(layout.effects).toMatchObject([{ name: "e", base: 30, count: 4 }]);
    expect(layout.histories).toMatchObject([{ name: "h", base: 34, keys: 3, lost: 37 }]);
    expect(layout.stateSize).toBe(38);
  });
});

describe("message codes", () => {
  it("decode(encode(m)) = m for every code, ascending by destination, source, fields", () => {
    const model = compileSource(`
      enum Color { Red, Green }
      message M { c: Color, n: 1..3 }
      node A[2] { action go { send M { c: Green, n: 2 } to B[1] } }
      node B[3] { on M { } }
      network unordered
      end when true
    `);
    const { codec } = model.layout;
    const m = codec.byName.get("M")!;
    expect(m.srcGids).toEqual([0, 1]);
    expect(m.dstGids).toEqual([2, 3, 4]);
    expect(codec.universe).toBe(2 * 3 * 6);
    const name = (f: string, i: number): string => `${f}[${i}]`;
    const seen: string[] = [];
    for (let code = 0; code < codec.universe; code++) {
      const d = decodeMessage(codec, code);
      expect(encodeMessage(d.coding, d.src, d.dst, d.fieldOrd)).toBe(code);
      seen.push(`${d.dst}:${d.src}:${messageText(d.coding, d.fieldOrd, name)}`);
    }
    expect(seen.slice(0, 7)).toEqual([
      "2:0:M{c: Red, n: 1}",
      "2:0:M{c: Red, n: 2}",
      "2:0:M{c: Red, n: 3}",
      "2:0:M{c: Green, n: 1}",
      "2:0:M{c: Green, n: 2}",
      "2:0:M{c: Green, n: 3}",
      "2:1:M{c: Red, n: 1}",
    ]);
  });
});

describe("determinism", () => {
  it("compiles the same spec to the same code, layout and action table", () => {
    const a = compileSource(twoPhase, { K: "4" });
    const b = compileSource(twoPhase, { K: "4" });
    expect(a.generatedSource).toBe(b.generatedSource);
    expect(a.actions).toEqual(b.actions);
    expect(a.actions.map((x) => x.label)).toEqual(["RM.on Commit", "RM.on Abort", "TM.on Prepared", "RM.prepare", "RM.chooseToAbort", "TM.commit", "TM.abort"]);
  });
});

describe("compile limits", () => {
  it("reports FL4001 for sets over more than 31 values and big set networks, FL4003 for big symmetry groups", () => {
    expect(compileCodes("node A { var s: set<0..40> = {} }\nend when true")).toEqual(["FL4001"]);
    expect(compileCodes("message M { v: 0..4096 }\nnode A { action go { send M { v: 0 } to B } }\nnode B { on M { } }\nnetwork unordered duplicating\nend when true")).toEqual(["FL4001"]);
    expect(compileCodes("node S[9] symmetric { var x: bool = false }\nend when true")).toEqual(["FL4003"]);
  });

  it("reports FL4002 for a state of more than 65536 slots", () => {
    expect(compileCodes("node A { var m: map<0..4095, seq<0..1, 20>> }\nend when true")).toEqual(["FL4002"]);
  });
});
