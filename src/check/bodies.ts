// Checks everything that holds expressions or statements: var initializers, handlers (with the
// sender family of each, FL3013/FL3015), node and spec-level actions, properties and `end when`.
// Runs after declarations.ts has resolved every declared type.

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext, type ExprEnv, type FamilyInfo } from "./context.js";
import { checkConstFits } from "./fits.js";
import { reportDuplicate } from "./resolve.js";
import { describeBinding, Scope } from "./scopes.js";
import { suggest } from "../util/edit-distance.js";
import { checkCondition, checkExpr, needsContext, reportMismatch } from "./typecheck-expr.js";
import { checkBlock } from "./typecheck-stmt.js";
import { sameType, typeToString, type NodeType } from "./types.js";

/** Checks all bodies of the spec, in declaration order. */
export function checkBodies(ctx: CheckContext): void {
  const global = ctx.globals.scope;
  for (const decl of ctx.globals.specVars) checkInit(ctx, decl, undefined, global);
  for (const decl of ctx.globals.families) {
    const family = ctx.familyInfo.get(decl.name.name);
    if (family) checkFamily(ctx, family);
  }
  for (const decl of ctx.globals.specActions) {
    checkAction(ctx, decl, { scope: global, mode: "body", family: undefined, handler: undefined, where: "a spec-level action" });
  }
  for (const decl of ctx.globals.properties) checkProperty(ctx, decl);
  for (const decl of ctx.globals.ends) {
    checkCondition(ctx, propertyEnv(ctx, "property"), decl.expr, "`end when`");
  }
}

function propertyEnv(ctx: CheckContext, mode: "property" | "transition"): ExprEnv {
  return { scope: ctx.globals.scope, mode, family: undefined, handler: undefined, where: "a property" };
}

function checkInit(ctx: CheckContext, decl: ast.VarDecl, family: FamilyInfo | undefined, scope: Scope): void {
  if (!decl.init) return;
  const env: ExprEnv = { scope, mode: "init", family, handler: undefined, where: "an initializer" };
  const type = ctx.declTypes.get(decl.id);
  // Without a type (already reported) `{}` has no context: do not report that again.
  if (!type && needsContext(decl.init)) return;
  const value = checkExpr(ctx, env, decl.init, type);
  if (!type || !value) return;
  if (!sameType(type, value)) reportMismatch(ctx, decl.init, typeToString(type), value);
  else checkConstFits(ctx, decl.init, type);
}

function checkFamily(ctx: CheckContext, family: FamilyInfo): void {
  let timeout: ast.HandlerDecl | undefined;
  for (const member of family.decl.members) {
    switch (member.kind) {
      case "VarDecl":
        checkInit(ctx, member, family, family.scope);
        break;
      case "ActionDecl":
        checkAction(ctx, member, { scope: family.scope, mode: "body", family, handler: undefined, where: "a node action" });
        break;
      case "HandlerDecl":
        if (!member.message) {
          if (timeout) {
            report(ctx, "FL2002", member.span, { name: "on timeout" }, [
              { message: "the first `on timeout` handler is here; a family has at most one", span: timeout.span },
            ]);
          }
          timeout ??= member;
        }
        checkHandler(ctx, family, member);
        break;
    }
  }
}

function checkAction(ctx: CheckContext, decl: ast.ActionDecl, outer: ExprEnv): void {
  const scope = new Scope(outer.scope);
  for (const param of decl.params) scope.declare(param.name.name, { kind: "param", decl: param }, param.name.span);
  const env = { ...outer, scope };
  if (decl.guard) checkCondition(ctx, env, decl.guard, `the guard of action \`${decl.name.name}\``);
  checkBlock(ctx, env, decl.body);
}

function checkHandler(ctx: CheckContext, family: FamilyInfo, h: ast.HandlerDecl): void {
  const scope = new Scope(family.scope);
  let env: ExprEnv = { scope, mode: "body", family, handler: undefined, where: "a timeout handler" };
  if (h.message) {
    env = { ...env, handler: h, where: "a message handler" };
    const message = ctx.messages.get(h.message.name);
    if (!ctx.globals.messages.has(h.message.name)) {
      const names = ctx.globals.messages.keys();
      const best = suggest(h.message.name, names);
      const span = best === undefined ? undefined : ctx.globals.messages.get(best)?.name.span;
      report(ctx, "FL2003", h.message.span, { name: h.message.name }, didYouMean(best, span));
    }
    const sender = senderFamily(ctx, h, h.message);
    if (sender) ctx.senders.set(h.id, sender);
    if (h.binder) {
      scope.declare(h.binder.name, { kind: "binder", handler: h, ident: h.binder }, h.binder.span);
      ctx.declTypes.set(h.binder.id, message && { kind: "message", name: message.name, fields: message.fields });
    }
    if (h.from) {
      const previous = scope.declare(h.from.name, { kind: "sender", handler: h, ident: h.from }, h.from.span);
      reportDuplicate(ctx.diagnostics, h.from, previous);
    }
  } else if (h.binder || h.from) {
    const ident = (h.binder ?? h.from)!;
    report(ctx, "FL2011", ident.span, { name: ident.name });
  }
  const label = h.message ? `on ${h.message.name}` : "on timeout";
  if (h.guard) checkCondition(ctx, env, h.guard, `the guard of \`${label}\``);
  checkBlock(ctx, env, h.body);
}

/**
 * The sender family of a message handler: the `: Family` annotation, or else the one family
 * that sends the message. Without `from v` an unknown sender is not an error (nothing names it).
 */
function senderFamily(ctx: CheckContext, h: ast.HandlerDecl, message: ast.Ident): NodeType | undefined {
  const senders = ctx.sentBy.get(message.name) ?? [];
  const exists = ctx.globals.messages.has(message.name);
  if (h.fromType) {
    if (exists && senders.length === 0) report(ctx, "FL3015", message.span, { name: message.name });
    const binding = ctx.globals.scope.lookup(h.fromType.name);
    if (binding?.kind === "family") return ctx.familyInfo.get(h.fromType.name)?.type;
    if (binding) {
      report(ctx, "FL2006", h.fromType.span, { name: h.fromType.name, actual: describeBinding(binding), expected: "node family" });
    } else {
      const best = suggest(h.fromType.name, ctx.globals.families.map((f) => f.name.name));
      report(ctx, "FL2005", h.fromType.span, { name: h.fromType.name }, didYouMean(best));
    }
    return undefined;
  }
  if (senders.length === 1) return ctx.familyInfo.get(senders[0]!)?.type;
  if (!exists) return undefined;
  if (h.from) {
    const problem = senders.length === 0 ? "no node sends it" : `it is sent by ${senders.join(" and ")}`;
    report(ctx, "FL3013", h.from.span, { name: message.name, problem }, [
      { message: `name the sender's family: \`from ${h.from.name}: ${senders[0] ?? "Family"}\`` },
    ]);
  } else if (senders.length === 0) {
    report(ctx, "FL3015", message.span, { name: message.name });
  }
  return undefined;
}

function checkProperty(ctx: CheckContext, decl: ast.PropertyDecl): void {
  const name = decl.name.name;
  switch (decl.property) {
    case "invariant":
    case "reachable":
    case "transition":
      if (decl.expr) {
        const env = propertyEnv(ctx, decl.property === "transition" ? "transition" : "property");
        checkCondition(ctx, env, decl.expr, `${decl.property} \`${name}\``);
      }
      return;
    case "atmostonce":
      if (!ctx.globals.effects.has(name)) {
        report(ctx, "FL2008", decl.name.span, { what: "effect", name }, didYouMean(suggest(name, ctx.globals.effects.keys())));
      }
      return;
    case "nolostwrites":
      if (!ctx.globals.histories.has(name)) {
        report(ctx, "FL2008", decl.name.span, { what: "history", name }, didYouMean(suggest(name, ctx.globals.histories.keys())));
      }
      return;
  }
}
