// Loops over domains -> JavaScript source: a node family, a finite type, a range `lo..hi`, or a
// set's elements, always in ascending order (ascending ordinal), so exploration is deterministic.

import type * as ast from "../ast/nodes.js";
import type { Type } from "../check/types.js";
import { domainSize, isComposite } from "./flat-value.js";
import { genScalar } from "./expr.js";
import { genSet } from "./stored.js";
import { symbolOf, type Env } from "./gen-context.js";
import { setRepOf } from "./ops.js";

/** A loop binding `jsVar` to each value of the domain expression `domain`, around `body`. */
export function genLoop(env: Env, domain: ast.Expr, jsVar: string, body: string): string {
  const { mod } = env.cx;
  if (domain.kind === "RangeExpr") {
    const hi = mod.fresh("H");
    return `for (let ${jsVar} = ${genScalar(env, domain.low)}, ${hi} = ${genScalar(env, domain.high)}; ${jsVar} <= ${hi}; ${jsVar}++) {\n${body}\n}`;
  }
  if (domain.kind === "NameExpr") {
    const sym = symbolOf(env, domain);
    if (sym.kind === "family" || sym.kind === "typeName") return genTypeLoop(env, sym.type, jsVar, body);
  }
  const rep = setRepOf(env, domain);
  const bits = mod.fresh("S");
  const bit = mod.fresh("b");
  return `for (let ${bits} = ${genSet(env, domain, rep).code}; ${bits} !== 0; ${bits} &= ${bits} - 1) {\nconst ${bit} = 31 - Math.clz32(${bits} & -${bits});\nconst ${jsVar} = ${fromOrdinal(env, rep.elem, bit, rep.low)};\n${body}\n}`;
}

/** A loop over every value of a finite type, ascending. */
export function genTypeLoop(env: Env, type: Type, jsVar: string, body: string): string {
  switch (type.kind) {
    case "int":
      return `for (let ${jsVar} = ${type.low}; ${jsVar} <= ${type.high}; ${jsVar}++) {\n${body}\n}`;
    case "enum":
    case "node":
      return `for (let ${jsVar} = 0; ${jsVar} < ${domainSize(type)}; ${jsVar}++) {\n${body}\n}`;
    default: {
      const o = env.cx.mod.fresh("o");
      return `for (let ${o} = 0; ${o} < ${domainSize(type)}; ${o}++) {\nconst ${jsVar} = ${fromOrdinal(env, type, o, 0)};\n${body}\n}`;
    }
  }
}

/** The expression-level value of the element with ordinal `ord` (a JS name) of `type`. */
export function fromOrdinal(env: Env, type: Type, ord: string, low: number): string {
  if (type.kind === "int") return low === 0 ? ord : `(${ord} + ${low})`;
  if (type.kind === "bool") return `(${ord} === 1)`;
  if (isComposite(type)) return `fromOrd(${env.cx.mod.constant(type)}, ${ord})`;
  return ord;
}
