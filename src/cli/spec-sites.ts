// Where in the spec a run's findings point: the expression (or else the handler or action) whose
// evaluation failed, and the steps that never fired (FL6001). Spans come from the compiled model.

import { EvaluationError, type Model } from "../compile/model.js";
import { makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import type { CheckResult } from "../explore/result.js";
import type { Replayed } from "../explore/trace.js";

/**
 * For an evaluation error, the span of what failed: expanding the last state of the replayed
 * path again throws the same EvaluationError (models are deterministic), which names the failing
 * expression when the check knows it; else the span of the action that failed.
 */
export function failureSpan(model: Model, result: CheckResult, run: Replayed | undefined): Span | undefined {
  if (result.outcome !== "error" || result.error === undefined) return undefined;
  const actionSpan = (id: number | undefined) => (id === undefined ? undefined : model.actions[id]?.span);
  const last = run?.states[run.states.length - 1];
  if (last === undefined) return actionSpan(result.error.actionId);
  try {
    model.successors(last, () => {});
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return error.span ?? actionSpan(error.actionId) ?? actionSpan(result.error.actionId);
  }
  return actionSpan(result.error.actionId);
}

/** FL6001, at its declaration, for every handler, timer or action that never fired in an exhaustive search. */
export function coverageWarnings(model: Model, result: CheckResult): Diagnostic[] {
  if (result.outcome !== "ok" && result.outcome !== "unreached") return [];
  const warnings: Diagnostic[] = [];
  result.coverage.forEach((c, i) => {
    if (c.count !== 0 || (c.kind !== "deliver" && c.kind !== "timer" && c.kind !== "action")) return;
    const what = c.kind === "deliver" ? "handler" : c.kind;
    const notes = [{ message: "add a `reachable` property to see why, or check the guards" }];
    warnings.push(makeDiagnostic("FL6001", model.actions[i]?.span, { what, name: c.label }, notes));
  });
  return warnings;
}
