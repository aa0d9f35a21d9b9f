// Properties -> generated JavaScript: checkState (invariants, atmostonce, nolostwrites, in
// declaration order), checkTransition (primes read the next state `t`), checkReachable and
// isEnd (`end when`), and `explain` (the first counterexample binding of a `forall` invariant).
// Also decides whether deadlock is checked.

import type * as ast from "../ast/nodes.js";
import type { Type } from "../check/types.js";
import type { PropertyInfo } from "./model.js";
import { genLoop } from "./domains.js";
import { genScalar } from "./expr.js";
import { createEnv, withLocal, type CompileContext, type Env } from "./gen-context.js";
import { domainElementType } from "./ops.js";

export interface GeneratedProperties {
  readonly properties: PropertyInfo[];
  /** True when a `deadlock` property was added (last). */
  readonly checksDeadlock: boolean;
  /** For each invariant `forall x, y in D: P`, by property index: its bound names and their types. */
  readonly binders: ReadonlyMap<number, readonly Binder[]>;
}

/** A name bound by an invariant's leading `forall`s, and the type of its values. */
export interface Binder {
  readonly name: string;
  readonly type: Type;
}

/**
 * Generates `checkState(s)`, `checkTransition(s, t)`, `checkReachable(s, R)` and `isEnd(s)`.
 * Deadlock is checked when the spec has a protocol step and no `end when true`.
 */
export function genProperties(cx: CompileContext, hasProtocolSteps: boolean): GeneratedProperties {
  const { checked, layout, mod } = cx;
  const properties: PropertyInfo[] = [];
  const state: string[] = [];
  const transition: string[] = [];
  const reachable: string[] = [];
  const explain: string[] = [];
  const binders = new Map<number, readonly Binder[]>();
  checked.properties.forEach((p, index) => {
    properties.push({ name: p.name.name, kind: p.property });
    switch (p.property) {
      case "invariant": {
        state.push(`if (!(${genScalar(createEnv(cx, "s"), p.expr!)})) return ${index};`);
        const found = genCounterexample(cx, p.expr!);
        if (found) {
          explain.push(`case ${index}: {\n${found.code}\nreturn null;\n}`);
          binders.set(index, found.binders);
        }
        break;
      }
      case "reachable":
        reachable.push(`if (!R[${index}] && (${genScalar(createEnv(cx, "s"), p.expr!)})) R[${index}] = true;`);
        break;
      case "transition":
        transition.push(`if (!(${genScalar(createEnv(cx, "s", "t"), p.expr!)})) return ${index};`);
        break;
      case "atmostonce": {
        const effect = layout.effects.find((e) => e.name === p.name.name);
        if (!effect) throw new Error(`internal: unknown effect ${p.name.name}`);
        state.push(`for (let k = ${effect.base}; k < ${effect.base + effect.count}; k++) if (s[k] >= 2) return ${index};`);
        break;
      }
      case "nolostwrites": {
        const history = layout.histories.find((h) => h.name === p.name.name);
        if (!history) throw new Error(`internal: unknown history ${p.name.name}`);
        state.push(`if (s[${history.lost}] !== 0) return ${index};`);
        break;
      }
    }
  });
  const endsTrue = checked.ends.some((e) => isTrue(e.expr));
  const checksDeadlock = hasProtocolSteps && !endsTrue;
  if (checksDeadlock) properties.push({ name: "deadlock", kind: "deadlock" });
  const ends = checksDeadlock ? checked.ends.map((e) => `(${genScalar(createEnv(cx, "s"), e.expr)})`) : ["true"];
  mod.addFunction(`function checkState(s) {\n${state.join("\n")}\nreturn -1;\n}`);
  mod.addFunction(`function checkTransition(s, t) {\n${transition.join("\n")}\nreturn -1;\n}`);
  mod.addFunction(`function checkReachable(s, R) {\n${reachable.join("\n")}\n}`);
  mod.addFunction(`function isEnd(s) {\nreturn ${ends.length === 0 ? "false" : ends.join(" || ")};\n}`);
  mod.addFunction(`function explain(s, p) {\nswitch (p) {\n${explain.join("\n")}\n}\nreturn null;\n}`);
  return { properties, checksDeadlock, binders };
}

/**
 * For `forall x, y in D: forall z in E: P`: loops (in domain order) that return the values of
 * x, y, z as an array at the first binding that makes P false. Undefined for other shapes.
 */
function genCounterexample(cx: CompileContext, expr: ast.Expr): { code: string; binders: Binder[] } | undefined {
  if (expr.kind !== "QuantExpr" || expr.quantifier !== "forall") return undefined;
  const binders: Binder[] = [];
  const js: string[] = [];
  const levels: { env: Env; domain: ast.Expr; vars: string[] }[] = [];
  let env = createEnv(cx, "s");
  let e: ast.Expr = expr;
  while (e.kind === "QuantExpr" && e.quantifier === "forall") {
    const type = domainElementType(env, e.domain);
    const level = { env, domain: e.domain, vars: [] as string[] };
    for (const ident of e.names) {
      const name = cx.mod.fresh("B");
      env = withLocal(env, ident.id, { js: name, type });
      level.vars.push(name);
      js.push(name);
      binders.push({ name: ident.name, type });
    }
    levels.push(level);
    e = e.body;
  }
  let code = `if (!(${genScalar(env, e)})) return [${js.join(", ")}];`;
  for (let l = levels.length - 1; l >= 0; l--) {
    const { env: outer, domain, vars } = levels[l]!;
    for (let i = vars.length - 1; i >= 0; i--) code = genLoop(outer, domain, vars[i]!, code);
  }
  return { code, binders };
}

function isTrue(e: ast.Expr): boolean {
  return e.kind === "BoolLit" && e.value;
}
