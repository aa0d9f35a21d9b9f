// Parses, checks and compiles a spec source for compile/ tests; fails loudly on any diagnostic.

import { check } from "../../src/check/index.js";
import { compile, type CompileOptions } from "../../src/compile/index.js";
import type { CompiledModel } from "../../src/compile/compiled-model.js";
import { parse } from "../../src/syntax/index.js";

/** The compiled model of `source` with `constants` overridden; throws listing any diagnostics. */
export function compileSource(
  source: string,
  constants: Record<string, string> = {},
  fileName = "test.fl",
  options: CompileOptions = {},
): CompiledModel {
  const parsed = parse(source, fileName);
  if (!parsed.ast) throw new Error(`parse failed:\n${parsed.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  const checked = check(parsed.ast, { constants });
  if (!checked.checked) throw new Error(`check failed:\n${checked.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  const compiled = compile(checked.checked, options);
  if (!compiled.model) throw new Error(`compile failed:\n${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  return compiled.model;
}

/** Diagnostics codes of compiling `source` (parse and check must succeed). */
export function compileCodes(source: string, constants: Record<string, string> = {}): string[] {
  const parsed = parse(source, "test.fl");
  if (!parsed.ast) throw new Error(`parse failed: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  const checked = check(parsed.ast, { constants });
  if (!checked.checked) throw new Error(`check failed: ${checked.diagnostics.map((d) => d.message).join("; ")}`);
  return compile(checked.checked).diagnostics.map((d) => d.code);
}

/** `state` (as the model's methods take it) in the wide layout of `model.layout`. */
export function wideState(model: CompiledModel, state: Int32Array): Int32Array {
  if (!model.packing) return state.slice();
  const wide = new Int32Array(model.layout.stateSize);
  model.packing.unpack(state, wide);
  return wide;
}

/** A wide state (layout.ts) as the model's methods take it. */
export function modelState(model: CompiledModel, wide: Int32Array): Int32Array {
  if (!model.packing) return wide.slice();
  const state = new Int32Array(model.stateSize);
  model.packing.pack(wide, state);
  return state;
}
