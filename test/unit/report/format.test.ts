// formatValue: decoded values (Model.decode) printed as the user writes them, so a trace tells
// sets, sequences, maps and records apart.

import { describe, expect, it } from "vitest";
import { formatValue } from "../../../src/report/format.js";
import { buildTrace } from "../../../src/explore/trace.js";
import { renderTrace } from "../../../src/report/text.js";
import { compileSource } from "../../helpers/compile-source.js";

describe("formatValue", () => {
  it("prints sets with braces, as before", () => {
    expect(formatValue({ "#set": ["Server[1]", "Server[2]"] })).toBe("{Server[1], Server[2]}");
    expect(formatValue({ "#set": [] })).toBe("{}");
  });

  it("prints sequences with brackets, maps with arrows and records with fields", () => {
    expect(formatValue([0, 0])).toBe("[0, 0]");
    expect(formatValue([])).toBe("[]");
    expect(formatValue({ "#map": [[0, 1], [1, 0]] })).toBe("{0 -> 1, 1 -> 0}");
    expect(formatValue({ term: 1, ok: true })).toBe("{ term: 1, ok: true }");
    expect(formatValue({ "#map": [["A", { "#set": [1] }], ["B", [2, 3]]] })).toBe("{A -> {1}, B -> [2, 3]}");
    expect(formatValue("Leader")).toBe("Leader");
    expect(formatValue(3)).toBe("3");
  });

  it("a trace shows a sequence as a sequence and a set as a set", () => {
    const model = compileSource(`
      node A {
        var q: seq<0..1, 2> = []
        var s: set<0..1> = {}
        var m: map<bool, 0..2>
        action push when len(q) < 2 { q = append(q, 0)  s = s + {0}  m[true] = m[true] + 1 }
      }
      invariant Short = len(A.q) < 2
      end when true
    `);
    const trace = buildTrace(model, [0, 0, 0]);
    if (typeof trace === "string") throw new Error(trace);
    expect(renderTrace(trace)).toEqual([
      "  initial state",
      "      A: q = [], s = {}, m = {false -> 0, true -> 0}",
      "  1. A push",
      "      A.q: [] -> [0]",
      "      A.s: {} -> {0}",
      "      A.m: {false -> 0, true -> 0} -> {false -> 0, true -> 1}",
      "  2. A push",
      "      A.q: [0] -> [0, 0]",
      "      A.m: {false -> 0, true -> 1} -> {false -> 0, true -> 2}",
    ]);
  });
});
