// Replay paths and traces: a ReplayPath names a run of the model by successor ordinals, its token
// is the text users pass to `--replay`, and replay()/buildTrace() re-run the model along it.
// Printing a trace is left to report/.

import type { Model, PackedState, StepDescription } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";

/**
 * A run of the model: `path[0]` is the position of the initial state in `Model.initialStates()`,
 * and each later entry is the ordinal (0-based, in emit order) of the successor taken from the
 * state before. A path of length k + 1 has k steps. Valid only for the spec (and constants) it
 * was made from, because ordinals follow the model's deterministic successor order.
 */
export type ReplayPath = readonly number[];

/** The token separator: `/` needs no quoting in sh, bash, zsh, fish or PowerShell. */
const SEPARATOR = "/";
const MAX_ORDINAL = 0x7fffffff;

/** Encodes a path as its token: the entries in decimal joined by `/`, e.g. `0/2/1`. */
export function encodeReplay(path: ReplayPath): string {
  return path.join(SEPARATOR);
}

/**
 * Parses a token made by `encodeReplay` into its path. Never throws: a malformed token gives a
 * string instead, a message that completes "replay token `...` <message>".
 */
export function decodeReplay(token: string): number[] | string {
  if (token.length === 0) return "is empty: expected numbers separated by `/`, like `0/2/1`";
  const parts = token.split(SEPARATOR);
  const path: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!/^[0-9]+$/.test(part)) {
      const what = part.length === 0 ? "an empty entry" : `\`${part}\``;
      return `has ${what} at position ${i + 1}: expected numbers separated by \`/\`, like \`0/2/1\``;
    }
    const value = Number(part);
    if (value > MAX_ORDINAL) return `has the number ${part} at position ${i + 1}, larger than ${MAX_ORDINAL}`;
    path.push(value);
  }
  return path;
}

/** A path re-run on a model: `states[0]` is the initial state and `steps[i]` leads to `states[i + 1]`. */
export interface Replayed {
  readonly states: PackedState[];
  readonly steps: StepDescription[];
}

const SPEC_CHANGED = "the spec changed since this token was made";

/**
 * Re-runs `path` on `model`. Never throws on a bad path: an ordinal out of range, or an
 * EvaluationError raised along the way, gives instead a message naming the step (it completes
 * "replay token `...` <message>"). Deterministic.
 */
export function replay(model: Model, path: ReplayPath): Replayed | string {
  if (path.length === 0) return "is empty: it must name at least an initial state";
  const initial = model.initialStates();
  const first = path[0]!;
  const start = initial[first];
  if (start === undefined) {
    return `starts from initial state ${first}, but the spec has ${initial.length} initial state(s): ${SPEC_CHANGED}`;
  }
  const states: PackedState[] = [Int32Array.from(start)];
  const steps: StepDescription[] = [];
  for (let i = 1; i < path.length; i++) {
    const state = states[i - 1]!;
    const wanted = path[i]!;
    let count = 0;
    let taken: PackedState | undefined;
    try {
      model.successors(state, (_actionId, next) => {
        if (count++ === wanted) taken = Int32Array.from(next);
      });
      if (taken === undefined) {
        return `takes successor ${wanted} at step ${i}, but that state has ${count} successor(s): ${SPEC_CHANGED}`;
      }
      steps.push(model.describeStep(state, wanted));
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      return `fails to evaluate at step ${i} (${error.code}): ${error.message}`;
    }
    states.push(taken);
  }
  return { states, steps };
}

/** One variable whose decoded value differs between two consecutive states of a trace. */
export interface Change {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One step of a trace: what happened, the state after it, and what it changed. */
export interface TraceStep {
  readonly step: StepDescription;
  readonly state: Record<string, unknown>;
  readonly changes: Change[];
}

/** A decoded run: the initial state and every step after it, in order. */
export interface Trace {
  readonly initial: Record<string, unknown>;
  readonly steps: TraceStep[];
}

/**
 * Replays `path` and decodes every state into a Trace, or gives `replay`'s message. `changes`
 * lists, in the key order of the later state (then keys that disappeared), each variable whose
 * value is not JSON-equal to the one before (a missing key reads as `undefined`).
 */
export function buildTrace(model: Model, path: ReplayPath): Trace | string {
  const run = replay(model, path);
  if (typeof run === "string") return run;
  const decoded = run.states.map((state) => model.decode(state));
  const steps: TraceStep[] = run.steps.map((step, i) => ({
    step,
    state: decoded[i + 1]!,
    changes: diffStates(decoded[i]!, decoded[i + 1]!),
  }));
  return { initial: decoded[0]!, steps };
}

/** The variables whose values differ between `before` and `after`, compared as JSON. */
export function diffStates(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const name of [...Object.keys(after), ...Object.keys(before)]) {
    if (seen.has(name)) continue;
    seen.add(name);
    const b = before[name];
    const a = after[name];
    if (toJson(b) !== toJson(a)) changes.push({ name, before: b, after: a });
  }
  return changes;
}

/** JSON text of a decoded value; bigints, Maps and Sets are written as strings, entries, arrays. */
function toJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v.values()];
    return v;
  });
}
