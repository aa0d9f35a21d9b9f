// compile(checked): CheckedSpec -> Model. Lays out the state, generates and instantiates the
// JavaScript of every step and property, adds fault steps, symmetry reduction and state packing.
// Deterministic: the same input gives the same layout, action order and generated code. Reports
// FL4xxx.

import type { CheckedSpec } from "../check/checked.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createNodeNamer } from "./codec.js";
import { CompiledModel } from "./compiled-model.js";
import { createFaultSteps } from "./faults.js";
import { generate } from "./generate.js";
import { computeLayout } from "./layout.js";
import type { Model } from "./model.js";
import { createStatePacking } from "./state-packing.js";
import { createCanonicalizer, groupSize, MAX_PERMUTATIONS } from "./symmetry.js";

/** Most nodes a spec with partition faults may have (partitions are enumerated). */
export const MAX_PARTITION_NODES = 16;

export interface CompileResult {
  /** Defined exactly when `diagnostics` holds no error. */
  readonly model: CompiledModel | undefined;
  readonly diagnostics: Diagnostic[];
}

export interface CompileOptions {
  /**
   * Pack small fields of the state into shared slots (state-packing.ts) when that saves slots.
   * Default true; false keeps the wide layout (for tests and measurements). Counts are the same.
   */
  readonly packStates?: boolean;
}

/** Compiles a checked spec into a Model. Never throws on user input; a bug becomes FL9001. */
export function compile(checked: CheckedSpec, options: CompileOptions = {}): CompileResult {
  const { layout, diagnostics } = computeLayout(checked);
  if (!layout) return { model: undefined, diagnostics };
  const group = groupSize(layout);
  if (group > MAX_PERMUTATIONS) {
    const span = layout.families.find((f) => f.symmetric && f.count > 1)?.checked.decl.span ?? checked.ast.span;
    const notes = [{ message: "every permutation of the nodes of each `symmetric` family counts; drop `symmetric` or use fewer nodes" }];
    diagnostics.push(makeDiagnostic("FL4003", span, { size: group, limit: MAX_PERMUTATIONS }, notes));
  }
  if (layout.budgets.has("partition") && layout.nodeCount > MAX_PARTITION_NODES) {
    const span = checked.ast.decls.find((d) => d.kind === "FaultsDecl")?.span ?? checked.ast.span;
    diagnostics.push(makeDiagnostic("FL4004", span, { count: layout.nodeCount, limit: MAX_PARTITION_NODES }));
  }
  if (diagnostics.length > 0) return { model: undefined, diagnostics };
  try {
    const gen = generate(checked, layout);
    const name = createNodeNamer(layout);
    const faults = createFaultSteps(layout, gen.runtime, (n, gid) => gen.module.reset(n, gid));
    const packing = options.packStates === false ? undefined : createStatePacking(layout, checked.faults);
    const model = new CompiledModel(layout, gen, faults, createCanonicalizer(layout), name, packing);
    return { model, diagnostics };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { model: undefined, diagnostics: [makeDiagnostic("FL9001", checked.ast.span, { detail: `compile failed: ${detail}` })] };
  }
}

export type { Model };
