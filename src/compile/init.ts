// The initial state and node restarts -> generated JavaScript: every var gets its declared
// initial value (or its type's default), nodes start up, budgets full, the network empty.
// `reset(n, gid)` re-runs the initializers of a node's non-durable vars and marks it up.

import { writeDefault, isComposite } from "./flat-value.js";
import { genFlatFor, genStored } from "./stored.js";
import { addOffset, createEnv, withSelf, type CompileContext, type Env } from "./gen-context.js";
import type { VarLayout } from "./layout.js";

/** Generates `init(n)` and `reset(n, gid)`; returns their names. */
export function genInit(cx: CompileContext): { init: string; reset: string } {
  const { layout } = cx;
  const lines: string[] = [];
  for (const family of layout.families) {
    const env = withSelf(createEnv(cx, "n"), { family, idx: "i", gid: "g", base: "sb" });
    const vars = family.vars.map((v) => genVarInit(env, v, addOffset("sb", v.offset))).join("\n");
    const up = family.upOffset >= 0 ? `n[sb + ${family.upOffset}] = 1;` : "";
    lines.push(`for (let i = 0; i < ${family.count}; i++) {\nconst g = ${family.firstGid} + i, sb = ${family.base} + i * ${family.stride};\n${vars}\n${up}\n}`);
  }
  const env = createEnv(cx, "n");
  for (const v of layout.specVars) lines.push(genVarInit(env, v, String(v.offset)));
  const net = layout.network;
  if (net.kind !== "duplicating") lines.push(`n.fill(-1, ${net.base}, ${net.base + net.size});`);
  for (const [kind, slot] of layout.budgets) lines.push(`n[${slot}] = ${cx.checked.faults[kind]};`);
  for (const h of layout.histories) lines.push(`n.fill(${h.version.low - 1}, ${h.base}, ${h.base + h.keys});`);
  cx.mod.addFunction(`function init(n) {\nn.fill(0);\n${lines.join("\n")}\n}`);

  const resets = layout.families.map((family) => {
    const env = withSelf(createEnv(cx, "n"), { family, idx: "i", gid: "g", base: "sb" });
    const vars = family.vars.filter((v) => !v.durable).map((v) => genVarInit(env, v, addOffset("sb", v.offset)));
    const up = family.upOffset >= 0 ? `n[sb + ${family.upOffset}] = 1;` : "";
    return `if (gid < ${family.firstGid + family.count}) {\nconst g = gid, i = gid - ${family.firstGid}, sb = ${family.base} + i * ${family.stride};\n${vars.join("\n")}\n${up}\nreturn;\n}`;
  });
  cx.mod.addFunction(`function reset(n, gid) {\n${resets.join("\n")}\n}`);
  return { init: "init", reset: "reset" };
}

/** Writes the initial value of `v` at slot `off` (a JS expression) of `n`. */
function genVarInit(env: Env, v: VarLayout, off: string): string {
  const { mod } = env.cx;
  if (v.decl.init) {
    if (isComposite(v.type)) return `copyFlat(n, ${off}, ${genFlatFor(env, v.decl.init, v.type)}, 0, ${v.width});`;
    return `n[${off}] = ${genStored(env, v.decl.init, v.type, v.name)};`;
  }
  const value = new Int32Array(v.width);
  writeDefault(v.type, value, 0);
  if (v.width === 1) return `n[${off}] = ${value[0]};`;
  return `copyFlat(n, ${off}, ${mod.constant(value)}, 0, ${v.width});`;
}
