// Type rules for statements in handler and action bodies: assignments and what may be assigned
// (FL3002), let/if/for, send/broadcast/reply and where they may appear (FL3012, FL2011), and
// effect/ack/observe against their declarations (FL2008, FL3006).

import type * as ast from "../ast/nodes.js";
import type { SymbolRef } from "./checked.js";
import { report, didYouMean, withScope, type CheckContext, type ExprEnv } from "./context.js";
import { exprText } from "./expr-text.js";
import { checkConstFits } from "./fits.js";
import { checkMessageLit } from "./literals.js";
import { reportDuplicate } from "./resolve.js";
import { describeBinding, Scope } from "./scopes.js";
import { suggest } from "../util/edit-distance.js";
import { checkDomain } from "./names.js";
import { checkCondition, checkExpr, needsContext, reportMismatch } from "./typecheck-expr.js";
import { sameType, typeToString, type Type } from "./types.js";

/** Checks a block in a new scope nested in `env.scope`. */
export function checkBlock(ctx: CheckContext, env: ExprEnv, block: ast.Block): void {
  const inner = withScope(env, new Scope(env.scope));
  for (const stmt of block.statements) checkStmt(ctx, inner, stmt);
}

function checkStmt(ctx: CheckContext, env: ExprEnv, stmt: ast.Stmt): void {
  switch (stmt.kind) {
    case "AssignStmt":
      return checkAssign(ctx, env, stmt);
    case "LetStmt": {
      const type = checkExpr(ctx, env, stmt.value);
      ctx.declTypes.set(stmt.id, type);
      reportDuplicate(ctx.diagnostics, stmt.name, env.scope.declare(stmt.name.name, { kind: "let", decl: stmt }, stmt.name.span));
      return;
    }
    case "IfStmt":
      checkCondition(ctx, env, stmt.condition, "the condition of `if`");
      checkBlock(ctx, env, stmt.then);
      if (stmt.elseBranch?.kind === "Block") checkBlock(ctx, env, stmt.elseBranch);
      else if (stmt.elseBranch) checkStmt(ctx, env, stmt.elseBranch);
      return;
    case "ForStmt": {
      const element = checkDomain(ctx, env, stmt.domain);
      const scope = new Scope(env.scope);
      scope.declare(stmt.name.name, { kind: "bound", ident: stmt.name }, stmt.name.span);
      ctx.declTypes.set(stmt.name.id, element);
      checkBlock(ctx, withScope(env, scope), stmt.body);
      return;
    }
    case "SendStmt": {
      requireNode(ctx, env, stmt, "`send`");
      checkMessageLit(ctx, env, stmt.message);
      const to = checkExpr(ctx, env, stmt.to);
      if (to && to.kind !== "node") reportMismatch(ctx, stmt.to, "a node id", to);
      return;
    }
    case "BroadcastStmt":
      requireNode(ctx, env, stmt, "`broadcast`");
      checkMessageLit(ctx, env, stmt.message);
      if (stmt.to) checkFamilyName(ctx, env, stmt.to);
      return;
    case "ReplyStmt":
      if (requireNode(ctx, env, stmt, "`reply`") && !env.handler) {
        report(ctx, "FL2011", stmt.span, { name: "reply" });
      }
      checkMessageLit(ctx, env, stmt.message);
      return;
    case "EffectStmt":
      return checkRecord(ctx, env, stmt, "effect");
    case "AckStmt":
    case "ObserveStmt":
      return checkRecord(ctx, env, stmt, "history");
  }
}

/** FL3012 for a message statement outside a node; returns whether it is inside one. */
function requireNode(ctx: CheckContext, env: ExprEnv, stmt: ast.Stmt, what: string): boolean {
  if (env.family) return true;
  report(ctx, "FL3012", stmt.span, { what, context: env.where });
  return false;
}

/** `broadcast M to F`: F names a node family. */
function checkFamilyName(ctx: CheckContext, env: ExprEnv, name: ast.Ident): void {
  const binding = env.scope.lookup(name.name);
  if (binding?.kind === "family") return;
  if (binding) {
    report(ctx, "FL2006", name.span, { name: name.name, actual: describeBinding(binding), expected: "node family" });
    return;
  }
  const families = ctx.globals.families.map((f) => f.name.name);
  report(ctx, "FL2001", name.span, { name: name.name }, didYouMean(suggest(name.name, families)));
}

function checkAssign(ctx: CheckContext, env: ExprEnv, stmt: ast.AssignStmt): void {
  const target = checkExpr(ctx, env, stmt.target);
  checkAssignable(ctx, env, stmt.target);
  // Without a target type (already reported) `{}` has no context: do not report that again.
  if (!target && needsContext(stmt.value)) return;
  const value = checkExpr(ctx, env, stmt.value, target);
  if (!target || !value) return;
  if (!sameType(target, value)) reportMismatch(ctx, stmt.value, typeToString(target), value);
  else checkConstFits(ctx, stmt.value, target);
}

/**
 * FL3002 unless `e` denotes storage this code may write: a spec var, a var of the current node,
 * or a field/element of one. A node var through a node id (`a.role = x`) is writable from
 * spec-level actions, and inside a node only as `self.role`: a node writes only its own vars.
 */
function checkAssignable(ctx: CheckContext, env: ExprEnv, e: ast.Expr): void {
  const cannot = (what: string): void => report(ctx, "FL3002", e.span, { name: exprText(e), what });
  switch (e.kind) {
    case "NameExpr": {
      const symbol = ctx.symbols.get(e.id);
      if (symbol && symbol.kind !== "specVar" && symbol.kind !== "nodeVar") cannot(describeSymbol(symbol));
      return;
    }
    case "FieldExpr": {
      const target = ctx.types.get(e.target.id);
      if (!target) return;
      if (target.kind !== "node") return checkAssignable(ctx, env, e.target);
      if (env.family && e.target.kind !== "SelfExpr") {
        cannot("variable of another node (a node assigns only its own variables)");
      }
      return;
    }
    case "IndexExpr":
      if (ctx.symbols.get(e.target.id)?.kind === "family") return cannot("node id");
      if (ctx.types.has(e.target.id)) checkAssignable(ctx, env, e.target);
      return;
    case "SelfExpr":
      return cannot("node id");
    default:
      return cannot("computed value, not a variable");
  }
}

function describeSymbol(symbol: SymbolRef): string {
  switch (symbol.kind) {
    case "const":
      return "constant";
    case "enumMember":
      return `member of enum ${symbol.type.name}`;
    case "family":
      return "node id";
    case "typeName":
      return "type";
    case "param":
      return "parameter";
    case "let":
      return "`let` binding";
    case "binder":
      return "message binder";
    case "sender":
      return "message sender";
    case "bound":
      return "bound variable";
    default:
      return "variable";
  }
}

/** `effect e(args)`, `ack h(k, v)`, `observe h(k, v)`: declared, right arity, right types. */
function checkRecord(
  ctx: CheckContext,
  env: ExprEnv,
  stmt: ast.EffectStmt | ast.AckStmt | ast.ObserveStmt,
  what: "effect" | "history",
): void {
  const name = stmt.name.name;
  const decl = what === "effect" ? ctx.globals.effects.get(name) : ctx.globals.histories.get(name);
  if (!decl) {
    const names = what === "effect" ? ctx.globals.effects.keys() : ctx.globals.histories.keys();
    report(ctx, "FL2008", stmt.name.span, { what, name }, didYouMean(suggest(name, names)));
    for (const arg of stmt.args) checkExpr(ctx, env, arg);
    return;
  }
  const params: (Type | undefined)[] = decl.params.map((p) => ctx.declTypes.get(p.id));
  if (stmt.args.length !== params.length) {
    report(ctx, "FL3006", stmt.span, { name, expected: params.length, actual: stmt.args.length });
    for (const arg of stmt.args) checkExpr(ctx, env, arg);
    return;
  }
  stmt.args.forEach((arg, i) => {
    const want = params[i];
    const type = checkExpr(ctx, env, arg, want);
    if (!want || !type) return;
    if (!sameType(want, type)) reportMismatch(ctx, arg, typeToString(want), type);
    else checkConstFits(ctx, arg, want);
  });
}
