// Expression and statement semantics of generated code: integer arithmetic, sets, maps, records,
// sequences, quantifiers, conditionals, lets, loops and sequential assignment, each observed in
// the state after one step; and the evaluation errors FL5001, FL5002 and FL5004.

import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource } from "../../helpers/compile-source.js";

/** The decoded state after the first step of a spec whose only action is `go`. */
function afterGo(decls: string, body: string): Record<string, unknown> {
  const model = compileSource(`${decls}\naction go {\n${body}\n}\nend when true\n`);
  let next: Int32Array | undefined;
  model.successors(model.initialStates()[0]!, (_, n) => (next ??= n.slice()));
  return model.decode(next!);
}

/** The error code raised by the first step of `go`. */
function goError(decls: string, body: string): string | undefined {
  const result = explore(compileSource(`${decls}\naction go {\n${body}\n}\nend when true\n`));
  return result.outcome === "error" ? result.error.code : undefined;
}

describe("integers", () => {
  it("divides toward zero and takes the dividend's sign for %", () => {
    const s = afterGo(
      "var a: -9..9 = 0\nvar b: -9..9 = 0\nvar c: -9..9 = 0\nvar d: -9..9 = 0\nvar e: -9..20 = 0",
      "a = 7 / 2\nb = -7 / 2\nc = 7 % 3\nd = -7 % 3\ne = 2 + 3 * 4 - 10 / 5",
    );
    expect(s).toMatchObject({ a: 3, b: -3, c: 1, d: -1, e: 12 });
  });

  it("computes min, max, abs and conditionals", () => {
    const s = afterGo("var a: -9..9 = 0\nvar b: -9..9 = 0\nvar c: -9..9 = 0\nvar d: -9..9 = 0", "a = min(3, -2)\nb = max(3, -2)\nc = abs(-4)\nd = if a < b then 1 else 2");
    expect(s).toMatchObject({ a: -2, b: 3, c: 4, d: 1 });
  });

  it("runs a body sequentially: later statements see earlier assignments", () => {
    const s = afterGo("var x: 0..9 = 1\nvar y: 0..9 = 0", "x = x + 1\ny = x * 2\nx = y + 1");
    expect(s).toMatchObject({ x: 5, y: 4 });
  });

  it("reports FL5001 for an out-of-range assignment and FL5002 for division by zero", () => {
    expect(goError("var x: 0..3 = 3", "x = x + 1")).toBe("FL5001");
    expect(goError("var x: 0..3 = 0", "x = 1 / x")).toBe("FL5002");
    expect(goError("var x: 0..3 = 0", "x = 1 % x")).toBe("FL5002");
  });
});

describe("sets", () => {
  it("unites, subtracts, counts and tests membership", () => {
    const s = afterGo(
      "var a: set<1..5> = {1, 2}\nvar b: set<1..5> = {}\nvar n: 0..5 = 0\nvar t: bool = false\nvar u: bool = true",
      "b = a + {4} - {1}\nn = size(b)\nt = 4 in b\nu = 1 not in b",
    );
    expect(s).toMatchObject({ a: { "#set": [1, 2] }, b: { "#set": [2, 4] }, n: 2, t: true, u: true });
  });

  it("checks literal elements against the set's range (FL5001)", () => {
    expect(goError("var a: set<1..3> = {}\nvar k: 0..9 = 5", "a = {k}")).toBe("FL5001");
  });

  it("handles literal sets of ints that have no declared range, negative ones too", () => {
    const s = afterGo(
      "var a: bool = false\nvar b: bool = true\nvar n: 0..5 = 0\nvar q: seq<-3..9, 3> = []",
      "a = exists x in {-1, 5}: x < 0\nb = 4 in {-1, 3}\nn = size({-2, 3, -2})\nfor x in {5, -3} { q = append(q, x) }",
    );
    expect(s).toMatchObject({ a: true, b: false, n: 2, q: [-3, 5] });
  });

  it("iterates a set in ascending order", () => {
    const s = afterGo("var a: set<0..4> = {3, 0, 2}\nvar q: seq<0..4, 3> = []", "for x in a { q = append(q, x) }");
    expect(s).toMatchObject({ q: [0, 2, 3] });
  });
});

describe("records, maps and sequences", () => {
  it("reads and writes record fields and map entries in place", () => {
    const s = afterGo(
      "type R = { a: 0..3, b: bool }\nvar r: R\nvar m: map<0..2, R>\nvar same: bool = false",
      "r = { a: 2, b: true }\nm[1] = r\nm[2].a = 3\nr.a = r.a + 1\nsame = m[1] == { a: 2, b: true }",
    );
    expect(s).toMatchObject({
      r: { a: 3, b: true },
      m: { "#map": [[0, { a: 0, b: false }], [1, { a: 2, b: true }], [2, { a: 3, b: false }]] },
      same: true,
    });
  });

  it("appends, indexes, takes heads and tails", () => {
    const s = afterGo(
      "var q: seq<0..9, 3> = [4, 5]\nvar h: 0..9 = 0\nvar i: 0..9 = 0\nvar n: 0..3 = 0\nvar t: seq<0..9, 3> = []",
      "q = append(q, 6)\nh = head(q)\ni = q[2]\nt = tail(q)\nn = len(t)",
    );
    expect(s).toMatchObject({ q: [4, 5, 6], h: 4, i: 6, t: [5, 6], n: 2 });
  });

  it("reports FL5004 for overflow, head of empty and out-of-bounds indexes", () => {
    expect(goError("var q: seq<0..9, 1> = [1]", "q = append(q, 2)")).toBe("FL5004");
    expect(goError("var q: seq<0..9, 1> = []\nvar h: 0..9 = 0", "h = head(q)")).toBe("FL5004");
    expect(goError("var q: seq<0..9, 2> = [1]\nvar h: 0..9 = 0", "h = q[1]")).toBe("FL5004");
  });

  it("keeps a let as a snapshot of a composite value", () => {
    const s = afterGo("var q: seq<0..9, 3> = [1]\nvar old: seq<0..9, 3> = []", "let before = q\nq = append(q, 2)\nold = before");
    expect(s).toMatchObject({ q: [1, 2], old: [1] });
  });
});

describe("quantifiers and node ids", () => {
  it("evaluates forall and exists over ranges, sets, types and families", () => {
    const s = afterGo(
      "enum Color { Red, Green }\nnode S[3] { var v: 0..3 = 1 }\nvar a: bool = false\nvar b: bool = true\nvar c: bool = false\nvar d: bool = false",
      "a = forall i in 0..2: S[i].v == 1\nb = exists x in {1, 2}: x > 2\nc = exists k in Color: k == Green\nd = forall p, q in S: p.v == q.v",
    );
    expect(s).toMatchObject({ a: true, b: false, c: true, d: true });
  });

  it("lets a node read another node's vars through its id and write its own", () => {
    const model = compileSource(`
      node S[2] {
        var v: 0..3 = 0
        action copy when v == 0 { v = (if self == S[0] then S[1].v else S[0].v) + 2 }
      }
      end when true
    `);
    const texts: string[] = [];
    const s0 = model.initialStates()[0]!;
    const states: Int32Array[] = [];
    model.successors(s0, (_, n) => states.push(n.slice()));
    states.forEach((_, k) => texts.push(model.describeStep(s0, k).text));
    expect(texts).toEqual(["S[0] copy", "S[1] copy"]);
    expect(model.decode(states[1]!)).toMatchObject({ "S[0].v": 0, "S[1].v": 2 });
  });
});

describe("actions with parameters", () => {
  it("takes one step per parameter combination, first parameter outermost, ascending", () => {
    const model = compileSource(`
      node Client[2] {
        var last: 0..9 = 0
        action request(key: 0..1, urgent: bool) when last == 0 { last = key * 2 + (if urgent then 1 else 0) + 1 }
      }
      end when true
    `);
    const s0 = model.initialStates()[0]!;
    const texts: string[] = [];
    let k = 0;
    model.successors(s0, () => texts.push(model.describeStep(s0, k++).text));
    expect(texts.slice(0, 4)).toEqual([
      "Client[0] request(key: 0, urgent: false)",
      "Client[0] request(key: 0, urgent: true)",
      "Client[0] request(key: 1, urgent: false)",
      "Client[0] request(key: 1, urgent: true)",
    ]);
    expect(texts).toHaveLength(8);
  });
});
