// Properties -> generated JavaScript: checkState (invariants, atmostonce, nolostwrites, in
// declaration order), checkTransition (primes read the next state `t`), checkReachable and
// isEnd (`end when`). Also decides whether deadlock is checked.

import type * as ast from "../ast/nodes.js";
import type { PropertyInfo } from "./model.js";
import { genScalar } from "./expr.js";
import { createEnv, type CompileContext } from "./gen-context.js";

export interface GeneratedProperties {
  readonly properties: PropertyInfo[];
  /** True when a `deadlock` property was added (last). */
  readonly checksDeadlock: boolean;
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
  checked.properties.forEach((p, index) => {
    properties.push({ name: p.name.name, kind: p.property });
    switch (p.property) {
      case "invariant":
        state.push(`if (!(${genScalar(createEnv(cx, "s"), p.expr!)})) return ${index};`);
        break;
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
  return { properties, checksDeadlock };
}

function isTrue(e: ast.Expr): boolean {
  return e.kind === "BoolLit" && e.value;
}
