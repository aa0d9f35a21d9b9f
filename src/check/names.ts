// Name resolution in expressions: a name used as a value (FL2001 with "did you mean", FL2006 for
// a name of the wrong kind, FL3005 for variables where constants are needed) and a name used as
// a quantifier domain (a type or family). Records the SymbolRef of every resolved NameExpr.

import type * as ast from "../ast/nodes.js";
import type { SymbolRef } from "./checked.js";
import { report, didYouMean, type CheckContext, type ExprEnv } from "./context.js";
import { aliasType } from "./resolve-types.js";
import { type Binding } from "./scopes.js";
import { suggest } from "../util/edit-distance.js";
import { checkExpr, notConstant, reportMismatch } from "./typecheck-expr.js";
import { BOOL, INT, type Type } from "./types.js";

/** Resolves a name used as a value and records its SymbolRef. */
export function checkName(ctx: CheckContext, env: ExprEnv, e: ast.NameExpr): Type | undefined {
  const binding = env.scope.lookup(e.name);
  if (!binding || (binding.kind === "const" && binding.order >= ctx.constLimit)) {
    reportUnknownName(ctx, env, e, binding);
    return undefined;
  }
  if (env.mode === "const" && binding.kind !== "const") {
    if (binding.kind === "enumMember") {
      const type = ctx.enumTypes.get(binding.decl.name.name);
      if (type) reportMismatch(ctx, e, "an int or bool constant", type);
      return undefined;
    }
    return notConstant(ctx, e);
  }
  if (env.mode === "init" && (binding.kind === "specVar" || binding.kind === "nodeVar")) {
    return notConstant(ctx, e);
  }
  if (binding.kind === "enum" || binding.kind === "alias") {
    report(ctx, "FL2006", e.span, { name: e.name, actual: "type", expected: "value" });
    return undefined;
  }
  if (binding.kind === "family") {
    const family = ctx.familyInfo.get(e.name);
    if (!family) return undefined;
    if (family.type.count !== 1) {
      report(ctx, "FL2006", e.span, {
        name: e.name,
        actual: `family of ${family.type.count} nodes`,
        expected: `single node (write \`${e.name}[i]\`)`,
      });
      return undefined;
    }
    ctx.symbols.set(e.id, { kind: "family", type: family.type });
    return family.type;
  }
  const symbol = symbolOf(ctx, binding);
  if (!symbol) return undefined;
  ctx.symbols.set(e.id, symbol);
  return symbolType(ctx, symbol, binding);
}

function reportUnknownName(ctx: CheckContext, env: ExprEnv, e: ast.NameExpr, later: Binding | undefined): void {
  if (later?.kind === "const") {
    report(ctx, "FL2001", e.span, { name: e.name }, [
      {
        message: `\`${e.name}\` is declared later; a constant may use only constants declared before it`,
        span: later.decl.name.span,
      },
    ]);
    return;
  }
  const candidates = env.scope.visibleNames((b) => b.kind !== "const" || b.order < ctx.constLimit);
  const best = suggest(e.name, candidates);
  const notes = didYouMean(best, best === undefined ? undefined : env.scope.declarationSpan(best));
  if (ctx.globals.messages.has(e.name)) notes.push({ message: `\`${e.name}\` is a message, not a value` });
  report(ctx, "FL2001", e.span, { name: e.name }, notes);
}

/** The SymbolRef of a value binding, or undefined when its declaration failed to check. */
function symbolOf(ctx: CheckContext, binding: Binding): SymbolRef | undefined {
  switch (binding.kind) {
    case "const": {
      const value = ctx.constants.get(binding.decl.name.name);
      return value === undefined ? undefined : { kind: "const", name: binding.decl.name.name, value };
    }
    case "enumMember": {
      const type = ctx.enumTypes.get(binding.decl.name.name);
      return type && { kind: "enumMember", type, index: binding.index };
    }
    case "specVar":
      return { kind: "specVar", decl: binding.decl };
    case "nodeVar":
      return { kind: "nodeVar", family: binding.family, decl: binding.decl };
    case "param":
      return { kind: "param", decl: binding.decl };
    case "let":
      return { kind: "let", decl: binding.decl };
    case "binder":
      return { kind: "binder", handler: binding.handler };
    case "sender": {
      const type = ctx.senders.get(binding.handler.id);
      return type && { kind: "sender", handler: binding.handler, type };
    }
    case "bound": {
      const type = ctx.declTypes.get(binding.ident.id);
      return type && { kind: "bound", binder: binding.ident, type };
    }
    default:
      return undefined;
  }
}

function symbolType(ctx: CheckContext, symbol: SymbolRef, binding: Binding): Type | undefined {
  switch (symbol.kind) {
    case "const":
      return typeof symbol.value === "boolean" ? BOOL : INT;
    case "enumMember":
    case "family":
    case "typeName":
    case "sender":
    case "bound":
      return symbol.type;
    case "binder":
      return binding.kind === "binder" ? ctx.declTypes.get(binding.ident.id) : undefined;
    case "specVar":
    case "nodeVar":
    case "param":
      return ctx.declTypes.get(symbol.decl.id);
    case "let":
      return ctx.declTypes.get(symbol.decl.id);
  }
}

/**
 * Checks a quantifier or `for` domain and returns the element type: a set-valued expression,
 * a range, or a type name (enum, alias, node family, `bool`), recorded as a "typeName" or
 * "family" symbol with type `set<T>`.
 */
export function checkDomain(ctx: CheckContext, env: ExprEnv, e: ast.Expr): Type | undefined {
  if (e.kind === "NameExpr") {
    const element = domainOfTypeName(ctx, env, e);
    if (element !== null) {
      if (element) ctx.types.set(e.id, { kind: "set", element });
      return element;
    }
  }
  const type = checkExpr(ctx, env, e);
  if (!type) return undefined;
  if (type.kind === "set") return type.element;
  reportMismatch(ctx, e, "a set, a range or a finite type", type);
  return undefined;
}

/** The element type when `e` names a type; null when it names something else. */
function domainOfTypeName(ctx: CheckContext, env: ExprEnv, e: ast.NameExpr): Type | undefined | null {
  const binding = env.scope.lookup(e.name);
  if (!binding && e.name === "bool") {
    ctx.symbols.set(e.id, { kind: "typeName", type: BOOL });
    return BOOL;
  }
  if (!binding) return null;
  let type: Type | undefined;
  if (binding.kind === "family") {
    const family = ctx.familyInfo.get(e.name);
    if (family) ctx.symbols.set(e.id, { kind: "family", type: family.type });
    return family?.type;
  }
  if (binding.kind === "enum") type = ctx.enumTypes.get(e.name);
  else if (binding.kind === "alias") type = aliasType(ctx, binding.decl);
  else return null;
  if (type) ctx.symbols.set(e.id, { kind: "typeName", type });
  return type;
}
