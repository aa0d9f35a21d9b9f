// Constants where the checker needs them: `requireConst` for bounds, counts and budgets (FL3005,
// FL3016), and `checkConstFits` for values known statically to fall outside a declared type (FL3007).

import type * as ast from "../ast/nodes.js";
import { evaluateConst, type ConstValue } from "./const-eval.js";
import { report, type CheckContext, type ExprEnv } from "./context.js";
import { exprText } from "./expr-text.js";
import { checkExpr, reportMismatch } from "./typecheck-expr.js";
import { typeToString, type Type } from "./types.js";

/** The value of `e` if it is constant (literals and resolved constants), without diagnostics. */
export function tryConst(ctx: CheckContext, e: ast.Expr): ConstValue | undefined {
  const result = evaluateConst(e, (name) => {
    const symbol = ctx.symbols.get(name.id);
    return symbol?.kind === "const" ? symbol.value : undefined;
  });
  return result.ok ? result.value : undefined;
}

/**
 * Checks `e` in const mode against the global scope and evaluates it. `want` is the kind of
 * value needed. Reports and returns undefined when `e` is not a constant of that kind.
 */
export function requireConst(ctx: CheckContext, e: ast.Expr, want: "int" | "bool" | "any"): ConstValue | undefined {
  const env: ExprEnv = { scope: ctx.globals.scope, mode: "const", family: undefined, handler: undefined, where: "a constant" };
  const errorsBefore = countErrors(ctx);
  const type = checkExpr(ctx, env, e);
  if (!type || countErrors(ctx) > errorsBefore) return undefined;
  const okKind = want === "any" ? type.kind === "int" || type.kind === "bool" : type.kind === want;
  if (!okKind) {
    reportMismatch(ctx, e, want === "any" ? "an int or bool constant" : want, type);
    return undefined;
  }
  const result = evaluateConst(e, (name) => {
    const symbol = ctx.symbols.get(name.id);
    return symbol?.kind === "const" ? symbol.value : undefined;
  });
  if (result.ok) return result.value;
  if (result.problem === "divisionByZero") report(ctx, "FL3016", result.at.span, { text: exprText(result.at) });
  else report(ctx, "FL3005", result.at.span, { text: exprText(result.at) });
  return undefined;
}

function countErrors(ctx: CheckContext): number {
  let n = 0;
  for (const d of ctx.diagnostics) if (d.severity === "error") n++;
  return n;
}

/**
 * Reports FL3007 where a value known statically (a constant integer, or a literal built of
 * them) cannot be a value of `type`: an integer outside a declared range, a sequence literal
 * longer than its bound. Values that are not constant are left to run-time checks.
 */
export function checkConstFits(ctx: CheckContext, e: ast.Expr, type: Type): void {
  if (e.kind === "CondExpr") {
    checkConstFits(ctx, e.then, type);
    checkConstFits(ctx, e.otherwise, type);
    return;
  }
  switch (type.kind) {
    case "int": {
      if (!Number.isFinite(type.low)) return;
      const value = tryConst(ctx, e);
      if (typeof value === "number" && (value < type.low || value > type.high)) {
        report(ctx, "FL3007", e.span, { value, type: typeToString(type) });
      }
      return;
    }
    case "set":
      if (e.kind === "SetLit") for (const element of e.elements) checkConstFits(ctx, element, type.element);
      break;
    case "seq":
      if (e.kind === "SeqLit") {
        if (e.elements.length > type.max) {
          report(ctx, "FL3007", e.span, { value: exprText(e), type: typeToString(type) });
          return;
        }
        for (const element of e.elements) checkConstFits(ctx, element, type.element);
      }
      break;
    case "record":
      if (e.kind === "RecordLit") {
        for (const field of e.fields) {
          const declared = type.fields.find((f) => f.name === field.name.name);
          if (declared) checkConstFits(ctx, field.value, declared.type);
        }
      }
      break;
    default:
      break;
  }
}
