// Evaluates constant expressions (literals, constants, + - * / %, comparisons, and/or/not/implies,
// if-then-else, min/max/abs) to numbers and booleans. Pure: names are looked up through a
// callback, and failures are returned as values for the caller to report.

import type * as ast from "../ast/nodes.js";

export type ConstValue = number | boolean;

/** The outcome of evaluating an expression that may or may not be constant. */
export type ConstResult =
  | { readonly ok: true; readonly value: ConstValue }
  /** `at` is not constant (a variable, `self`, a set, ...) or has the wrong type. */
  | { readonly ok: false; readonly problem: "notConstant" | "divisionByZero"; readonly at: ast.Expr };

/** Looks up a name: its constant value, or undefined when the name is not a constant. */
export type ConstLookup = (name: ast.NameExpr) => ConstValue | undefined;

/** Evaluates `expr`; integer division truncates toward zero and `%` takes the dividend's sign. */
export function evaluateConst(expr: ast.Expr, lookup: ConstLookup): ConstResult {
  try {
    return { ok: true, value: evaluate(expr, lookup) };
  } catch (error) {
    if (error instanceof NotConstant) return { ok: false, problem: error.problem, at: error.at };
    throw error;
  }
}

class NotConstant {
  constructor(
    readonly problem: "notConstant" | "divisionByZero",
    readonly at: ast.Expr,
  ) {}
}

function evaluate(e: ast.Expr, lookup: ConstLookup): ConstValue {
  switch (e.kind) {
    case "IntLit":
      return e.value;
    case "BoolLit":
      return e.value;
    case "NameExpr": {
      const value = lookup(e);
      if (value === undefined) throw new NotConstant("notConstant", e);
      return value;
    }
    case "UnaryExpr":
      return e.op === "not" ? !asBool(e.operand, lookup) : 0 - asInt(e.operand, lookup);
    case "BinaryExpr":
      return evaluateBinary(e, lookup);
    case "CondExpr":
      return asBool(e.condition, lookup) ? evaluate(e.then, lookup) : evaluate(e.otherwise, lookup);
    case "CallExpr":
      return evaluateCall(e, lookup);
    default:
      throw new NotConstant("notConstant", e);
  }
}

function asInt(e: ast.Expr, lookup: ConstLookup): number {
  const value = evaluate(e, lookup);
  if (typeof value !== "number") throw new NotConstant("notConstant", e);
  return value;
}

function asBool(e: ast.Expr, lookup: ConstLookup): boolean {
  const value = evaluate(e, lookup);
  if (typeof value !== "boolean") throw new NotConstant("notConstant", e);
  return value;
}

function evaluateBinary(e: ast.BinaryExpr, lookup: ConstLookup): ConstValue {
  switch (e.op) {
    case "and":
      return asBool(e.left, lookup) && asBool(e.right, lookup);
    case "or":
      return asBool(e.left, lookup) || asBool(e.right, lookup);
    case "implies":
      return !asBool(e.left, lookup) || asBool(e.right, lookup);
    case "==":
    case "!=": {
      const left = evaluate(e.left, lookup);
      const right = evaluate(e.right, lookup);
      if (typeof left !== typeof right) throw new NotConstant("notConstant", e);
      return e.op === "==" ? left === right : left !== right;
    }
    case "in":
    case "notin":
      throw new NotConstant("notConstant", e);
    default:
      break;
  }
  const left = asInt(e.left, lookup);
  const right = asInt(e.right, lookup);
  switch (e.op) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      if (right === 0) throw new NotConstant("divisionByZero", e);
      return Math.trunc(left / right) + 0;
    case "%":
      if (right === 0) throw new NotConstant("divisionByZero", e);
      return (left % right) + 0;
  }
}

function evaluateCall(e: ast.CallExpr, lookup: ConstLookup): number {
  const args = e.args.map((arg) => asInt(arg, lookup));
  const [a, b] = args;
  switch (e.callee.name) {
    case "min":
      if (a !== undefined && b !== undefined && args.length === 2) return Math.min(a, b);
      break;
    case "max":
      if (a !== undefined && b !== undefined && args.length === 2) return Math.max(a, b);
      break;
    case "abs":
      if (a !== undefined && args.length === 1) return Math.abs(a);
      break;
  }
  throw new NotConstant("notConstant", e);
}
