// Public API: the phases wired together. loadModel runs parse -> check -> compile; checkSource
// also explores. Never throws on user input: problems come back as diagnostics.

import { hasErrors, makeDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import { parse } from "./syntax/index.js";
import { check } from "./check/index.js";
import { compile } from "./compile/index.js";
import { explore, type ExploreOptions } from "./explore/bfs.js";
import type { CheckResult } from "./explore/result.js";
import type { CheckedSpec } from "./check/checked.js";
import type { Model } from "./compile/model.js";

export type { Diagnostic } from "./diagnostics/diagnostic.js";
export type { CheckResult } from "./explore/result.js";
export type { Model } from "./compile/model.js";

export interface LoadOptions {
  /** `--const` overrides: NAME -> VALUE as written on the command line. */
  readonly constants?: Readonly<Record<string, string>>;
}

export interface Loaded {
  readonly model: Model | undefined;
  readonly checked: CheckedSpec | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses, checks and compiles a spec. Each phase runs only when the previous one had no errors. */
export function loadModel(text: string, fileName: string, options: LoadOptions = {}): Loaded {
  const diagnostics: Diagnostic[] = [];
  try {
    const parsed = parse(text, fileName);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ast || hasErrors(diagnostics)) return { model: undefined, checked: undefined, diagnostics };
    const checked = check(parsed.ast, { constants: options.constants ?? {} });
    diagnostics.push(...checked.diagnostics);
    if (!checked.checked || hasErrors(diagnostics)) return { model: undefined, checked: undefined, diagnostics };
    const compiled = compile(checked.checked);
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.model || hasErrors(diagnostics)) return { model: undefined, checked: checked.checked, diagnostics };
    return { model: compiled.model, checked: checked.checked, diagnostics };
  } catch (error) {
    diagnostics.push(internalError(error));
    return { model: undefined, checked: undefined, diagnostics };
  }
}

export interface CheckSourceResult extends Loaded {
  readonly result: CheckResult | undefined;
}

/** Loads a spec and explores it exhaustively (BFS). */
export function checkSource(
  text: string,
  fileName: string,
  options: LoadOptions & ExploreOptions = {},
): CheckSourceResult {
  const loaded = loadModel(text, fileName, options);
  if (!loaded.model) return { ...loaded, result: undefined };
  return { ...loaded, result: explore(loaded.model, options) };
}

/** An unexpected exception as an FL9001 diagnostic (with the first stack frame for the report). */
export function internalError(error: unknown): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return makeDiagnostic("FL9001", undefined, { detail });
}
