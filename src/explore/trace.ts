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

/**
 * A path re-run on a model: `states[0]` is the initial state and `steps[i]` leads to
 * `states[i + 1]`. `states` is the run as it happened, with nodes never renamed, and `steps`
 * describe it; `canonical` holds the states the search visited (under symmetry, each is the
 * canonical form of the state at the same position in `states`; otherwise the same states).
 */
export interface Replayed {
  readonly states: PackedState[];
  readonly steps: StepDescription[];
  readonly canonical: PackedState[];
}

const SPEC_CHANGED = "the spec changed since this token was made";

/**
 * Re-runs `path` on `model`. Never throws on a bad path: an ordinal out of range, or an
 * EvaluationError raised along the way, gives instead a message naming the step (it completes
 * "replay token `...` <message>"). Deterministic.
 *
 * Ordinals index `successors`, as the search made them. Under symmetry those states are
 * canonical, so consecutive ones may rename nodes; the run shown instead starts from the same
 * initial state and, at each step, takes the first raw successor (`successorsRaw`) of the state
 * before whose canonical form is the next state of the path, preferring one that breaks the same
 * transition property as the search's step, then one of the same action. The state before and
 * the search's state being equal, that is exactly the search's step.
 */
export function replay(model: Model, path: ReplayPath): Replayed | string {
  if (path.length === 0) return "is empty: it must name at least an initial state";
  const initial = model.initialStates();
  const first = path[0]!;
  const start = initial[first];
  if (start === undefined) {
    return `starts from initial state ${first}, but the spec has ${initial.length} initial state(s): ${SPEC_CHANGED}`;
  }
  const canonical: PackedState[] = [Int32Array.from(start)];
  const states: PackedState[] = [Int32Array.from(start)];
  const steps: StepDescription[] = [];
  for (let i = 1; i < path.length; i++) {
    const from = canonical[i - 1]!;
    const actual = states[i - 1]!;
    const wanted = path[i]!;
    let count = 0;
    let taken: PackedState | undefined;
    let actionId = -1;
    let verdict = -1;
    try {
      model.successors(from, (id, next) => {
        if (count++ !== wanted) return;
        taken = Int32Array.from(next);
        actionId = id;
        verdict = model.checkTransition(from, next);
      });
      if (taken === undefined) {
        return `takes successor ${wanted} at step ${i}, but that state has ${count} successor(s): ${SPEC_CHANGED}`;
      }
      const exact = sameState(actual, from) ? wanted : -1;
      const followed = follow(model, actual, { target: taken, exact, actionId, verdict });
      steps.push(model.describeStep(followed ? actual : from, followed ? followed.ordinal : wanted));
      states.push(followed ? followed.state : Int32Array.from(taken));
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      return `fails to evaluate at step ${i} (${error.code}): ${error.message}`;
    }
    canonical.push(taken);
  }
  return { states, steps, canonical };
}

/** What `follow` looks for: the search's step, taken from an equal state when `exact >= 0`. */
interface Wanted {
  /** The state the search reached (canonical). */
  readonly target: PackedState;
  /** The search's ordinal when the state before is the search's own state, else -1. */
  readonly exact: number;
  readonly actionId: number;
  /** What checkTransition said of the search's step. */
  readonly verdict: number;
}

/**
 * The raw successor of `actual` that stands for the search's step: the one at `exact` when
 * given, else the first whose canonical form is `target`, preferring the same transition
 * verdict, then the same action. Undefined when the model has no raw successors (its states are
 * never renamed), or none matches (a model that is not symmetric): the run then goes on from
 * the search's state.
 */
function follow(model: Model, actual: PackedState, wanted: Wanted): { ordinal: number; state: PackedState } | undefined {
  if (!model.successorsRaw || !model.canonicalize) return undefined;
  const canonicalize = model.canonicalize.bind(model);
  const form = new Int32Array(wanted.target.length);
  let best: { ordinal: number; state: PackedState; rank: number } | undefined;
  let ordinal = 0;
  model.successorsRaw(actual, (id, next) => {
    const k = ordinal++;
    if (best !== undefined && best.rank >= 2) return;
    if (wanted.exact >= 0) {
      if (k === wanted.exact) best = { ordinal: k, state: Int32Array.from(next), rank: 3 };
      return;
    }
    canonicalize(next, form);
    if (!sameState(form, wanted.target)) return;
    const rank = model.checkTransition(actual, next) !== wanted.verdict ? 0 : id === wanted.actionId ? 2 : 1;
    if (best === undefined || rank > best.rank) best = { ordinal: k, state: Int32Array.from(next), rank };
  });
  return best && { ordinal: best.ordinal, state: best.state };
}

function sameState(a: PackedState, b: PackedState): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
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
 * value is not JSON-equal to the one before (a missing key reads as `undefined`). The states are
 * the run as it happened (see `replay`): a step's words and its changes name the same nodes.
 */
export function buildTrace(model: Model, path: ReplayPath): Trace | string {
  const run = replay(model, path);
  return typeof run === "string" ? run : traceOf(model, run);
}

/** The Trace of a replayed run (see buildTrace). */
export function traceOf(model: Model, run: Replayed): Trace {
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
