// Resolves what declarations declare, before any body is checked: enum types, family counts
// (FL3004), aliases, message fields, var types (FL3003 for `durable` outside a node), parameter
// types, effect/history signatures, and the network, fault and clock bounds.

import type * as ast from "../ast/nodes.js";
import { report, type CheckContext } from "./context.js";
import { requireConst } from "./fits.js";
import { reportDuplicate } from "./resolve.js";
import { aliasType, resolveFields, resolveType } from "./resolve-types.js";
import { Scope } from "./scopes.js";
import { typeToString } from "./types.js";
import type { CheckedVar } from "./checked.js";

/** The network, fault and clock settings, with defaults where nothing is declared. */
export interface Bounds {
  readonly network: { readonly kind: ast.NetworkKind; readonly capacity: number };
  readonly faults: Record<ast.FaultKind, number>;
  readonly ticks: number;
}

/** The network capacity when a spec declares none. */
export const DEFAULT_CAPACITY = 8;

/** Builds the enum types (they depend on nothing, and constants may mention their members). */
export function resolveEnums(ctx: CheckContext): void {
  for (const decl of ctx.globals.enums) {
    if (decl.members.length === 0) {
      report(ctx, "FL3004", decl.span, { what: `enum \`${decl.name.name}\``, detail: "it has no members" });
    }
    const members = [...new Set(decl.members.map((m) => m.name))];
    ctx.enumTypes.set(decl.name.name, { kind: "enum", name: decl.name.name, members });
  }
}

/** Resolves every other declaration's types into `ctx`; constants must already be evaluated. */
export function resolveDeclarations(ctx: CheckContext): void {
  for (const decl of ctx.globals.families) resolveFamilyCount(ctx, decl);
  for (const decl of ctx.globals.aliases.values()) aliasType(ctx, decl);
  for (const decl of ctx.globals.messages.values()) {
    const fields = resolveFields(ctx, decl.fields);
    if (fields) ctx.messages.set(decl.name.name, { decl, name: decl.name.name, fields });
  }
  for (const decl of ctx.globals.specVars) {
    if (decl.durable) report(ctx, "FL3003", decl.span);
    ctx.declTypes.set(decl.id, resolveType(ctx, decl.type));
  }
  for (const decl of ctx.globals.families) resolveFamilyMembers(ctx, decl);
  for (const decl of ctx.globals.specActions) resolveParams(ctx, decl.params);
  for (const decl of ctx.globals.effects.values()) resolveParams(ctx, decl.params);
  for (const decl of ctx.globals.histories.values()) resolveHistory(ctx, decl);
}

function resolveFamilyCount(ctx: CheckContext, decl: ast.NodeDecl): void {
  let count = 1;
  if (decl.count) {
    const value = requireConst(ctx, decl.count, "int");
    if (typeof value === "number" && value < 1) {
      report(ctx, "FL3004", decl.count.span, { what: "node count", detail: `${value} (a family needs at least one node)` });
    } else if (typeof value === "number") {
      count = value;
    }
  }
  const name = decl.name.name;
  ctx.familyInfo.set(name, {
    decl,
    type: { kind: "node", family: name, count },
    vars: new Map(),
    scope: new Scope(ctx.globals.scope),
  });
}

function resolveFamilyMembers(ctx: CheckContext, decl: ast.NodeDecl): void {
  const family = ctx.familyInfo.get(decl.name.name);
  if (!family) return;
  const actions = new Map<string, ast.ActionDecl>();
  for (const member of decl.members) {
    if (member.kind === "VarDecl") {
      const type = resolveType(ctx, member.type);
      ctx.declTypes.set(member.id, type);
      const binding = { kind: "nodeVar", family: decl.name.name, decl: member } as const;
      const previous = family.scope.declare(member.name.name, binding, member.name.span);
      reportDuplicate(ctx.diagnostics, member.name, previous);
      if (!previous && type) {
        const v: CheckedVar = { decl: member, name: member.name.name, type, durable: member.durable };
        family.vars.set(member.name.name, v);
      }
    } else if (member.kind === "ActionDecl") {
      reportDuplicate(ctx.diagnostics, member.name, actions.get(member.name.name)?.name.span);
      if (!actions.has(member.name.name)) actions.set(member.name.name, member);
      resolveParams(ctx, member.params);
    }
  }
}

/** Resolves parameter types into ctx.declTypes, reporting duplicate names (FL2002). */
export function resolveParams(ctx: CheckContext, params: readonly ast.Param[]): void {
  const seen = new Map<string, ast.Param>();
  for (const param of params) {
    reportDuplicate(ctx.diagnostics, param.name, seen.get(param.name.name)?.name.span);
    if (!seen.has(param.name.name)) seen.set(param.name.name, param);
    ctx.declTypes.set(param.id, resolveType(ctx, param.type));
  }
}

function resolveHistory(ctx: CheckContext, decl: ast.HistoryDecl): void {
  resolveParams(ctx, decl.params);
  if (decl.params.length !== 2) {
    // The grammar admits exactly a key and a version; anything else is a parser bug.
    const detail = `history \`${decl.name.name}\` reached the checker with ${decl.params.length} parameters`;
    report(ctx, "FL9001", decl.name.span, { detail });
    return;
  }
  const version = decl.params[1]!;
  const type = ctx.declTypes.get(version.id);
  if (type && type.kind !== "int") {
    report(ctx, "FL3001", version.type.span, {
      expected: "an integer range",
      text: version.name.name,
      actual: typeToString(type),
    });
  }
}

/** Evaluates the network capacity, fault budgets and clock bound (FL3004 when negative). */
export function resolveBounds(ctx: CheckContext): Bounds {
  const { network, faults, clock } = ctx.globals;
  let capacity = DEFAULT_CAPACITY;
  if (network?.capacity) {
    const value = requireConst(ctx, network.capacity, "int");
    if (typeof value === "number" && value < 1) {
      report(ctx, "FL3004", network.capacity.span, { what: "network capacity", detail: `${value} (at least 1 is needed)` });
    } else if (typeof value === "number") {
      capacity = value;
    }
  }
  const budgets: Record<ast.FaultKind, number> = { drop: 0, duplicate: 0, partition: 0, cut: 0, crash: 0, skew: 0 };
  const seen = new Map<ast.FaultKind, ast.FaultBudget>();
  for (const budget of faults?.budgets ?? []) {
    const first = seen.get(budget.fault);
    if (first) {
      report(ctx, "FL2002", budget.span, { name: budget.fault }, [
        { message: `\`${budget.fault}\` is first declared here`, span: first.span },
      ]);
      continue;
    }
    seen.set(budget.fault, budget);
    budgets[budget.fault] = nonNegative(ctx, budget.bound, `the \`${budget.fault}\` budget`);
  }
  const ticks = clock ? nonNegative(ctx, clock.ticks, "the clock bound") : 0;
  return { network: { kind: network?.network ?? "unordered", capacity }, faults: budgets, ticks };
}

function nonNegative(ctx: CheckContext, e: ast.Expr, what: string): number {
  const value = requireConst(ctx, e, "int");
  if (typeof value !== "number") return 0;
  if (value < 0) {
    report(ctx, "FL3004", e.span, { what, detail: String(value) });
    return 0;
  }
  return value;
}
