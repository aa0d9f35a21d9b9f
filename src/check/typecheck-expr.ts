// Type rules for expressions: types every expression node and records it in CheckContext.types
// (FL2007 for self/now outside nodes, FL3010 for primes). Names are in names.ts, operators and
// calls in operators.ts, literals in literals.ts. `expected` is a hint from context (it decides
// `{}`), never a requirement.

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext, type ExprEnv } from "./context.js";
import { exprText } from "./expr-text.js";
import { checkConstFits, tryConst } from "./fits.js";
import { checkRecordLit, checkSeqLit, checkSetLit } from "./literals.js";
import { checkBinary, checkCall, checkUnary } from "./operators.js";
import { checkDomain, checkName } from "./names.js";
import { Scope } from "./scopes.js";
import { suggest } from "../util/edit-distance.js";
import { BOOL, INT, intRange, sameType, typeToString, type Type } from "./types.js";

const CONST_KINDS: ReadonlySet<ast.Expr["kind"]> = new Set([
  "IntLit",
  "BoolLit",
  "NameExpr",
  "UnaryExpr",
  "BinaryExpr",
  "CondExpr",
  "CallExpr",
]);

/**
 * Types `e` (recording the type of it and of its subexpressions) and reports what is wrong
 * with it. Returns undefined when an error makes the type unknown (already reported).
 */
export function checkExpr(ctx: CheckContext, env: ExprEnv, e: ast.Expr, expected?: Type): Type | undefined {
  if (env.mode === "const" && !CONST_KINDS.has(e.kind)) {
    report(ctx, "FL3005", e.span, { text: exprText(e) });
    return undefined;
  }
  const type = typeOf(ctx, env, e, expected);
  if (type) ctx.types.set(e.id, type);
  return type;
}

/** Checks `e` and reports FL3001 unless it has type `want` (int ranges all count as int). */
export function checkExprIs(ctx: CheckContext, env: ExprEnv, e: ast.Expr, want: Type): Type | undefined {
  const type = checkExpr(ctx, env, e, want);
  if (type && !sameType(type, want)) {
    reportMismatch(ctx, e, typeToString(want), type);
    return undefined;
  }
  return type;
}

/** Checks a guard, condition or property: FL3009 unless it is boolean. */
export function checkCondition(ctx: CheckContext, env: ExprEnv, e: ast.Expr, what: string): void {
  const type = checkExpr(ctx, env, e, BOOL);
  if (type && type.kind !== "bool") report(ctx, "FL3009", e.span, { what, actual: typeToString(type) });
}

/** FL3001: `e` was expected to be `expected` (a type or a phrase) but has type `actual`. */
export function reportMismatch(ctx: CheckContext, e: ast.Expr, expected: string, actual: Type): void {
  report(ctx, "FL3001", e.span, { expected, text: exprText(e), actual: typeToString(actual) });
}

/** True for literals whose type comes from context: `{}`, `[]` and record literals. */
export function needsContext(e: ast.Expr): boolean {
  return (
    (e.kind === "SetLit" && e.elements.length === 0) ||
    (e.kind === "SeqLit" && e.elements.length === 0) ||
    e.kind === "RecordLit"
  );
}

/** Checks two operands so that one gives context to the other (`x == {}`, `{} + s`). */
export function checkPair(
  ctx: CheckContext,
  env: ExprEnv,
  left: ast.Expr,
  right: ast.Expr,
): [Type | undefined, Type | undefined] {
  if (needsContext(left) && !needsContext(right)) {
    const r = checkExpr(ctx, env, right);
    return [checkExpr(ctx, env, left, r), r];
  }
  const l = checkExpr(ctx, env, left);
  return [l, checkExpr(ctx, env, right, l)];
}

function typeOf(ctx: CheckContext, env: ExprEnv, e: ast.Expr, expected: Type | undefined): Type | undefined {
  switch (e.kind) {
    case "IntLit":
      return INT;
    case "BoolLit":
      return BOOL;
    case "NameExpr":
      return checkName(ctx, env, e);
    case "SelfExpr":
      if (!env.family) return outsideNode(ctx, e, "self");
      return env.family.type;
    case "NowExpr":
      if (env.mode === "init") return notConstant(ctx, e);
      if (!env.family) return outsideNode(ctx, e, "now");
      return INT;
    case "UnaryExpr":
      return checkUnary(ctx, env, e);
    case "BinaryExpr":
      return checkBinary(ctx, env, e);
    case "CallExpr":
      return checkCall(ctx, env, e, expected);
    case "FieldExpr":
      return checkField(ctx, env, e);
    case "IndexExpr":
      return checkIndex(ctx, env, e);
    case "SetLit":
      return checkSetLit(ctx, env, e, expected);
    case "SeqLit":
      return checkSeqLit(ctx, env, e, expected);
    case "RecordLit":
      return checkRecordLit(ctx, env, e, expected);
    case "RangeExpr":
      return checkRange(ctx, env, e);
    case "QuantExpr":
      return checkQuant(ctx, env, e);
    case "CondExpr":
      return checkCond(ctx, env, e, expected);
    case "PrimeExpr":
      if (env.mode !== "transition") report(ctx, "FL3010", e.span);
      return checkExpr(ctx, env, e.operand, expected);
  }
}

function outsideNode(ctx: CheckContext, e: ast.Expr, name: string): undefined {
  report(ctx, "FL2007", e.span, { name });
  return undefined;
}

/** FL3005 for `e`; returns undefined (an unknown type). */
export function notConstant(ctx: CheckContext, e: ast.Expr): undefined {
  report(ctx, "FL3005", e.span, { text: exprText(e) });
  return undefined;
}

function checkField(ctx: CheckContext, env: ExprEnv, e: ast.FieldExpr): Type | undefined {
  const target = checkExpr(ctx, env, e.target);
  if (!target) return undefined;
  const name = e.field.name;
  if (target.kind === "record" || target.kind === "message") {
    const field = target.fields.find((f) => f.name === name);
    if (field) return field.type;
    const owner = target.kind === "message" ? target.name : typeToString(target);
    const best = suggest(name, target.fields.map((f) => f.name));
    report(ctx, "FL2004", e.field.span, { type: owner, name }, didYouMean(best));
    return undefined;
  }
  if (target.kind === "node") {
    const family = ctx.familyInfo.get(target.family);
    const v = family?.vars.get(name);
    if (v) return v.type;
    const best = suggest(name, family ? [...family.vars.keys()] : []);
    report(ctx, "FL2004", e.field.span, { type: target.family, name }, didYouMean(best, best === undefined ? undefined : family?.vars.get(best)?.decl.name.span));
    return undefined;
  }
  report(ctx, "FL2004", e.field.span, { type: typeToString(target), name });
  return undefined;
}

function checkIndex(ctx: CheckContext, env: ExprEnv, e: ast.IndexExpr): Type | undefined {
  if (e.target.kind === "NameExpr" && env.scope.lookup(e.target.name)?.kind === "family") {
    const family = ctx.familyInfo.get(e.target.name);
    if (!family) return undefined;
    ctx.symbols.set(e.target.id, { kind: "family", type: family.type });
    ctx.types.set(e.target.id, { kind: "set", element: family.type });
    const index = checkExprIs(ctx, env, e.index, INT);
    if (index) checkConstFits(ctx, e.index, intRange(0, family.type.count - 1));
    return family.type;
  }
  const target = checkExpr(ctx, env, e.target);
  if (!target) {
    checkExpr(ctx, env, e.index);
    return undefined;
  }
  if (target.kind === "map") {
    if (checkExprIs(ctx, env, e.index, target.key)) checkConstFits(ctx, e.index, target.key);
    return target.value;
  }
  if (target.kind === "seq") {
    checkExprIs(ctx, env, e.index, INT);
    return target.element;
  }
  checkExpr(ctx, env, e.index);
  reportMismatch(ctx, e.target, "a map, a sequence or a node family", target);
  return undefined;
}

function checkRange(ctx: CheckContext, env: ExprEnv, e: ast.RangeExpr): Type | undefined {
  const low = checkExprIs(ctx, env, e.low, INT);
  const high = checkExprIs(ctx, env, e.high, INT);
  if (!low || !high || low.kind !== "int" || high.kind !== "int") return undefined;
  const constLow = tryConst(ctx, e.low);
  const constHigh = tryConst(ctx, e.high);
  const lo = typeof constLow === "number" ? constLow : low.low;
  const hi = typeof constHigh === "number" ? constHigh : high.high;
  if (typeof constLow === "number" && typeof constHigh === "number" && lo > hi) {
    report(ctx, "FL3004", e.span, { what: "range", detail: `${lo}..${hi}` });
    return undefined;
  }
  return { kind: "set", element: Number.isFinite(lo) && Number.isFinite(hi) ? intRange(lo, hi) : INT };
}

function checkQuant(ctx: CheckContext, env: ExprEnv, e: ast.QuantExpr): Type | undefined {
  const element = checkDomain(ctx, env, e.domain);
  const scope = new Scope(env.scope);
  for (const name of e.names) {
    const previous = scope.declare(name.name, { kind: "bound", ident: name }, name.span);
    if (previous) {
      report(ctx, "FL2002", name.span, { name: name.name }, [
        { message: `\`${name.name}\` is first declared here`, span: previous },
      ]);
    }
    ctx.declTypes.set(name.id, element);
  }
  checkCondition(ctx, { ...env, scope }, e.body, `the body of \`${e.quantifier}\``);
  return BOOL;
}

function checkCond(ctx: CheckContext, env: ExprEnv, e: ast.CondExpr, expected: Type | undefined): Type | undefined {
  checkCondition(ctx, env, e.condition, "the condition of `if`");
  const thenFirst = !(needsContext(e.then) && !needsContext(e.otherwise));
  const first = thenFirst ? e.then : e.otherwise;
  const second = thenFirst ? e.otherwise : e.then;
  const a = checkExpr(ctx, env, first, expected);
  const b = checkExpr(ctx, env, second, a ?? expected);
  if (a && b && !sameType(a, b)) {
    reportMismatch(ctx, second, typeToString(a), b);
    return undefined;
  }
  return a ?? b;
}
