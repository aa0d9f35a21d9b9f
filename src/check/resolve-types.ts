// Resolves written types (TypeExpr) to Types: names of enums, node families and aliases
// (FL2005, FL2006, FL2012 for alias cycles), ranges and sequence bounds with constant bounds
// (FL3004, FL3005), and record fields (FL2002).

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext } from "./context.js";
import { requireConst } from "./fits.js";
import { reportDuplicate } from "./resolve.js";
import { describeBinding, isTypeBinding } from "./scopes.js";
import { suggest } from "../util/edit-distance.js";
import { BOOL, intRange, type RecordField, type Type } from "./types.js";

/** The Type of a written type, or undefined (after reporting) when it does not resolve. */
export function resolveType(ctx: CheckContext, t: ast.TypeExpr): Type | undefined {
  switch (t.kind) {
    case "NamedType":
      return resolveNamedType(ctx, t.name);
    case "RangeType": {
      const low = requireConst(ctx, t.low, "int");
      const high = requireConst(ctx, t.high, "int");
      if (typeof low !== "number" || typeof high !== "number") return undefined;
      if (low > high) {
        report(ctx, "FL3004", t.span, { what: "range type", detail: `${low}..${high}` });
        return undefined;
      }
      return intRange(low, high);
    }
    case "SetType": {
      const element = resolveType(ctx, t.element);
      return element && { kind: "set", element };
    }
    case "MapType": {
      const key = resolveType(ctx, t.key);
      const value = resolveType(ctx, t.value);
      return key && value && { kind: "map", key, value };
    }
    case "SeqType": {
      const element = resolveType(ctx, t.element);
      const max = requireConst(ctx, t.max, "int");
      if (typeof max !== "number") return undefined;
      if (max < 0) {
        report(ctx, "FL3004", t.max.span, { what: "sequence bound", detail: String(max) });
        return undefined;
      }
      return element && { kind: "seq", element, max };
    }
    case "RecordType": {
      const fields = resolveFields(ctx, t.fields);
      return fields && { kind: "record", fields };
    }
  }
}

/** Resolves declared fields (of a record type or message); undefined if any fails. */
export function resolveFields(ctx: CheckContext, decls: readonly ast.FieldDecl[]): RecordField[] | undefined {
  const fields: RecordField[] = [];
  const seen = new Map<string, ast.FieldDecl>();
  let ok = true;
  for (const decl of decls) {
    const first = seen.get(decl.name.name);
    reportDuplicate(ctx.diagnostics, decl.name, first?.name.span);
    const type = resolveType(ctx, decl.type);
    if (!type) ok = false;
    else if (!first) fields.push({ name: decl.name.name, type });
    if (!first) seen.set(decl.name.name, decl);
  }
  return ok ? fields : undefined;
}

function resolveNamedType(ctx: CheckContext, name: ast.Ident): Type | undefined {
  const binding = ctx.globals.scope.lookup(name.name);
  if (!binding) {
    if (name.name === "bool") return BOOL;
    if (ctx.globals.messages.has(name.name)) {
      report(ctx, "FL2006", name.span, { name: name.name, actual: "message", expected: "type" });
      return undefined;
    }
    const candidates = [...ctx.globals.scope.visibleNames(isTypeBinding), "bool"];
    const best = suggest(name.name, candidates);
    const span = best === undefined ? undefined : ctx.globals.scope.declarationSpan(best);
    report(ctx, "FL2005", name.span, { name: name.name }, didYouMean(best, span));
    return undefined;
  }
  switch (binding.kind) {
    case "enum":
      return ctx.enumTypes.get(name.name);
    case "family":
      return ctx.familyInfo.get(name.name)?.type;
    case "alias":
      return aliasType(ctx, binding.decl);
    default:
      report(ctx, "FL2006", name.span, { name: name.name, actual: describeBinding(binding), expected: "type" });
      return undefined;
  }
}

/** The type an alias stands for, resolved once; FL2012 when it refers back to itself. */
export function aliasType(ctx: CheckContext, decl: ast.TypeDecl): Type | undefined {
  const name = decl.name.name;
  if (ctx.aliasTypes.has(name)) {
    const known = ctx.aliasTypes.get(name);
    if (known !== null) return known;
    report(ctx, "FL2012", decl.name.span, { name });
    ctx.aliasTypes.set(name, undefined);
    return undefined;
  }
  ctx.aliasTypes.set(name, null);
  const type = resolveType(ctx, decl.type);
  if (ctx.aliasTypes.get(name) === null) ctx.aliasTypes.set(name, type);
  return ctx.aliasTypes.get(name) ?? undefined;
}
