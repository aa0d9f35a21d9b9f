// Values in the form slots hold: checked scalars (ranges, set masks), fresh flat copies of
// composites, set bitsets in a chosen representation, and ordinals within a domain (set
// elements, map keys, message fields). Also decides when two types share a layout.

import type * as ast from "../ast/nodes.js";
import { exprText } from "../check/expr-text.js";
import type { Type } from "../check/types.js";
import { isComposite, widthOf } from "./flat-value.js";
import { genLoc, genScalar } from "./expr.js";
import { repOf, typeOf, type Env, type SetRep } from "./gen-context.js";
import { genSetLit, intervalOf, setRepOf } from "./ops.js";

/** A fresh copy of a composite value (for lets, literals and conditionals). */
export function genFlat(env: Env, e: ast.Expr): string {
  const loc = genLoc(env, e);
  if (loc.fresh && loc.off === "0") return loc.arr;
  return `slice(${loc.arr}, ${loc.off}, ${widthOf(typeOf(env, e))})`;
}

/**
 * A fresh value of type `target` (records, sequences) from `e`, with each scalar checked against
 * `target`'s ranges. Literals are built field by field; other values are converted if needed.
 */
export function genFlatFor(env: Env, e: ast.Expr, target: Type): string {
  const { mod } = env.cx;
  if (e.kind === "RecordLit" && (target.kind === "record" || target.kind === "message")) {
    const parts = target.fields.map((f) => {
      const init = e.fields.find((x) => x.name.name === f.name);
      if (!init) throw new Error(`internal: record literal misses field ${f.name}`);
      return genStored(env, init.value, f.type, `${exprText(e)}.${f.name}`);
    });
    return `cat(${widthOf(target)}, ${parts.join(", ")})`;
  }
  if (e.kind === "SeqLit" && target.kind === "seq") {
    const items = e.elements.map((x) => genStored(env, x, target.element, `element of ${exprText(e)}`));
    return `seqOf(${target.max}, ${widthOf(target.element)}${items.map((x) => `, ${x}`).join("")})`;
  }
  const type = typeOf(env, e);
  if (fits(env, e, type, target)) return genFlat(env, e);
  const loc = genLoc(env, e);
  const site = mod.site(exprText(e), target, e.span);
  return `convertNew(${mod.constant(target)}, ${mod.constant(type)}, ${loc.arr}, ${loc.off}, ${site})`;
}

/**
 * The value of `e` as stored in slots of type `target`: a number (ints checked against the
 * range, bools as 0/1, sets as bits) or, for composites, a fresh Int32Array.
 */
export function genStored(env: Env, e: ast.Expr, target: Type, what: string): string {
  if (isComposite(target)) return genFlatFor(env, e, target);
  switch (target.kind) {
    case "bool":
      return `(${genScalar(env, e)} ? 1 : 0)`;
    case "int": {
      const code = genScalar(env, e);
      const [lo, hi] = intervalOf(env, e);
      if (lo >= target.low && hi <= target.high) return code;
      return `chk(${code}, ${target.low}, ${target.high}, ${env.cx.mod.site(what, target, e.span)})`;
    }
    case "set": {
      const rep = repOf(target);
      const bits = genSet(env, e, rep);
      if (bits.safe) return bits.code;
      const mask = rep.n >= 31 ? 0x7fffffff : (1 << rep.n) - 1;
      return `chkSet(${bits.code}, ${mask}, ${env.cx.mod.site(what, target, e.span)})`;
    }
    default:
      return genScalar(env, e);
  }
}

/** True when every value of `e` (typed `from`) is a value of `to` with the same layout. */
export function fits(env: Env, e: ast.Expr | undefined, from: Type, to: Type): boolean {
  switch (to.kind) {
    case "int": {
      if (from.kind !== "int") return false;
      const [lo, hi] = e ? intervalOf(env, e) : [from.low, from.high];
      return lo >= to.low && hi <= to.high;
    }
    case "set": {
      if (from.kind !== "set") return false;
      const a = repOf(from);
      const b = repOf(to);
      return a.low === b.low && a.n <= b.n && fits(env, undefined, from.element, to.element);
    }
    case "map":
      return from.kind === "map" && widthOf(from) === widthOf(to) && fits(env, undefined, from.value, to.value) && sameKeys(from.key, to.key);
    case "seq":
      return from.kind === "seq" && from.max === to.max && fits(env, undefined, from.element, to.element);
    case "record":
    case "message":
      return (
        (from.kind === "record" || from.kind === "message") &&
        from.fields.length === to.fields.length &&
        from.fields.every((f, i) => f.name === to.fields[i]!.name && fits(env, undefined, f.type, to.fields[i]!.type))
      );
    default:
      return from.kind === to.kind;
  }
}

/**
 * True when values of `a` and `b` lie in slots the same way, so that equal values have equal
 * slots (int ranges may differ; set bases, sequence bounds and map keys may not).
 */
export function sameLayout(a: Type, b: Type): boolean {
  switch (a.kind) {
    case "set":
      return b.kind === "set" && repOf(a).low === repOf(b).low && sameLayout(a.element, b.element);
    case "map":
      return b.kind === "map" && sameKeys(a.key, b.key) && sameLayout(a.value, b.value);
    case "seq":
      return b.kind === "seq" && a.max === b.max && sameLayout(a.element, b.element);
    case "record":
    case "message":
      return (
        (b.kind === "record" || b.kind === "message") &&
        a.fields.length === b.fields.length &&
        a.fields.every((f, i) => f.name === b.fields[i]!.name && sameLayout(f.type, b.fields[i]!.type))
      );
    default:
      return a.kind === b.kind;
  }
}

function sameKeys(a: Type, b: Type): boolean {
  if (a.kind === "int" && b.kind === "int") return a.low === b.low && a.high === b.high;
  return a.kind === b.kind && widthOf(a) === widthOf(b);
}

/** A set-valued expression as bits of representation `rep`; `safe` when no bit can fall outside. */
export function genSet(env: Env, e: ast.Expr, rep: SetRep): { code: string; safe: boolean } {
  if (e.kind === "SetLit") return genSetLit(env, e, rep);
  if (e.kind === "BinaryExpr" && (e.op === "+" || e.op === "-" || e.op === "*")) {
    const a = genSet(env, e.left, rep);
    const b = genSet(env, e.right, rep);
    const op = e.op === "+" ? "|" : e.op === "-" ? "& ~" : "&";
    return { code: `(${a.code} ${op}${b.code})`, safe: a.safe && (b.safe || e.op !== "+") };
  }
  if (e.kind === "CondExpr") {
    const a = genSet(env, e.then, rep);
    const b = genSet(env, e.otherwise, rep);
    return { code: `(${genScalar(env, e.condition)} ? ${a.code} : ${b.code})`, safe: a.safe && b.safe };
  }
  const own = setRepOf(env, e);
  const code = genScalar(env, e);
  if (own.low === rep.low) return { code, safe: own.n <= rep.n };
  return { code: `rebase(${code}, ${own.low}, ${rep.low})`, safe: false };
}

/**
 * The ordinal of `e`'s value within the domain `type` (set elements, map keys, message fields,
 * effect and history arguments), checked to lie in the domain.
 */
export function genOrd(env: Env, e: ast.Expr, type: Type, what: string): string {
  const { mod } = env.cx;
  switch (type.kind) {
    case "int": {
      const code = genScalar(env, e);
      const [lo, hi] = intervalOf(env, e);
      if (lo >= type.low && hi <= type.high) return type.low === 0 ? code : `(${code} - ${type.low})`;
      return `(chk(${code}, ${type.low}, ${type.high}, ${mod.site(what, type, e.span)}) - ${type.low})`;
    }
    case "bool":
      return `(${genScalar(env, e)} ? 1 : 0)`;
    case "enum":
    case "node":
      return genScalar(env, e);
    case "set":
      return genStored(env, e, type, what);
    default: {
      const loc = genLoc(env, e);
      const from = typeOf(env, e);
      if (fits(env, e, from, type)) return `ordOf(${mod.constant(type)}, ${loc.arr}, ${loc.off})`;
      return `ordOf(${mod.constant(type)}, convertNew(${mod.constant(type)}, ${mod.constant(from)}, ${loc.arr}, ${loc.off}, ${mod.site(what, type, e.span)}), 0)`;
    }
  }
}
