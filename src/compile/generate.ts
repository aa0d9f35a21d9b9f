// Assembles the generated JavaScript of one spec (steps, init, reset, properties) into a single
// module source and instantiates it once with `new Function`. The source is a pure function of
// the CheckedSpec, so every worker that compiles the same spec gets the same code.

import type { CheckedSpec } from "../check/checked.js";
import { genSteps, type StepMeta } from "./actions.js";
import { createNodeNamer } from "./codec.js";
import { CodeModule, type CompileContext } from "./gen-context.js";
import { genInit } from "./init.js";
import type { Layout } from "./layout.js";
import type { ActionInfo, PropertyInfo } from "./model.js";
import { genProperties, type GeneratedProperties } from "./properties.js";
import { createRuntime, toEvaluationError, type Runtime } from "./runtime.js";

type Emit = (actionId: number, next: Int32Array) => void;

/** The functions of a generated module. */
export interface GeneratedModule {
  /** Emits the protocol steps of `s` (scratch `n`, choice record `C`); returns how many. */
  successors(s: Int32Array, n: Int32Array, emit: Emit, C: Int32Array): number;
  init(n: Int32Array): void;
  reset(n: Int32Array, gid: number): void;
  checkState(s: Int32Array): number;
  checkTransition(s: Int32Array, t: Int32Array): number;
  checkReachable(s: Int32Array, reached: boolean[]): void;
  isEnd(s: Int32Array): boolean;
  /** Sets the array that sends append their message codes to (null: record nothing). */
  setRecorder(recorder: number[] | null): void;
  /**
   * Sets the array that an `observe` that loses a write appends to (null: record nothing): four
   * numbers per read, the history's index, the key's ordinal, the version read and the newest
   * version acknowledged then.
   */
  setObserver(observer: number[] | null): void;
  /**
   * For an invariant `forall x, y in D: P` (or nested foralls), the values bound to x, y, ... by
   * the first binding in domain order that makes P false in `s` (expression-level values: numbers,
   * booleans, set bits, flat values); null when none does or `property` is of another shape.
   */
  explain(s: Int32Array, property: number): unknown[] | null;
}

export interface Generated {
  readonly module: GeneratedModule;
  readonly source: string;
  readonly runtime: Runtime;
  readonly actions: ActionInfo[];
  readonly metas: StepMeta[];
  readonly properties: PropertyInfo[];
  readonly checksDeadlock: boolean;
  /** Bound names of each invariant `forall x, y in D: P`, by property index (see `explain`). */
  readonly binders: GeneratedProperties["binders"];
  readonly choiceSize: number;
}

/** `cp(s, n)`: copies a state; unrolled for small states, a loop otherwise. */
function genCopy(size: number): string {
  if (size > 32) return `function cp(s, n) { for (let i = 0; i < ${size}; i++) n[i] = s[i]; }`;
  return `function cp(s, n) { ${Array.from({ length: size }, (_, i) => `n[${i}] = s[${i}];`).join(" ")} }`;
}

/** Generates and instantiates the module of `checked` laid out as `layout`. */
export function generate(checked: CheckedSpec, layout: Layout): Generated {
  const mod = new CodeModule();
  const name = createNodeNamer(layout);
  const cx: CompileContext = { checked, layout, mod, name };
  const steps = genSteps(cx);
  genInit(cx);
  const props = genProperties(cx, steps.actions.length > 0);
  const calls = steps.functions.map((fn, aid) => `a = ${aid}; cnt += ${fn}(s, n, emit, C);`).join("\n");
  mod.addFunction(
    `function successors(s, n, emit, C) {\nlet cnt = 0, a = -1;\ntry {\n${calls}\n} catch (error) {\nthrow toEvaluationError(error, a);\n}\nreturn cnt;\n}`,
  );
  const runtime = createRuntime(mod.sites, name);
  const helpers = Object.keys(runtime).join(", ");
  const source = [
    `"use strict";`,
    `const { ${helpers} } = RT;`,
    `let REC = null, OBS = null;`,
    genCopy(layout.stateSize),
    mod.functionsSource(),
    `return { successors, init, reset, checkState, checkTransition, checkReachable, isEnd, explain, setRecorder(r) { REC = r; }, setObserver(r) { OBS = r; } };`,
  ].join("\n");
  const factory = new Function("RT", "K", "toEvaluationError", source) as (rt: Runtime, k: unknown[], te: typeof toEvaluationError) => GeneratedModule;
  const module = factory(runtime, mod.constants, toEvaluationError);
  return {
    module,
    source,
    runtime,
    actions: steps.actions,
    metas: steps.metas,
    properties: props.properties,
    checksDeadlock: props.checksDeadlock,
    binders: props.binders,
    choiceSize: steps.choiceSize,
  };
}
