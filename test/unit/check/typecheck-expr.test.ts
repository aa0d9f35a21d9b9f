// Expression typing: operators, built-ins, literals and their context, domains, and the FL3xxx
// codes that expressions raise (codes and spans; wording is left to the goldens).

import { describe, expect, it } from "vitest";
import type * as ast from "../../../src/ast/nodes.js";
import { walk } from "../../../src/ast/walk.js";
import { typeToString } from "../../../src/check/types.js";
import { checkText, nodeSpec } from "../../helpers/check-text.js";

function expectFirst(text: string, code: string, spanText: string): void {
  const result = checkText(text);
  expect(result.codes[0], result.diagnostics.map((d) => d.message).join("\n")).toBe(code);
  expect(result.spanText(result.diagnostics[0])).toBe(spanText);
}

/** The recorded type of the first expression whose source text is `source`. */
function typeOf(text: string, source: string): string | undefined {
  const result = checkText(text);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const checked = result.checked!;
  let found: string | undefined;
  walk(checked.ast, {
    enter(node) {
      if (found !== undefined || text.slice(node.span.start, node.span.end) !== source) return;
      const type = checked.types.get(node.id);
      if (type) found = typeToString(type);
    },
  });
  return found;
}

describe("types of well-typed expressions", () => {
  const spec = (expr: string, extra = "") =>
    nodeSpec(`var s: seq<0..3, 4>\n var m: map<Server, bool>\n on timeout when ${expr} { }`, extra);

  it("types arithmetic, comparisons, logic and membership", () => {
    expect(typeOf(spec("term * 2 + 1 > 3"), "term * 2 + 1")).toBe("int");
    expect(typeOf(spec("term * 2 + 1 > 3"), "term * 2 + 1 > 3")).toBe("bool");
    expect(typeOf(spec("not (role == Leader) implies term in {1, 2}"), "{1, 2}")).toBe("set<int>");
    expect(typeOf(spec("self not in votes"), "votes")).toBe("set<Server>");
    expect(typeOf(spec("term in s"), "s")).toBe("seq<0..3, 4>");
  });

  it("types built-ins", () => {
    expect(typeOf(spec("len(append(tail(s), 2)) > head(s)"), "append(tail(s), 2)")).toBe("seq<0..3, 4>");
    expect(typeOf(spec("len(append(tail(s), 2)) > head(s)"), "head(s)")).toBe("0..3");
    expect(typeOf(spec("min(abs(term), max(1, 2)) == 1"), "min(abs(term), max(1, 2))")).toBe("int");
  });

  it("types indexing of families, maps and sequences", () => {
    expect(typeOf(spec("m[Server[1]] and s[0] == 1"), "Server[1]")).toBe("Server");
    expect(typeOf(spec("m[Server[1]] and s[0] == 1"), "m[Server[1]]")).toBe("bool");
    expect(typeOf(spec("m[Server[1]] and s[0] == 1"), "s[0]")).toBe("0..3");
  });

  it("gives `{}` and `[]` the type of their context", () => {
    expect(typeOf(spec("votes == {}"), "{}")).toBe("set<Server>");
    expect(typeOf(spec("{} == votes"), "{}")).toBe("set<Server>");
    expect(typeOf(spec("size(votes + {}) > 0"), "{}")).toBe("set<Server>");
    expect(typeOf(spec("s != []"), "[]")).toBe("seq<0..3, 4>");
    expect(typeOf(spec("self in {}"), "{}")).toBe("set<Server>");
  });

  it("orders record literals like their context", () => {
    const text = nodeSpec("var r: { a: 0..3, b: bool }\n on timeout when r == { b: true, a: 1 } { }");
    expect(typeOf(text, "{ b: true, a: 1 }")).toBe("{ a: 0..3, b: bool }");
  });

  it("types quantifier domains: sets, ranges, enums, families, aliases", () => {
    const text = nodeSpec(
      "on timeout when forall r in Role: exists i in 0..N-1: exists t in T: exists v in votes: r == role and v == Server[i] and t >= 0 { }",
      "type T = 0..2",
    );
    expect(typeOf(text, "0..N-1")).toBe("set<0..2>");
    expect(typeOf(text, "Role")).toBe("set<Role>");
    expect(typeOf(text, "T")).toBe("set<0..2>");
    const symbols = checkText(text).checked!.symbols;
    const kinds = [...symbols.values()].map((s) => s.kind);
    expect(kinds).toContain("typeName");
  });

  it("types conditional expressions", () => {
    expect(typeOf(spec("(if term > 0 then votes else {}) == votes"), "if term > 0 then votes else {}")).toBe("set<Server>");
  });
});

describe("expression errors", () => {
  it("FL3001: operands of the wrong type", () => {
    expectFirst(nodeSpec("on timeout when term and true { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout when not term { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout { term = -role }"), "FL3001", "role");
    expectFirst(nodeSpec("on timeout { term = term + true }"), "FL3001", "true");
    expectFirst(nodeSpec("on timeout when size(term) > 0 { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout when term in term { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout when role in votes { }"), "FL3001", "role");
    expectFirst(nodeSpec("on timeout when role < role { }"), "FL3001", "role");
    expectFirst(nodeSpec("on timeout when {1, true} == {} { }"), "FL3001", "true");
    expectFirst(nodeSpec("on timeout when forall x in term: true { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout when Server[true] == self { }"), "FL3001", "true");
    expectFirst(nodeSpec("on timeout when term[0] == 1 { }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout { term = if true then 1 else role }"), "FL3001", "role");
  });

  it("FL3005: variables in initializers and constant positions", () => {
    expectFirst(nodeSpec("var x: 0..3 = term"), "FL3005", "term");
    expectFirst(nodeSpec("var x: 0..3 = now"), "FL3005", "now");
    expectFirst("var y: bool\nconst C = size({1})", "FL3005", "size({1})");
    expectFirst("var y: bool\nconst C = {1}", "FL3005", "{1}");
  });

  it("FL3006: built-ins with the wrong number of arguments", () => {
    expectFirst(nodeSpec("on timeout when size(votes, votes) > 0 { }"), "FL3006", "size(votes, votes)");
    expectFirst(nodeSpec("on timeout { term = abs() }"), "FL3006", "abs()");
  });

  it("FL3007: constants that cannot fit the declared type", () => {
    expectFirst(nodeSpec("var x: 0..3 = 4"), "FL3007", "4");
    expectFirst(nodeSpec("on timeout { term = N + 1 }"), "FL3007", "N + 1");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: -1 } }"), "FL3007", "-1");
    expectFirst(nodeSpec("var s: set<0..1> = {0, 2}"), "FL3007", "2");
    expectFirst(nodeSpec("var s: seq<bool, 1> = [true, false]"), "FL3007", "[true, false]");
    expectFirst(nodeSpec("", "invariant I = Server[N].term == 0"), "FL3007", "N");
    expect(checkText(nodeSpec("on timeout when term < 3 { term = term + 1 }")).codes).toEqual([]);
  });

  it("FL3008: comparisons of different types", () => {
    expectFirst(nodeSpec("on timeout when role == term { }"), "FL3008", "role == term");
    expectFirst(nodeSpec("on timeout when self != 1 { }"), "FL3008", "self != 1");
  });

  it("FL3009: non-boolean guards, conditions, bodies and properties", () => {
    expectFirst(nodeSpec("on timeout when term { }"), "FL3009", "term");
    expectFirst(nodeSpec("on timeout { if term { } }"), "FL3009", "term");
    expectFirst(nodeSpec("", "invariant I = N"), "FL3009", "N");
    expectFirst(nodeSpec("", "end when 1"), "FL3009", "1");
    expectFirst(nodeSpec("", "reachable R = exists s in Server: s.term"), "FL3009", "s.term");
    expectFirst(nodeSpec("on timeout { term = if 1 then 1 else 2 }"), "FL3009", "1");
  });

  it("FL3010: primes outside transition properties; fine inside them", () => {
    expectFirst(nodeSpec("on timeout when term' > 0 { }"), "FL3010", "term'");
    expectFirst(nodeSpec("", "invariant I = forall s in Server: s.term' >= 0"), "FL3010", "s.term'");
    const ok = checkText(nodeSpec("", "transition T = forall s in Server: s.term' >= s.term"));
    expect(ok.codes).toEqual([]);
  });

  it("FL3014: `{}` and `[]` with no context", () => {
    expectFirst(nodeSpec("on timeout { let e = {} }"), "FL3014", "{}");
    expectFirst(nodeSpec("on timeout when len([]) == 0 { }"), "FL3014", "[]");
    expectFirst(nodeSpec("on timeout when {} == {} { }"), "FL3014", "{}");
  });

  it("FL3016: division by zero in constants", () => {
    expectFirst("const Z = 0\nconst D = 1 % Z\nvar x: bool", "FL3016", "1 % Z");
    expectFirst("var x: 0..(4 / 0)", "FL3016", "4 / 0");
  });
});

describe("symbols", () => {
  it("records a symbol for each resolved name", () => {
    const result = checkText(nodeSpec("action go(p: bool) when p { let q = p\n term = if q then 1 else 0 }"));
    const names: string[] = [];
    walk(result.checked!.ast, {
      enter(node) {
        if (node.kind === "NameExpr") names.push(`${(node as ast.NameExpr).name}:${result.checked!.symbols.get(node.id)?.kind}`);
      },
    });
    expect(names).toEqual(["N:const", "Follower:enumMember", "p:param", "p:param", "term:nodeVar", "q:let"]);
  });
});
