import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BinaryOp, Decl, Expr, Ident, Spec, Stmt } from "../../../src/ast/nodes.js";
import { print, printExpr } from "../../../src/ast/print.js";
import { parseExpr, parseOk, shapeOf } from "../../helpers/ast-shape.js";

const SPECS = join(import.meta.dirname, "..", "..", "..", "specs");
const span = { file: "built.fl", start: 0, end: 0 };

// ---- builders for hand-made trees (ids and spans are placeholders) ----
const id = (name: string): Ident => ({ kind: "Ident", id: 0, span, name });
const name = (n: string): Expr => ({ kind: "NameExpr", id: 0, span, name: n });
const int = (value: number): Expr => ({ kind: "IntLit", id: 0, span, value });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "BinaryExpr", id: 0, span, op, left, right });
const not = (operand: Expr): Expr => ({ kind: "UnaryExpr", id: 0, span, op: "not", operand });
const neg = (operand: Expr): Expr => ({ kind: "UnaryExpr", id: 0, span, op: "-", operand });
const forall = (n: string, domain: Expr, body: Expr): Expr => ({
  kind: "QuantExpr", id: 0, span, quantifier: "forall", names: [id(n)], domain, body,
});
const cond = (c: Expr, t: Expr, o: Expr): Expr => ({ kind: "CondExpr", id: 0, span, condition: c, then: t, otherwise: o });
const range = (low: Expr, high: Expr): Expr => ({ kind: "RangeExpr", id: 0, span, low, high });
const prime = (operand: Expr): Expr => ({ kind: "PrimeExpr", id: 0, span, operand });
const field = (target: Expr, f: string): Expr => ({ kind: "FieldExpr", id: 0, span, target, field: id(f) });

function specOf(decls: Decl[]): Spec {
  return { kind: "Spec", id: 0, span, name: undefined, decls };
}

function constOf(value: Expr): Spec {
  return specOf([{ kind: "ConstDecl", id: 0, span, name: id("X"), value }]);
}

/** print, parse back, and compare the trees without ids and spans. */
function expectRoundTrip(spec: Spec): string {
  const text = print(spec);
  expect(shapeOf(parseOk(text))).toEqual(shapeOf(spec));
  return text;
}

describe("print", () => {
  for (const file of readdirSync(SPECS).filter((f) => f.endsWith(".fl"))) {
    it(`round-trips ${file}`, () => {
      const spec = parseOk(readFileSync(join(SPECS, file), "utf8"), file);
      const text = expectRoundTrip(spec);
      expect(print(parseOk(text))).toBe(text);
    });
  }

  it("prints canonical source", () => {
    const source = `spec S const N=3 enum R{A,B} message M{a:bool,b:0..N} message C
      node S[N] symmetric { var x: R = A durable var y: set<S>
        on M(m) from s: S when m.a { if x==A { x = B } else if x == B { x = A } else { reply C } }
        action go(i: 0..1) { send M{a: true, b: i} to S[0] broadcast C to S } }
      network ordered capacity 2 faults {drop<=1 crash<=1} invariant I = forall s in S: s.x == A`;
    expect(print(parseOk(source))).toBe(`spec S

const N = 3

enum R { A, B }

message M { a: bool, b: 0..N }
message C

node S[N] symmetric {
  var x: R = A
  durable var y: set<S>

  on M(m) from s: S when m.a {
    if x == A {
      x = B
    } else if x == B {
      x = A
    } else {
      reply C
    }
  }

  action go(i: 0..1) {
    send M { a: true, b: i } to S[0]
    broadcast C to S
  }
}

network ordered capacity 2

faults { drop <= 1  crash <= 1 }

invariant I = forall s in S: s.x == A
`);
  });

  it("parenthesizes by precedence, and only where needed", () => {
    expect(printExpr(bin("*", bin("+", name("a"), name("b")), name("c")))).toBe("(a + b) * c");
    expect(printExpr(bin("+", name("a"), bin("*", name("b"), name("c"))))).toBe("a + b * c");
    expect(printExpr(bin("-", name("a"), bin("-", name("b"), name("c"))))).toBe("a - (b - c)");
    expect(printExpr(bin("-", bin("-", name("a"), name("b")), name("c")))).toBe("a - b - c");
    expect(printExpr(bin("implies", bin("implies", name("a"), name("b")), name("c")))).toBe("(a implies b) implies c");
    expect(printExpr(bin("implies", name("a"), bin("implies", name("b"), name("c"))))).toBe("a implies b implies c");
    expect(printExpr(bin("==", bin("==", name("a"), name("b")), name("c")))).toBe("(a == b) == c");
    expect(printExpr(not(bin("==", name("a"), name("b"))))).toBe("not a == b");
    expect(printExpr(not(bin("and", name("a"), name("b"))))).toBe("not (a and b)");
    expect(printExpr(bin("==", not(name("a")), name("b")))).toBe("(not a) == b");
    expect(printExpr(neg(bin("+", name("a"), int(1))))).toBe("-(a + 1)");
    expect(printExpr(neg(neg(name("a"))))).toBe("--a");
    expect(printExpr(bin("and", forall("x", name("S"), name("p")), name("q")))).toBe("(forall x in S: p) and q");
    expect(printExpr(bin("+", int(1), cond(name("c"), int(1), int(2))))).toBe("1 + (if c then 1 else 2)");
    expect(printExpr(prime(field(name("s"), "term")))).toBe("s.term'");
    expect(printExpr(field(prime(name("s")), "term"))).toBe("s'.term");
    expect(printExpr(field(bin("+", name("a"), name("b")), "f"))).toBe("(a + b).f");
    expect(printExpr(bin("notin", name("x"), name("S")))).toBe("x not in S");
  });

  it("round-trips hand-built expressions that need parentheses", () => {
    const cases: Expr[] = [
      bin("*", bin("+", name("a"), name("b")), neg(name("c"))),
      bin("implies", bin("implies", name("a"), name("b")), name("c")),
      bin("==", bin("<", name("a"), name("b")), bin("in", name("c"), name("d"))),
      not(not(bin("or", name("a"), not(name("b"))))),
      bin("and", cond(name("c"), forall("x", range(int(0), name("N")), name("p")), int(2)), name("q")),
      forall("x", range(neg(int(1)), bin("-", name("N"), int(1))), cond(name("a"), name("b"), name("c"))),
      forall("x", bin("+", name("S"), name("T")), bin("==", prime(field(name("x"), "f")), int(0))),
      neg(neg(int(3))),
    ];
    for (const value of cases) expectRoundTrip(constOf(value));
  });

  it("round-trips hand-built declarations and statements", () => {
    const assign = (target: Expr, value: Expr): Stmt => ({ kind: "AssignStmt", id: 0, span, target, value });
    const block = (statements: Stmt[]) => ({ kind: "Block" as const, id: 0, span, statements });
    const spec: Spec = {
      ...specOf([
        { kind: "EnumDecl", id: 0, span, name: id("E"), members: [] },
        { kind: "MessageDecl", id: 0, span, name: id("M"), fields: [] },
        { kind: "NetworkDecl", id: 0, span, network: "duplicating", capacity: undefined },
        { kind: "FaultsDecl", id: 0, span, budgets: [] },
        {
          kind: "NodeDecl", id: 0, span, name: id("N"), count: undefined, symmetric: true,
          members: [
            {
              kind: "HandlerDecl", id: 0, span, message: undefined, binder: undefined, from: undefined,
              fromType: undefined, guard: undefined,
              body: block([
                assign(field(name("a"), "b"), int(1)),
                {
                  kind: "IfStmt", id: 0, span, condition: name("c"), then: block([]),
                  elseBranch: { kind: "IfStmt", id: 0, span, condition: name("d"), then: block([]), elseBranch: block([]) },
                },
                { kind: "ForStmt", id: 0, span, name: id("i"), domain: range(int(0), int(2)), body: block([]) },
                { kind: "ObserveStmt", id: 0, span, name: id("kv"), args: [] },
              ]),
            },
          ],
        },
        { kind: "PropertyDecl", id: 0, span, property: "atmostonce", name: id("charge"), expr: undefined },
      ]),
      name: id("Built"),
    };
    const text = expectRoundTrip(spec);
    expect(text).toContain("enum E {}");
    expect(text).toContain("faults {}");
    expect(text).toContain("network unordered duplicating");
    expect(text).toContain("for i in 0..2 {}");
  });

  it("prints `not in`, calls, literals and types as written", () => {
    const text = print(parseOk("type T = map<0..1, { a: seq<bool, 2>, b: set<R> }>\nconst X = f(x, [1, 2], {a, b}, { k: 1 }) not in S"));
    expect(text).toBe("type T = map<0..1, { a: seq<bool, 2>, b: set<R> }>\n\nconst X = f(x, [1, 2], {a, b}, { k: 1 }) not in S\n");
    expect(shapeOf(parseExpr("- 1"))).toEqual(shapeOf(neg(int(1))));
  });
});
