// Type rules for operators and built-in calls: logic on bools, arithmetic on ints, `+`/`-` as
// union/difference of sets, `==` on any two values of one type, `<` on ints, `in` on sets and
// sequences (FL3001, FL3008), and the built-ins size len head tail append min max abs (FL3006).

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext, type ExprEnv } from "./context.js";
import { exprText } from "./expr-text.js";
import { checkConstFits } from "./fits.js";
import { suggest } from "../util/edit-distance.js";
import { checkExpr, checkExprIs, checkPair, needsContext, reportMismatch } from "./typecheck-expr.js";
import { BOOL, INT, sameType, typeToString, type Type } from "./types.js";

/** `not e` (bool) and `-e` (int). */
export function checkUnary(ctx: CheckContext, env: ExprEnv, e: ast.UnaryExpr): Type | undefined {
  if (e.op === "not") {
    checkExprIs(ctx, env, e.operand, BOOL);
    return BOOL;
  }
  return checkExprIs(ctx, env, e.operand, INT) ? INT : undefined;
}

/** Binary operators; see the file header for the rules. */
export function checkBinary(ctx: CheckContext, env: ExprEnv, e: ast.BinaryExpr): Type | undefined {
  switch (e.op) {
    case "and":
    case "or":
    case "implies":
      checkExprIs(ctx, env, e.left, BOOL);
      checkExprIs(ctx, env, e.right, BOOL);
      return BOOL;
    case "==":
    case "!=": {
      const [left, right] = checkPair(ctx, env, e.left, e.right);
      if (left && right && !sameType(left, right)) reportCompare(ctx, e, left, right);
      return BOOL;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const [left, right] = checkPair(ctx, env, e.left, e.right);
      if (!left || !right) return BOOL;
      if (!sameType(left, right)) reportCompare(ctx, e, left, right);
      else if (left.kind !== "int") reportMismatch(ctx, e.left, "int", left);
      return BOOL;
    }
    case "in":
    case "notin":
      checkMembership(ctx, env, e);
      return BOOL;
    case "+":
    case "-":
      return checkPlusMinus(ctx, env, e);
    case "*":
    case "/":
    case "%": {
      const left = checkExprIs(ctx, env, e.left, INT);
      const right = checkExprIs(ctx, env, e.right, INT);
      return left && right ? INT : undefined;
    }
  }
}

function reportCompare(ctx: CheckContext, e: ast.BinaryExpr, left: Type, right: Type): void {
  report(ctx, "FL3008", e.span, { left: typeToString(left), right: typeToString(right) });
}

/** `x in s` / `x not in s`: s is a set or a sequence, x is of its element type. */
function checkMembership(ctx: CheckContext, env: ExprEnv, e: ast.BinaryExpr): void {
  let left: Type | undefined;
  let right: Type | undefined;
  if (needsContext(e.right) && !needsContext(e.left)) {
    left = checkExpr(ctx, env, e.left);
    right = checkExpr(ctx, env, e.right, left && { kind: "set", element: left });
  } else {
    right = checkExpr(ctx, env, e.right);
    const element = right?.kind === "set" || right?.kind === "seq" ? right.element : undefined;
    left = checkExpr(ctx, env, e.left, element);
  }
  if (!right) return;
  if (right.kind !== "set" && right.kind !== "seq") {
    reportMismatch(ctx, e.right, "a set or a sequence", right);
    return;
  }
  if (left && !sameType(left, right.element)) reportMismatch(ctx, e.left, typeToString(right.element), left);
}

/** `+`/`-`: integer arithmetic, or union/difference of two sets of one element type. */
function checkPlusMinus(ctx: CheckContext, env: ExprEnv, e: ast.BinaryExpr): Type | undefined {
  const [left, right] = checkPair(ctx, env, e.left, e.right);
  if (!left || !right) return undefined;
  if (left.kind === "int") {
    if (right.kind !== "int") {
      reportMismatch(ctx, e.right, "int", right);
      return undefined;
    }
    return INT;
  }
  if (left.kind === "set") {
    if (!sameType(left, right)) {
      reportMismatch(ctx, e.right, typeToString(left), right);
      return undefined;
    }
    return isBounded(left) || right.kind !== "set" ? left : right;
  }
  reportMismatch(ctx, e.left, "int or a set", left);
  return undefined;
}

/** True when a set's integer elements (if any) have declared bounds. */
function isBounded(type: Type): boolean {
  if (type.kind === "int") return Number.isFinite(type.low);
  if (type.kind === "set") return isBounded(type.element);
  return true;
}

const BUILTIN_ARITY: Readonly<Record<string, number>> = {
  size: 1,
  len: 1,
  head: 1,
  tail: 1,
  append: 2,
  min: 2,
  max: 2,
  abs: 1,
};

const CONST_BUILTINS: ReadonlySet<string> = new Set(["min", "max", "abs"]);

/** Built-in functions: size(set), len/head/tail(seq), append(seq, x), min/max(int, int), abs(int). */
export function checkCall(ctx: CheckContext, env: ExprEnv, e: ast.CallExpr, expected: Type | undefined): Type | undefined {
  const name = e.callee.name;
  const arity = BUILTIN_ARITY[name];
  if (arity === undefined) {
    report(ctx, "FL2001", e.callee.span, { name }, didYouMean(suggest(name, Object.keys(BUILTIN_ARITY))));
    for (const arg of e.args) checkExpr(ctx, env, arg);
    return undefined;
  }
  if (env.mode === "const" && !CONST_BUILTINS.has(name)) {
    report(ctx, "FL3005", e.span, { text: exprText(e) });
    return undefined;
  }
  if (e.args.length !== arity) {
    report(ctx, "FL3006", e.span, { name, expected: arity, actual: e.args.length });
    for (const arg of e.args) checkExpr(ctx, env, arg);
    return undefined;
  }
  const [first, second] = e.args as [ast.Expr, ast.Expr];
  switch (name) {
    case "min":
    case "max":
      return checkExprIs(ctx, env, first, INT) && checkExprIs(ctx, env, second, INT) ? INT : undefined;
    case "abs":
      return checkExprIs(ctx, env, first, INT) ? INT : undefined;
    case "size":
      return argOfKind(ctx, env, first, "set", expected) ? INT : undefined;
    case "len":
      return argOfKind(ctx, env, first, "seq", expected) ? INT : undefined;
    case "head": {
      const seq = argOfKind(ctx, env, first, "seq", undefined);
      return seq?.kind === "seq" ? seq.element : undefined;
    }
    case "tail":
      return argOfKind(ctx, env, first, "seq", expected);
    default: {
      const seq = argOfKind(ctx, env, first, "seq", expected);
      if (seq?.kind !== "seq") {
        checkExpr(ctx, env, second);
        return undefined;
      }
      if (checkExprIs(ctx, env, second, seq.element)) checkConstFits(ctx, second, seq.element);
      return seq;
    }
  }
}

/** Checks a built-in's argument that must be a set or a sequence. */
function argOfKind(
  ctx: CheckContext,
  env: ExprEnv,
  arg: ast.Expr,
  kind: "set" | "seq",
  expected: Type | undefined,
): Type | undefined {
  const type = checkExpr(ctx, env, arg, expected?.kind === kind ? expected : undefined);
  if (!type) return undefined;
  if (type.kind !== kind) {
    reportMismatch(ctx, arg, kind === "set" ? "a set" : "a sequence", type);
    return undefined;
  }
  return type;
}
