// Type rules for set, sequence and record literals, and for message literals in send/broadcast/
// reply. An empty `{}` or `[]` takes its type from context (FL3014 when there is none); a record
// literal takes the field order of the record type its context expects.

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext, type ExprEnv } from "./context.js";
import { checkConstFits } from "./fits.js";
import { suggest } from "../util/edit-distance.js";
import { checkExpr, reportMismatch } from "./typecheck-expr.js";
import { sameType, typeToString, type RecordField, type Type } from "./types.js";

const EMPTY_HINT =
  "nothing around it says what its elements are; assign it, compare it or combine it with a value of known type";

/** `{a, b}` or `{}`: all elements of one type. */
export function checkSetLit(ctx: CheckContext, env: ExprEnv, e: ast.SetLit, expected: Type | undefined): Type | undefined {
  const hint = expected?.kind === "set" ? expected : undefined;
  if (e.elements.length === 0) {
    if (!hint) report(ctx, "FL3014", e.span, { text: "{}", hint: EMPTY_HINT });
    return hint;
  }
  const element = checkElements(ctx, env, e.elements, hint?.element);
  if (!element) return undefined;
  return hint && sameType(hint.element, element) ? hint : { kind: "set", element };
}

/** `[a, b]` or `[]`: all elements of one type; the bound is the context's, or the length. */
export function checkSeqLit(ctx: CheckContext, env: ExprEnv, e: ast.SeqLit, expected: Type | undefined): Type | undefined {
  const hint = expected?.kind === "seq" ? expected : undefined;
  if (e.elements.length === 0) {
    if (!hint) report(ctx, "FL3014", e.span, { text: "[]", hint: EMPTY_HINT });
    return hint;
  }
  const element = checkElements(ctx, env, e.elements, hint?.element);
  if (!element) return undefined;
  return hint && sameType(hint.element, element) ? hint : { kind: "seq", element, max: e.elements.length };
}

/** Checks elements against the first known element type; returns it, or undefined on error. */
function checkElements(
  ctx: CheckContext,
  env: ExprEnv,
  elements: readonly ast.Expr[],
  hint: Type | undefined,
): Type | undefined {
  let element = hint;
  let ok = true;
  for (const el of elements) {
    const type = checkExpr(ctx, env, el, element);
    if (!type) {
      ok = false;
    } else if (!element) {
      element = type;
    } else if (!sameType(element, type)) {
      reportMismatch(ctx, el, typeToString(element), type);
      ok = false;
    }
  }
  return ok ? element : undefined;
}

/** `{ f: e, g: e }`: fields given once each (FL2010). */
export function checkRecordLit(ctx: CheckContext, env: ExprEnv, e: ast.RecordLit, expected: Type | undefined): Type | undefined {
  reportDuplicateFields(ctx, e.fields);
  const names = new Set(e.fields.map((f) => f.name.name));
  const hint =
    expected?.kind === "record" &&
    expected.fields.length === names.size &&
    expected.fields.every((f) => names.has(f.name))
      ? expected
      : undefined;
  const fields: RecordField[] = [];
  let ok = true;
  for (const field of e.fields) {
    const want = hint?.fields.find((f) => f.name === field.name.name)?.type;
    const type = checkExpr(ctx, env, field.value, want);
    if (!type) ok = false;
    else if (want && !sameType(want, type)) {
      reportMismatch(ctx, field.value, typeToString(want), type);
      ok = false;
    } else if (!fields.some((f) => f.name === field.name.name)) fields.push({ name: field.name.name, type });
  }
  if (!ok) return undefined;
  return hint ?? { kind: "record", fields };
}

function reportDuplicateFields(ctx: CheckContext, fields: readonly ast.FieldInit[]): void {
  const seen = new Map<string, ast.FieldInit>();
  for (const field of fields) {
    const first = seen.get(field.name.name);
    if (first) {
      report(ctx, "FL2010", field.name.span, { name: field.name.name }, [
        { message: `\`${field.name.name}\` is first given here`, span: first.name.span },
      ]);
    } else {
      seen.set(field.name.name, field);
    }
  }
}

/**
 * `Vote { term: t }`: the message exists (FL2003), every field is given once (FL2009, FL2010),
 * no unknown field (FL2004), and each value has its field's type. Records messageOf.
 */
export function checkMessageLit(ctx: CheckContext, env: ExprEnv, lit: ast.MessageLit): void {
  const message = ctx.messages.get(lit.name.name);
  if (!message) {
    if (!ctx.globals.messages.has(lit.name.name)) {
      const best = suggest(lit.name.name, ctx.globals.messages.keys());
      report(ctx, "FL2003", lit.name.span, { name: lit.name.name }, didYouMean(best, best === undefined ? undefined : ctx.globals.messages.get(best)?.name.span));
    }
    for (const field of lit.fields) checkExpr(ctx, env, field.value);
    return;
  }
  ctx.messageOf.set(lit.id, message);
  reportDuplicateFields(ctx, lit.fields);
  for (const field of lit.fields) {
    const declared = message.fields.find((f) => f.name === field.name.name);
    if (!declared) {
      const best = suggest(field.name.name, message.fields.map((f) => f.name));
      report(ctx, "FL2004", field.name.span, { type: message.name, name: field.name.name }, didYouMean(best));
      checkExpr(ctx, env, field.value);
      continue;
    }
    const type = checkExpr(ctx, env, field.value, declared.type);
    if (type && !sameType(type, declared.type)) reportMismatch(ctx, field.value, typeToString(declared.type), type);
    else if (type) checkConstFits(ctx, field.value, declared.type);
  }
  for (const declared of message.fields) {
    if (!lit.fields.some((f) => f.name.name === declared.name)) {
      report(ctx, "FL2009", lit.span, { type: message.name, name: declared.name }, [
        { message: `\`${message.name}\` is declared here`, span: message.decl.name.span },
      ]);
    }
  }
}
