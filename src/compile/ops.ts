// Operators, built-in calls, set literals and quantifiers -> JavaScript source, plus the integer
// intervals that let the generator leave out range checks that can never fail.

import type * as ast from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { exprText } from "../check/expr-text.js";
import type { SetType, Type } from "../check/types.js";
import { isComposite, widthOf } from "./flat-value.js";
import { genLoop } from "./domains.js";
import { genLoc, genScalar } from "./expr.js";
import { genOrd, genSet, genStored, sameLayout } from "./stored.js";
import { repOf, symbolOf, typeOf, withLocal, type Env, type SetRep } from "./gen-context.js";

/** A binary operator; sets use | (+), & ~ (-), & (*), bit tests (in) and subset tests (<=). */
export function genBinary(env: Env, e: ast.BinaryExpr): string {
  const l = (): string => genScalar(env, e.left);
  const r = (): string => genScalar(env, e.right);
  switch (e.op) {
    case "and":
      return `(${l()} && ${r()})`;
    case "or":
      return `(${l()} || ${r()})`;
    case "implies":
      return `(!${l()} || ${r()})`;
    case "==":
    case "!=":
      return genEquality(env, e);
    case "in":
    case "notin": {
      const test = genIn(env, e.left, e.right);
      return e.op === "in" ? test : `!${test}`;
    }
    default:
      break;
  }
  const leftType = typeOf(env, e.left);
  if (leftType.kind === "set") {
    const rep = commonRep(env, e.left, e.right);
    const a = genSet(env, e.left, rep).code;
    const b = genSet(env, e.right, rep).code;
    switch (e.op) {
      case "+":
        return `(${a} | ${b})`;
      case "-":
        return `(${a} & ~${b})`;
      case "*":
        return `(${a} & ${b})`;
      case "<=":
        return `((${a} & ~${b}) === 0)`;
      case ">=":
        return `((${b} & ~${a}) === 0)`;
      case "<":
        return `subsetLt(${a}, ${b})`;
      case ">":
        return `subsetLt(${b}, ${a})`;
      default:
        throw new Error(`internal: ${e.op} on sets`);
    }
  }
  switch (e.op) {
    case "/":
      return `div(${l()}, ${r()})`;
    case "%":
      return `mod(${l()}, ${r()})`;
    default:
      return `(${l()} ${e.op} ${r()})`;
  }
}

/**
 * The representation of a set-valued expression: its type's, except that a literal of ints
 * whose type has no bounds (`{-1, 5}`) starts at its smallest element.
 */
export function setRepOf(env: Env, e: ast.Expr): SetRep {
  const rep = repOf(typeOf(env, e) as SetType);
  if (e.kind !== "SetLit" || rep.elem.kind !== "int" || Number.isFinite(rep.elem.low) || e.elements.length === 0) return rep;
  const bounds = e.elements.map((x) => intervalOf(env, x));
  const low = Math.min(...bounds.map(([lo]) => lo));
  const high = Math.max(...bounds.map(([, hi]) => hi));
  if (!Number.isFinite(low) || !Number.isFinite(high) || high - low >= 31) return rep;
  return { elem: rep.elem, low, n: high - low + 1 };
}

/** The representation two set operands are combined in: the first finite one. */
function commonRep(env: Env, a: ast.Expr, b: ast.Expr): SetRep {
  const ra = setRepOf(env, a);
  const tb = typeOf(env, b);
  if (tb.kind !== "set") return ra;
  const rb = setRepOf(env, b);
  const unbounded = (t: Type): boolean => t.kind === "int" && !Number.isFinite(t.low);
  return unbounded(ra.elem) && !unbounded(rb.elem) ? rb : ra;
}

function genEquality(env: Env, e: ast.BinaryExpr): string {
  const eq = e.op === "==";
  const lt = typeOf(env, e.left);
  const rt = typeOf(env, e.right);
  if (lt.kind === "set") {
    const rep = commonRep(env, e.left, e.right);
    return `(${genSet(env, e.left, rep).code} ${eq ? "===" : "!=="} ${genSet(env, e.right, rep).code})`;
  }
  if (isComposite(lt)) {
    const a = genLoc(env, e.left);
    const b = genLoc(env, e.right);
    const same = sameLayout(lt, rt);
    const { mod } = env.cx;
    const test = same
      ? `eqFlat(${a.arr}, ${a.off}, ${b.arr}, ${b.off}, ${widthOf(lt)})`
      : `eqConv(${mod.constant(lt)}, ${a.arr}, ${a.off}, ${mod.constant(rt)}, ${b.arr}, ${b.off})`;
    return eq ? test : `!${test}`;
  }
  return `(${genScalar(env, e.left)} ${eq ? "===" : "!=="} ${genScalar(env, e.right)})`;
}

/** `x in D` for a set, a range or a type name. */
function genIn(env: Env, x: ast.Expr, domain: ast.Expr): string {
  if (domain.kind === "RangeExpr") {
    return `inRange(${genScalar(env, x)}, ${genScalar(env, domain.low)}, ${genScalar(env, domain.high)})`;
  }
  if (domain.kind === "NameExpr") {
    const sym = symbolOf(env, domain);
    if (sym.kind === "family") return "true";
    if (sym.kind === "typeName") {
      const t = sym.type;
      return t.kind === "int" ? `inRange(${genScalar(env, x)}, ${t.low}, ${t.high})` : "true";
    }
  }
  if (domain.kind === "SetLit" && !isComposite(typeOf(env, x))) {
    if (domain.elements.length === 0) return "false";
    // Pure expressions: testing x against each element is `in` without building the set.
    const v = genScalar(env, x);
    return `(${domain.elements.map((el) => `${v} === ${genScalar(env, el)}`).join(" || ")})`;
  }
  const rep = setRepOf(env, domain);
  const bits = genSet(env, domain, rep).code;
  const elem = rep.elem;
  if (elem.kind === "int") {
    const v = genScalar(env, x);
    const [lo, hi] = intervalOf(env, x);
    if (lo >= rep.low && hi < rep.low + rep.n) return `(((${bits} >>> (${v} - ${rep.low})) & 1) === 1)`;
    return `inBits(${bits}, ${v} - ${rep.low}, ${rep.n})`;
  }
  if (elem.kind === "bool") return `(((${bits} >>> (${genScalar(env, x)} ? 1 : 0)) & 1) === 1)`;
  if (elem.kind === "enum" || elem.kind === "node" || elem.kind === "set") {
    return `(((${bits} >>> ${genScalar(env, x)}) & 1) === 1)`;
  }
  return `inBits(${bits}, ${genOrd(env, x, elem, exprText(x))}, ${rep.n})`;
}

/** `{a, b}` in representation `rep`; element ordinals are checked when they could fall outside. */
export function genSetLit(env: Env, e: ast.SetLit, rep: SetRep): { code: string; safe: boolean } {
  if (e.elements.length === 0) return { code: "0", safe: true };
  const bits = e.elements.map((x) => {
    if (rep.elem.kind === "int") {
      const v = genScalar(env, x);
      const [lo, hi] = intervalOf(env, x);
      if (lo >= rep.low && hi < rep.low + rep.n) return `(1 << (${v} - ${rep.low}))`;
      const site = env.cx.mod.site(`element ${exprText(x)}`, `${rep.low}..${rep.low + rep.n - 1}`, x.span);
      return `(1 << (chk(${v}, ${rep.low}, ${rep.low + rep.n - 1}, ${site}) - ${rep.low}))`;
    }
    return `(1 << ${genOrd(env, x, rep.elem, `element ${exprText(x)}`)})`;
  });
  return { code: `(${bits.join(" | ")})`, safe: true };
}

/** Built-in functions: size, len, head, tail, append, min, max, abs. */
export function genCall(env: Env, e: ast.CallExpr): string {
  const [a, b] = e.args;
  if (!a) throw new Error(`internal: ${e.callee.name}() without arguments`);
  const at = typeOf(env, a);
  switch (e.callee.name) {
    case "size":
      return `popcnt(${genScalar(env, a)})`;
    case "len": {
      const loc = genLoc(env, a);
      return `${loc.arr}[${loc.off}]`;
    }
    case "head": {
      if (at.kind !== "seq") throw new Error("internal: head of a non-sequence");
      const loc = genLoc(env, a);
      if (isComposite(at.element)) return `seqHeadFlat(${loc.arr}, ${loc.off}, ${widthOf(at.element)})`;
      const read = `seqHead(${loc.arr}, ${loc.off})`;
      return at.element.kind === "bool" ? `(${read} === 1)` : read;
    }
    case "tail": {
      if (at.kind !== "seq") throw new Error("internal: tail of a non-sequence");
      const loc = genLoc(env, a);
      return `seqTail(${loc.arr}, ${loc.off}, ${at.max}, ${widthOf(at.element)})`;
    }
    case "append": {
      if (at.kind !== "seq" || !b) throw new Error("internal: bad append");
      const loc = genLoc(env, a);
      const item = genStored(env, b, at.element, `element of ${exprText(e)}`);
      return `seqAppend(${loc.arr}, ${loc.off}, ${at.max}, ${widthOf(at.element)}, ${item})`;
    }
    case "min":
    case "max": {
      if (b) return `Math.${e.callee.name}(${genScalar(env, a)}, ${genScalar(env, b)})`;
      const rep = repOf(at as SetType);
      return `set${e.callee.name === "min" ? "Min" : "Max"}(${genScalar(env, a)}, ${rep.low})`;
    }
    case "abs":
      return `Math.abs(${genScalar(env, a)})`;
    default:
      throw new Error(`internal: unknown function ${e.callee.name}`);
  }
}

/**
 * `forall`/`exists`: a hoisted function over the names in scope, looping over the domain. With
 * several names, the body is split into terms (the disjuncts of a `forall`'s body, the conjuncts
 * of an `exists`'s; see quantTerms) and a leading term that reads only the outer names is tested
 * in the outer loop, so `forall a, b in RM: not (a.state == Aborted and b.state == Committed)`
 * runs its inner loop only for aborted `a`s. Terms keep their order and each is evaluated where
 * the plain loop would first evaluate it (the names share one domain, so an outer iteration always
 * has inner ones): results and evaluation errors are those of the unsplit body.
 */
export function genQuant(env: Env, e: ast.QuantExpr): string {
  const { mod } = env.cx;
  const name = mod.fresh("Q");
  const type = domainElementType(env, e.domain);
  // envs[i]: the names bound by loops 0..i.
  const envs: Env[] = [];
  const vars = e.names.map((ident) => {
    const js = mod.fresh("B");
    envs.push(withLocal(envs.at(-1) ?? env, ident.id, { js, type }));
    return js;
  });
  const forall = e.quantifier === "forall";
  const innermost = vars.length - 1;
  const terms = vars.length > 1 ? quantTerms(e.body, forall) : [{ expr: e.body, negate: false }];
  // Step 1: Place each leading term at the loop of the innermost name it reads, or deeper when an
  // earlier term is (so terms are still evaluated in order), until one needs the innermost loop.
  const atLoop: string[][] = vars.map(() => []);
  let level = 0;
  let at = 0;
  for (; at < terms.length && vars.length > 1; at++) {
    const reads = Math.max(level, innermostNameRead(env, terms[at]!.expr, e.names));
    if (reads === innermost) break;
    level = reads;
    const test = genTerm(envs[level]!, terms[at]!);
    atLoop[level]!.push(forall ? `if (${test}) continue;` : `if (!${test}) continue;`);
  }
  const rest = terms.slice(at).map((t) => genTerm(envs[innermost]!, t));
  // Step 2: The innermost test decides the quantifier; then the loops, innermost first.
  let code: string;
  if (rest.length === 0) code = forall ? "return false;" : "return true;";
  else code = forall ? `if (!(${rest.join(" || ")})) return false;` : `if (${rest.join(" && ")}) return true;`;
  for (let i = innermost; i >= 0; i--) code = genLoop(env, e.domain, vars[i]!, [...atLoop[i]!, code].join("\n"));
  mod.addFunction(`function ${name}(${env.names.join(", ")}) {\n${code}\nreturn ${forall};\n}`);
  return `${name}(${env.names.join(", ")})`;
}

/** A part of a quantifier's body: `expr`, or its negation. */
interface QuantTerm {
  readonly expr: ast.Expr;
  readonly negate: boolean;
}

/**
 * The terms of a quantifier's body, in evaluation order: for `forall`, disjuncts (the body holds
 * when one does), for `exists`, conjuncts (it fails when one does). `or`, `and`, `implies` and
 * `not` are taken apart by De Morgan's laws, in the order their generated code evaluates them.
 */
function quantTerms(body: ast.Expr, forall: boolean): QuantTerm[] {
  const join = forall ? "or" : "and";
  const out: QuantTerm[] = [];
  const visit = (e: ast.Expr, negate: boolean): void => {
    if (e.kind === "UnaryExpr" && e.op === "not") return visit(e.operand, !negate);
    if (e.kind === "BinaryExpr") {
      // Under negation, `a and b` is `not a or not b`, `a or b` is `not a and not b`.
      const op = negate ? { and: "or", or: "and", implies: "and" }[e.op as string] : e.op === "implies" ? "or" : e.op;
      if (op === join && (e.op === "and" || e.op === "or" || e.op === "implies")) {
        // `a implies b` is `not a or b`; negated, `a and not b`.
        visit(e.left, e.op === "implies" ? !negate : negate);
        visit(e.right, negate);
        return;
      }
    }
    out.push({ expr: e, negate });
  };
  visit(body, false);
  return out;
}

function genTerm(env: Env, term: QuantTerm): string {
  const code = genScalar(env, term.expr);
  return term.negate ? `!(${code})` : code;
}

/** The index in `names` of the last of them that `e` reads (0 when it reads none). */
function innermostNameRead(env: Env, e: ast.Expr, names: readonly ast.Ident[]): number {
  let last = 0;
  walk(e, {
    enter(node) {
      if (node.kind !== "NameExpr") return;
      const sym = symbolOf(env, node);
      if (sym.kind !== "bound") return;
      const i = names.findIndex((n) => n.id === sym.binder.id);
      if (i > last) last = i;
    },
  });
  return last;
}

/** The type of the values a domain (family, type name, range, set) ranges over. */
export function domainElementType(env: Env, domain: ast.Expr): Type {
  if (domain.kind === "RangeExpr") {
    const [lo] = intervalOf(env, domain.low);
    const [, hi] = intervalOf(env, domain.high);
    return { kind: "int", low: lo, high: hi };
  }
  if (domain.kind === "NameExpr") {
    const sym = symbolOf(env, domain);
    if (sym.kind === "family") return sym.type;
    if (sym.kind === "typeName") return sym.type;
  }
  const type = typeOf(env, domain);
  if (type.kind !== "set") throw new Error(`internal: domain of type ${type.kind}`);
  return type.element;
}

/** Bounds on the values of an integer expression (±Infinity when unknown). */
export function intervalOf(env: Env, e: ast.Expr): [number, number] {
  switch (e.kind) {
    case "IntLit":
      return [e.value, e.value];
    case "UnaryExpr": {
      if (e.op !== "-") break;
      const [lo, hi] = intervalOf(env, e.operand);
      return [-hi, -lo];
    }
    case "BinaryExpr": {
      if (e.op !== "+" && e.op !== "-" && e.op !== "*") break;
      if (typeOf(env, e).kind !== "int") break;
      const [a, b] = intervalOf(env, e.left);
      const [c, d] = intervalOf(env, e.right);
      if (e.op === "+") return [a + c, b + d];
      if (e.op === "-") return [a - d, b - c];
      const products = [a * c, a * d, b * c, b * d].map((x) => (Number.isNaN(x) ? 0 : x));
      return [Math.min(...products), Math.max(...products)];
    }
    case "CondExpr": {
      const [a, b] = intervalOf(env, e.then);
      const [c, d] = intervalOf(env, e.otherwise);
      return [Math.min(a, c), Math.max(b, d)];
    }
    case "CallExpr": {
      const [x, y] = e.args;
      if ((e.callee.name === "min" || e.callee.name === "max") && x && y) {
        const [a, b] = intervalOf(env, x);
        const [c, d] = intervalOf(env, y);
        return e.callee.name === "min" ? [Math.min(a, c), Math.min(b, d)] : [Math.max(a, c), Math.max(b, d)];
      }
      if (e.callee.name === "size" && x) return [0, repOf(typeOf(env, x) as SetType).n];
      if (e.callee.name === "len" && x) {
        const t = typeOf(env, x);
        if (t.kind === "seq") return [0, t.max];
      }
      break;
    }
    case "NameExpr": {
      const sym = symbolOf(env, e);
      if (sym.kind === "const" && typeof sym.value === "number") return [sym.value, sym.value];
      if (sym.kind === "param" || sym.kind === "let" || sym.kind === "bound") {
        const local = env.locals.get(sym.kind === "bound" ? sym.binder.id : sym.decl.id);
        if (local?.type.kind === "int") return [local.type.low, local.type.high];
      }
      break;
    }
    default:
      break;
  }
  const type = typeOf(env, e);
  if (type.kind === "int") return [type.low, type.high];
  if (type.kind === "node") return [0, type.count - 1];
  return [-Infinity, Infinity];
}
