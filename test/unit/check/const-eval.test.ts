// The constant evaluator on hand-built expressions: arithmetic, logic, names, failures.

import { describe, expect, it } from "vitest";
import type * as ast from "../../../src/ast/nodes.js";
import { evaluateConst } from "../../../src/check/const-eval.js";

let nextId = 0;
const span = { file: "t.fl", start: 0, end: 1 };
const int = (value: number): ast.IntLit => ({ kind: "IntLit", id: nextId++, span, value });
const bool = (value: boolean): ast.BoolLit => ({ kind: "BoolLit", id: nextId++, span, value });
const name = (n: string): ast.NameExpr => ({ kind: "NameExpr", id: nextId++, span, name: n });
const bin = (op: ast.BinaryOp, left: ast.Expr, right: ast.Expr): ast.BinaryExpr => ({
  kind: "BinaryExpr",
  id: nextId++,
  span,
  op,
  left,
  right,
});
const call = (callee: string, ...args: ast.Expr[]): ast.CallExpr => ({
  kind: "CallExpr",
  id: nextId++,
  span,
  callee: { kind: "Ident", id: nextId++, span, name: callee },
  args,
});
const neg = (operand: ast.Expr): ast.UnaryExpr => ({ kind: "UnaryExpr", id: nextId++, span, op: "-", operand });

const consts: Record<string, number | boolean> = { N: 3, ON: true };
const lookup = (e: ast.NameExpr) => consts[e.name];
const value = (e: ast.Expr) => evaluateConst(e, lookup);

describe("evaluateConst", () => {
  it("does integer arithmetic with truncating division", () => {
    expect(value(bin("+", name("N"), int(1)))).toEqual({ ok: true, value: 4 });
    expect(value(bin("/", int(7), int(2)))).toEqual({ ok: true, value: 3 });
    expect(value(bin("/", neg(int(7)), int(2)))).toEqual({ ok: true, value: -3 });
    expect(value(bin("%", neg(int(7)), int(2)))).toEqual({ ok: true, value: -1 });
    expect(value(bin("*", name("N"), neg(int(2))))).toEqual({ ok: true, value: -6 });
    expect(Object.is((value(neg(int(0))) as { value: number }).value, 0)).toBe(true);
  });

  it("evaluates comparisons, logic and min/max/abs", () => {
    expect(value(bin("<", name("N"), int(5)))).toEqual({ ok: true, value: true });
    expect(value(bin("and", name("ON"), bool(false)))).toEqual({ ok: true, value: false });
    expect(value(bin("implies", bool(false), bool(false)))).toEqual({ ok: true, value: true });
    expect(value(bin("==", name("ON"), bool(true)))).toEqual({ ok: true, value: true });
    expect(value(call("max", name("N"), int(9)))).toEqual({ ok: true, value: 9 });
    expect(value(call("min", name("N"), int(9)))).toEqual({ ok: true, value: 3 });
    expect(value(call("abs", neg(int(4))))).toEqual({ ok: true, value: 4 });
  });

  it("points at what is not constant", () => {
    const x = name("x");
    const result = value(bin("+", int(1), x));
    expect(result).toEqual({ ok: false, problem: "notConstant", at: x });
    expect(value(call("size", int(1))).ok).toBe(false);
    const mixed = bin("+", int(1), bool(true));
    expect(value(mixed)).toMatchObject({ ok: false, problem: "notConstant" });
  });

  it("reports division and remainder by zero", () => {
    const div = bin("/", int(1), bin("-", name("N"), int(3)));
    expect(value(div)).toEqual({ ok: false, problem: "divisionByZero", at: div });
    expect(value(bin("%", int(1), int(0)))).toMatchObject({ ok: false, problem: "divisionByZero" });
  });
});
