// Expressions -> JavaScript source. Scalars (ints, enums, node ids) become numbers, bools JS
// booleans, sets bitset numbers; records, maps, sequences and messages are slot ranges (`Loc`):
// read in place from a state array or built as fresh Int32Arrays. See ops.ts for operators.

import type * as ast from "../ast/nodes.js";
import { exprText } from "../check/expr-text.js";
import type { NodeType, Type } from "../check/types.js";
import { widthOf } from "./flat-value.js";
import { addOffset, repOf, symbolOf, typeOf, type Env } from "./gen-context.js";
import { genBinary, genCall, genQuant, genSetLit, intervalOf, setRepOf } from "./ops.js";
import { genFlat, genFlatFor, genOrd, genSet } from "./stored.js";

/** A value held in slots: `arr[off ..]`. When `fresh`, `arr` is an expression to evaluate once. */
export interface Loc {
  readonly arr: string;
  readonly off: string;
  readonly fresh: boolean;
}

/** JS for a scalar or set expression (bools as JS booleans, sets in their own representation). */
export function genScalar(env: Env, e: ast.Expr): string {
  const type = typeOf(env, e);
  switch (e.kind) {
    case "IntLit":
      return e.value < 0 ? `(${e.value})` : String(e.value);
    case "BoolLit":
      return String(e.value);
    case "SelfExpr":
      if (!env.self) throw new Error("internal: `self` outside a node");
      return env.self.idx;
    case "NowExpr":
      return genNow(env);
    case "NameExpr":
      return genNameScalar(env, e, type);
    case "UnaryExpr":
      return e.op === "not" ? `!(${genScalar(env, e.operand)})` : `(-(${genScalar(env, e.operand)}))`;
    case "BinaryExpr":
      return genBinary(env, e);
    case "CallExpr":
      return genCall(env, e);
    case "QuantExpr":
      return genQuant(env, e);
    case "CondExpr":
      if (type.kind === "set") {
        const rep = repOf(type);
        return `(${genScalar(env, e.condition)} ? ${genSet(env, e.then, rep).code} : ${genSet(env, e.otherwise, rep).code})`;
      }
      return `(${genScalar(env, e.condition)} ? ${genScalar(env, e.then)} : ${genScalar(env, e.otherwise)})`;
    case "PrimeExpr":
      return genScalar(primed(env), e.operand);
    case "SetLit":
      return genSetLit(env, e, setRepOf(env, e)).code;
    case "FieldExpr":
      return genFieldScalar(env, e, type);
    case "IndexExpr":
      return genIndexScalar(env, e, type);
    case "SeqLit":
    case "RecordLit":
    case "RangeExpr":
      throw new Error(`internal: ${e.kind} is not a scalar`);
  }
}

/** The environment for the operand of a prime: variable reads use the next state. */
export function primed(env: Env): Env {
  if (env.prime === undefined) throw new Error("internal: prime outside a transition property");
  // Both state arrays are already in `names` (createEnv with a prime), so only `state` changes.
  return { ...env, state: env.prime };
}

function genNow(env: Env): string {
  const { layout } = env.cx;
  if (layout.time < 0) return "0";
  const time = `${env.state}[${layout.time}]`;
  if (!env.self || env.self.family.clockBase < 0) return time;
  return `(${time} + ${env.state}[${addOffset(env.self.idx, env.self.family.clockBase)}])`;
}

function genNameScalar(env: Env, e: ast.NameExpr, type: Type): string {
  const sym = symbolOf(env, e);
  switch (sym.kind) {
    case "const":
      return typeof sym.value === "boolean" ? String(sym.value) : sym.value < 0 ? `(${sym.value})` : String(sym.value);
    case "enumMember":
      return String(sym.index);
    case "family":
      return "0";
    case "sender":
      if (!env.sender) throw new Error("internal: sender outside a handler");
      return env.sender.idx;
    case "param":
    case "let":
      return localName(env, sym.decl.id, e);
    case "bound":
      return localName(env, sym.binder.id, e);
    case "specVar":
    case "nodeVar":
      return readScalar(genPlace(env, e)!, type);
    case "binder":
    case "typeName":
      throw new Error(`internal: \`${e.name}\` is not a scalar`);
  }
}

function localName(env: Env, id: ast.NodeId, e: ast.NameExpr): string {
  const local = env.locals.get(id);
  if (!local) throw new Error(`internal: local \`${e.name}\` not in scope`);
  return local.js;
}

/** Reads a scalar or set from slots (bools become JS booleans). */
export function readScalar(loc: Loc, type: Type): string {
  const read = `${loc.arr}[${loc.off}]`;
  return type.kind === "bool" ? `(${read} === 1)` : read;
}

function genFieldScalar(env: Env, e: ast.FieldExpr, type: Type): string {
  const fromBinder = binderField(env, e);
  if (fromBinder !== undefined) return fromBinder;
  const place = genPlace(env, e);
  if (place) return readScalar(place, type);
  const loc = genLoc(env, e.target);
  return readScalar({ ...loc, off: addOffset(loc.off, fieldOffset(typeOf(env, e.target), e.field.name)) }, type);
}

/** `m.f` for the message binder `m`: decoded from the field ordinal; undefined for other targets. */
function binderField(env: Env, e: ast.FieldExpr): string | undefined {
  if (e.target.kind !== "NameExpr" || !env.binder) return undefined;
  if (symbolOf(env, e.target).kind !== "binder") return undefined;
  const { coding, ord } = env.binder;
  const f = coding.fields.find((x) => x.name === e.field.name);
  if (!f) throw new Error(`internal: message ${coding.name} has no field ${e.field.name}`);
  const div = f.stride === 1 ? ord : `((${ord} / ${f.stride}) | 0)`;
  const o = f.stride * f.size === coding.fieldCount ? div : `(${div} % ${f.size})`;
  switch (f.type.kind) {
    case "int":
      return `(${o} + ${f.type.low})`;
    case "bool":
      return `(${o} === 1)`;
    case "enum":
    case "node":
    case "set":
      return o;
    default:
      return `fromOrd(${env.cx.mod.constant(f.type)}, ${o})`;
  }
}

function genIndexScalar(env: Env, e: ast.IndexExpr, type: Type): string {
  const targetType = typeOf(env, e.target);
  if (targetType.kind === "node" || isFamilyName(env, e.target)) return genNodeIndex(env, e, type as NodeType);
  const place = genPlace(env, e);
  if (place) return readScalar(place, type);
  const loc = genLoc(env, e.target);
  if (targetType.kind === "map") {
    const key = genOrd(env, e.index, targetType.key, exprText(e));
    return readScalar({ ...loc, off: `${loc.off} + (${key}) * ${widthOf(targetType.value)}` }, type);
  }
  if (targetType.kind === "seq") {
    const read = `seqGet(${loc.arr}, ${loc.off}, ${genScalar(env, e.index)}, ${widthOf(targetType.element)})`;
    return type.kind === "bool" ? `(${read} === 1)` : read;
  }
  throw new Error(`internal: cannot index ${targetType.kind}`);
}

function isFamilyName(env: Env, e: ast.Expr): boolean {
  return e.kind === "NameExpr" && symbolOf(env, e).kind === "family";
}

/** `Server[i]`: the node id i, checked to be in 0..count-1. */
function genNodeIndex(env: Env, e: ast.IndexExpr, type: NodeType): string {
  const index = genScalar(env, e.index);
  const [lo, hi] = intervalOf(env, e.index);
  if (lo >= 0 && hi <= type.count - 1) return index;
  const site = env.cx.mod.site(exprText(e), `${type.family} index 0..${type.count - 1}`, e.span);
  return `chk(${index}, 0, ${type.count - 1}, ${site})`;
}

/** The slots a variable, field, map entry or sequence element occupies, or undefined. */
export function genPlace(env: Env, e: ast.Expr): Loc | undefined {
  const { layout } = env.cx;
  switch (e.kind) {
    case "NameExpr": {
      const sym = symbolOf(env, e);
      if (sym.kind === "specVar") {
        const v = layout.specVars.find((x) => x.decl === sym.decl);
        if (!v) throw new Error(`internal: spec var ${e.name} has no slots`);
        return { arr: env.state, off: String(v.offset), fresh: false };
      }
      if (sym.kind === "nodeVar") {
        if (!env.self) throw new Error(`internal: node var ${e.name} outside a node`);
        const v = env.self.family.varByName.get(sym.decl.name.name);
        if (!v) throw new Error(`internal: node var ${e.name} has no slots`);
        return { arr: env.state, off: addOffset(env.self.base, v.offset), fresh: false };
      }
      return undefined;
    }
    case "FieldExpr": {
      const targetType = typeOf(env, e.target);
      if (targetType.kind === "node") return nodeVarPlace(env, e, targetType);
      if (targetType.kind !== "record") return undefined;
      const loc = genPlace(env, e.target);
      if (!loc) return undefined;
      return { ...loc, off: addOffset(loc.off, fieldOffset(targetType, e.field.name)) };
    }
    case "IndexExpr": {
      const targetType = typeOf(env, e.target);
      if (targetType.kind !== "map" && targetType.kind !== "seq") return undefined;
      const loc = genPlace(env, e.target);
      if (!loc) return undefined;
      if (targetType.kind === "map") {
        const key = genOrd(env, e.index, targetType.key, exprText(e));
        const w = widthOf(targetType.value);
        return { ...loc, off: /^\d+$/.test(key) ? addOffset(loc.off, Number(key) * w) : `${loc.off} + (${key}) * ${w}` };
      }
      const at = `seqAt(${loc.arr}, ${loc.off}, ${genScalar(env, e.index)}, ${widthOf(targetType.element)})`;
      return { ...loc, off: at };
    }
    case "PrimeExpr":
      return genPlace(primed(env), e.operand);
    default:
      return undefined;
  }
}

/** `a.role` for a node id `a`: the var's slots in that node's block. */
function nodeVarPlace(env: Env, e: ast.FieldExpr, type: NodeType): Loc {
  const family = env.cx.layout.familyByName.get(type.family);
  const v = family?.varByName.get(e.field.name);
  if (!family || !v) throw new Error(`internal: ${type.family} has no var ${e.field.name}`);
  if (e.target.kind === "SelfExpr" && env.self && env.self.family === family) {
    return { arr: env.state, off: addOffset(env.self.base, v.offset), fresh: false };
  }
  const index = genScalar(env, e.target);
  const start = family.base + v.offset;
  const off = /^\d+$/.test(index) ? String(start + Number(index) * family.stride) : addOffset(`(${index}) * ${family.stride}`, start);
  return { arr: env.state, off, fresh: false };
}

/** Offset of field `name` within a record or message value. */
export function fieldOffset(type: Type, name: string): number {
  if (type.kind !== "record" && type.kind !== "message") throw new Error(`internal: field of ${type.kind}`);
  let at = 0;
  for (const f of type.fields) {
    if (f.name === name) return at;
    at += widthOf(f.type);
  }
  throw new Error(`internal: no field ${name}`);
}

/** A composite value (record, map, seq, message) as slots; see Loc. */
export function genLoc(env: Env, e: ast.Expr): Loc {
  const place = genPlace(env, e);
  if (place) return place;
  const type = typeOf(env, e);
  const fresh = (arr: string): Loc => ({ arr, off: "0", fresh: true });
  switch (e.kind) {
    case "NameExpr": {
      const sym = symbolOf(env, e);
      if (sym.kind === "binder") {
        if (!env.binder) throw new Error("internal: binder outside a handler");
        return fresh(`fromOrd(${env.cx.mod.constant(env.binder.coding.type)}, ${env.binder.ord})`);
      }
      if (sym.kind === "param" || sym.kind === "let" || sym.kind === "bound") {
        return { arr: genNameScalar(env, e, type), off: "0", fresh: false };
      }
      throw new Error(`internal: \`${e.name}\` is not a composite value`);
    }
    case "FieldExpr": {
      const fromBinder = binderField(env, e);
      if (fromBinder !== undefined) return fresh(fromBinder);
      const loc = genLoc(env, e.target);
      return { ...loc, off: addOffset(loc.off, fieldOffset(typeOf(env, e.target), e.field.name)) };
    }
    case "IndexExpr": {
      const targetType = typeOf(env, e.target);
      const loc = genLoc(env, e.target);
      if (targetType.kind === "map") {
        const key = genOrd(env, e.index, targetType.key, exprText(e));
        return { ...loc, off: `${loc.off} + (${key}) * ${widthOf(targetType.value)}` };
      }
      if (targetType.kind === "seq") {
        const w = widthOf(targetType.element);
        return fresh(`seqGetFlat(${loc.arr}, ${loc.off}, ${genScalar(env, e.index)}, ${w})`);
      }
      throw new Error(`internal: cannot index ${targetType.kind}`);
    }
    case "CallExpr":
      return fresh(genCall(env, e));
    case "PrimeExpr":
      return genLoc(primed(env), e.operand);
    case "CondExpr":
      return fresh(`(${genScalar(env, e.condition)} ? ${genFlat(env, e.then)} : ${genFlat(env, e.otherwise)})`);
    case "RecordLit":
    case "SeqLit":
      return fresh(genFlatFor(env, e, type));
    default:
      throw new Error(`internal: ${e.kind} is not a composite value`);
  }
}
