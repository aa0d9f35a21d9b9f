// How a search ended, as a CheckResult: the stop reasons the explorers share (bfs.ts,
// parallel-bfs.ts, random-walk.ts) and summarize(), which turns one into the result.

import type { EvaluationError, Model } from "../compile/model.js";
import type { CheckResult, LimitKind } from "./result.js";
import { encodeReplay } from "./trace.js";

/** Why the search stopped before exhausting the state space (every explorer). */
export type Stop =
  | { readonly kind: "violation"; readonly property: number; readonly path: number[] }
  | { readonly kind: "deadlock"; readonly path: number[] }
  | { readonly kind: "limit"; readonly limit: LimitKind }
  | { readonly kind: "error"; readonly error: EvaluationError; readonly path: number[]; readonly emittedBefore: number };

export type ResultBase = Pick<CheckResult, "stats" | "coverage">;

/** Turns the stop reason (undefined: exhausted) into a CheckResult. */
export function summarize(model: Model, stop: Stop | undefined, base: ResultBase, unreached: string[]): CheckResult {
  if (stop === undefined) {
    return unreached.length > 0 ? { outcome: "unreached", ...base, unreached } : { outcome: "ok", ...base };
  }
  switch (stop.kind) {
    case "violation": {
      const property = model.properties[stop.property];
      if (property === undefined) throw new Error(`internal: the model reported unknown property ${stop.property}`);
      const violation = { property: property.name, kind: property.kind, path: stop.path, token: encodeReplay(stop.path) };
      return { outcome: "violation", ...base, violation };
    }
    case "deadlock": {
      const name = model.properties.find((p) => p.kind === "deadlock")?.name ?? "deadlock";
      const violation = { property: name, kind: "deadlock" as const, path: stop.path, token: encodeReplay(stop.path) };
      return { outcome: "deadlock", ...base, violation };
    }
    case "limit": {
      const limited = { outcome: "limit" as const, ...base, limit: stop.limit };
      return unreached.length > 0 ? { ...limited, unreached } : limited;
    }
    case "error": {
      const { error, path, emittedBefore } = stop;
      const action = model.actions[error.actionId]?.label ?? `action ${error.actionId}`;
      return {
        outcome: "error",
        ...base,
        error: {
          code: error.code,
          message: error.message,
          actionId: error.actionId,
          action,
          path,
          token: encodeReplay(path),
          emittedBefore,
        },
      };
    }
  }
}
