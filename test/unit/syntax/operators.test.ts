import { describe, expect, it } from "vitest";
import type { Expr } from "../../../src/ast/nodes.js";
import type { InfixOp } from "../../../src/ast/precedence.js";
import { buildOperatorTree, type Operand } from "../../../src/syntax/operators.js";

const at = (start: number, end: number) => ({ file: "t.fl", start, end });

/** Operand i spans [10 i, 10 i + 1); operator i spans [10 i + 5, 10 i + 6). */
function operand(i: number, prefixes: ("not" | "-")[] = []): Operand {
  return {
    prefixes: prefixes.map((op, k) => ({ op, span: at(10 * i - 4 + k, 10 * i - 3 + k) })),
    expr: { kind: "NameExpr", id: 0, span: at(10 * i, 10 * i + 1), name: String.fromCharCode(97 + i) },
    span: at(10 * i, 10 * i + 1),
  };
}

function tree(ops: InfixOp[], prefixes: Record<number, ("not" | "-")[]> = {}) {
  const operands = Array.from({ length: ops.length + 1 }, (_, i) => operand(i, prefixes[i]));
  return buildOperatorTree(operands, ops.map((op, i) => ({ op, span: at(10 * i + 5, 10 * i + 6) })));
}

function show(e: Expr): string {
  if (e.kind === "NameExpr") return e.name;
  if (e.kind === "UnaryExpr") return `(${e.op} ${show(e.operand)})`;
  if (e.kind === "BinaryExpr") return `(${e.op} ${show(e.left)} ${show(e.right)})`;
  if (e.kind === "RangeExpr") return `(.. ${show(e.low)} ${show(e.high)})`;
  return e.kind;
}

describe("buildOperatorTree", () => {
  it("groups by precedence and associativity", () => {
    expect(show(tree(["+", "*"]).expr)).toBe("(+ a (* b c))");
    expect(show(tree(["*", "+"]).expr)).toBe("(+ (* a b) c)");
    expect(show(tree(["-", "-"]).expr)).toBe("(- (- a b) c)");
    expect(show(tree(["implies", "implies"]).expr)).toBe("(implies a (implies b c))");
    expect(show(tree(["or", "and", "=="]).expr)).toBe("(or a (and b (== c d)))");
    expect(show(tree(["..", "+"]).expr)).toBe("(.. a (+ b c))");
  });

  it("binds `not` looser than comparison and unary minus tighter than `*`", () => {
    expect(show(tree(["=="], { 0: ["not"] }).expr)).toBe("(not (== a b))");
    expect(show(tree(["and"], { 0: ["not"] }).expr)).toBe("(and (not a) b)");
    expect(show(tree(["*"], { 0: ["-"] }).expr)).toBe("(* (- a) b)");
    expect(show(tree([], { 0: ["not", "-"] }).expr)).toBe("(not (- a))");
  });

  it("reports chained comparisons and ranges, and records every range", () => {
    expect(tree(["<", "<"]).chained.map((c) => c.span.start)).toEqual([15]);
    expect(tree(["==", "and", "<"]).chained).toEqual([]);
    expect(tree(["..", ".."]).chained).toHaveLength(1);
    expect(tree(["..", "=="]).ranges).toHaveLength(1);
  });

  it("spans each node from its first operand (or prefix) to its last operand", () => {
    const built = tree(["+", "*"], { 0: ["-"] });
    expect(built.span).toEqual(at(-4, 21));
    const expr = built.expr;
    expect(expr.kind === "BinaryExpr" && [expr.left.span, expr.right.span]).toEqual([at(-4, 1), at(10, 21)]);
  });

  it("handles long chains without recursion", () => {
    const ops: InfixOp[] = Array.from({ length: 100_000 }, () => "+");
    expect(tree(ops).expr.kind).toBe("BinaryExpr");
  });
});
