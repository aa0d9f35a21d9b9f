// Declarations: resolved types, bounds and settings (FL3003, FL3004, FL3005, FL3011).

import { describe, expect, it } from "vitest";
import { typeToString } from "../../../src/check/types.js";
import { checkText } from "../../helpers/check-text.js";

function expectFirst(text: string, code: string, spanText: string): void {
  const result = checkText(text);
  expect(result.codes[0], result.diagnostics.map((d) => d.message).join("\n")).toBe(code);
  expect(result.spanText(result.diagnostics[0])).toBe(spanText);
}

describe("declarations", () => {
  it("resolves every kind of type", () => {
    const result = checkText(`
const K = 2
enum Color { Red, Blue }
type Slot = 0..K
type Entry = { key: Slot, color: Color }
node P[K] { var x: bool = false }
var a: set<P>
var b: map<Slot, seq<Entry, 2>>
var c: Entry
effect pay(payee: P, amount: 1..3)
history kv(key: Color, version: 0..K)
network ordered capacity 4
faults { skew <= 1 drop <= 2 }
clock ticks <= 3
`);
    expect(result.diagnostics).toEqual([]);
    const checked = result.checked!;
    expect(checked.specVars.map((v) => typeToString(v.type))).toEqual([
      "set<P>",
      "map<0..2, seq<{ key: 0..2, color: Color }, 2>>",
      "{ key: 0..2, color: Color }",
    ]);
    expect(checked.effects.map((e) => [e.name, e.params.map(typeToString)])).toEqual([["pay", ["P", "1..3"]]]);
    expect(checked.histories.map((h) => [h.name, typeToString(h.key), typeToString(h.version)])).toEqual([["kv", "Color", "0..2"]]);
    expect(checked.network).toEqual({ kind: "ordered", capacity: 4 });
    expect(checked.faults).toEqual({ drop: 2, duplicate: 0, partition: 0, cut: 0, crash: 0, skew: 1 });
    expect(checked.ticks).toBe(3);
  });

  it("records spec-level actions with their parameter types", () => {
    const result = checkText("var n: 0..3 = 0\naction add(k: 1..2, b: bool) when n + k <= 3 and b { n = n + k }");
    expect(result.diagnostics).toEqual([]);
    expect(result.checked!.specActions.map((a) => [a.name, a.params.map((p) => `${p.name}: ${typeToString(p.type)}`)])).toEqual([
      ["add", ["k: 1..2", "b: bool"]],
    ]);
  });

  it("FL3003: durable outside a node", () => {
    expectFirst("durable var x: bool", "FL3003", "durable var x: bool");
  });

  it("FL3004: empty ranges, negative bounds and budgets, too few nodes, no capacity", () => {
    expectFirst("var x: 3..1", "FL3004", "3..1");
    expectFirst("var x: seq<bool, -1>", "FL3004", "-1");
    expectFirst("var x: bool\nfaults { drop <= -1 }", "FL3004", "-1");
    expectFirst("var x: bool\nclock ticks <= -2", "FL3004", "-2");
    expectFirst("node S[0] { var x: bool }", "FL3004", "0");
    expectFirst("var x: bool\nnetwork unordered capacity 0", "FL3004", "0");
    expectFirst("var x: bool\ninvariant I = forall i in 3..1: true", "FL3004", "3..1");
    expectFirst("enum E { }\nvar x: bool", "FL3004", "enum E { }");
  });

  it("FL3005: non-constant bounds, counts and budgets", () => {
    expectFirst("var n: 0..3\nnode S[n] { var x: bool }", "FL3005", "n");
    expectFirst("var n: 0..3\nfaults { crash <= n }", "FL3005", "n");
    expectFirst("var n: 0..3\nclock ticks <= n", "FL3005", "n");
    expectFirst("var n: 0..3\nconst C = n", "FL3005", "n");
  });

  it("FL3011: more than one network, faults or clock declaration", () => {
    expectFirst("var x: bool\nnetwork ordered\nnetwork unordered", "FL3011", "network unordered");
    expectFirst("var x: bool\nfaults { drop <= 1 }\nfaults { crash <= 1 }", "FL3011", "faults { crash <= 1 }");
    expectFirst("var x: bool\nclock ticks <= 1\nclock ticks <= 2", "FL3011", "clock ticks <= 2");
  });
});
