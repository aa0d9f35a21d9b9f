// The logic behind `faultline explore`, without ink: a session is the run so far (one frame per
// state), each frame knows its enabled steps, violations and deadlock; steps, undo and restart
// return new sessions. The path is kept in replay-token ordinals so a run can be shared.

import { EvaluationError, type Model, type PackedState, type StepDescription, type StepKind } from "../../compile/model.js";
import { diffStates, encodeReplay } from "../../explore/trace.js";
import { formatValue } from "../format.js";

/** One step enabled in a frame's state. */
export interface EnabledStep {
  readonly description: StepDescription;
  readonly kind: StepKind;
  /** The state after the step, as computed (nodes never renamed). */
  readonly next: PackedState;
  /** The state the search visits for it (canonical under symmetry; else `next`). */
  readonly canonicalNext: PackedState;
  /** The successor ordinal of the step in the search's order: the replay token's entry. */
  readonly ordinal: number;
  /** Index of the transition property the step violates, or -1. */
  readonly transitionViolation: number;
}

/** One state of the run, with everything the explorer shows about it. */
export interface Frame {
  /** The state as the user reached it (node names follow the steps taken). */
  readonly state: PackedState;
  /** The state as the search sees it (replay ordinals index its successors). */
  readonly canonical: PackedState;
  /** The step that led here (undefined for the initial state). */
  readonly via?: EnabledStep;
  readonly steps: readonly EnabledStep[];
  /** Set when computing the steps failed: `FL5001 in Server.on Vote: ...`. */
  readonly error?: string;
  /** Index of the first state property (invariant, atmostonce, nolostwrites) violated, or -1. */
  readonly stateViolation: number;
  /** The model's words for the state violation, when it has any. */
  readonly explanation?: string;
  /** No progress step is enabled and this is not an end state. */
  readonly deadlock: boolean;
  /** Names of the `reachable` properties that hold here. */
  readonly reached: readonly string[];
}

/** An exploration: the model, the path in replay ordinals, and one frame per state. */
export interface Session {
  readonly model: Model;
  /** `path[0]` is the initial state's index, then one ordinal per step taken. */
  readonly path: readonly number[];
  readonly frames: readonly Frame[];
}

/** A session at initial state `initial` (clamped to the model's initial states). */
export function startSession(model: Model, initial = 0): Session {
  const states = model.initialStates();
  const index = Math.max(0, Math.min(states.length - 1, initial));
  const start = Int32Array.from(states[index]!);
  return { model, path: [index], frames: [makeFrame(model, start, Int32Array.from(start), undefined, undefined)] };
}

/** The frame of the current (last) state. */
export function currentFrame(session: Session): Frame {
  return session.frames[session.frames.length - 1]!;
}

/** Takes enabled step `index` (0-based in the frame's list); the same session when out of range. */
export function takeStep(session: Session, index: number): Session {
  const frame = currentFrame(session);
  const step = frame.steps[index];
  if (step === undefined) return session;
  const next = makeFrame(session.model, step.next, step.canonicalNext, step, frame.state);
  return { model: session.model, path: [...session.path, step.ordinal], frames: [...session.frames, next] };
}

/** Undoes the last step; the same session at the initial state. */
export function undoStep(session: Session): Session {
  if (session.frames.length <= 1) return session;
  return { model: session.model, path: session.path.slice(0, -1), frames: session.frames.slice(0, -1) };
}

/** Back to the initial state the session started from. */
export function restart(session: Session): Session {
  return session.frames.length <= 1 ? session : { model: session.model, path: session.path.slice(0, 1), frames: session.frames.slice(0, 1) };
}

/** The replay token of the run so far (`0/2/1`). */
export function sessionToken(session: Session): string {
  return encodeReplay(session.path);
}

/** The command that replays the run: `faultline check specs/x.fl --const N=2 --replay 0/2/1`. */
export function replayLine(session: Session, file: string, constants: Readonly<Record<string, string>> = {}): string {
  const consts = Object.entries(constants).map(([k, v]) => ` --const ${k}=${v}`).join("");
  return `faultline check ${file}${consts} --replay ${sessionToken(session)}`;
}

/** A line of the state panel; `changed` when the last step changed it. */
export interface StateLine {
  readonly text: string;
  readonly changed: boolean;
}

/**
 * The current state grouped by owner, like the text reporter's initial state
 * (`Server[0]: role = Follower, term = 0`), then the network one message a line.
 */
export function stateLines(session: Session): StateLine[] {
  const { model } = session;
  const frame = currentFrame(session);
  const state = model.decode(frame.state);
  const previous = session.frames[session.frames.length - 2];
  const changed = new Set(previous ? diffStates(model.decode(previous.state), state).map((c) => c.name) : []);
  const groups = new Map<string, { fields: string[]; changed: boolean }>();
  let network: unknown[] | undefined;
  for (const [key, value] of Object.entries(state)) {
    if (key === "network" && Array.isArray(value)) {
      network = value;
      continue;
    }
    const dot = key.lastIndexOf(".");
    const owner = dot > 0 ? key.slice(0, dot) : "";
    const group = groups.get(owner) ?? { fields: [], changed: false };
    group.fields.push(`${dot > 0 ? key.slice(dot + 1) : key} = ${formatValue(value)}`);
    group.changed ||= changed.has(key);
    groups.set(owner, group);
  }
  const lines: StateLine[] = [...groups].map(([owner, g]) => ({ text: `${owner ? `${owner}: ` : ""}${g.fields.join(", ")}`, changed: g.changed }));
  if (network !== undefined) {
    const isChanged = changed.has("network");
    lines.push({ text: `network: ${network.length === 0 ? "empty" : `${network.length} in flight`}`, changed: isChanged });
    for (const m of network) lines.push({ text: `  ${typeof m === "string" ? m : formatValue(m)}`, changed: false });
  }
  return lines;
}

/** The properties violated in the current state, in words: `invariant NoSplitBrain`, `deadlock`. */
export function violations(session: Session): string[] {
  const frame = currentFrame(session);
  const props = session.model.properties;
  const out: string[] = [];
  const via = frame.via?.transitionViolation ?? -1;
  if (via >= 0) out.push(`transition ${props[via]!.name} (by the last step)`);
  if (frame.stateViolation >= 0) {
    const p = props[frame.stateViolation]!;
    out.push(`${p.kind} ${p.name}${frame.explanation ? `: ${frame.explanation}` : ""}`);
  }
  if (frame.deadlock) out.push("deadlock: no step can make progress and this is not an end state");
  return out;
}

/** A step's label in the list: fault and tick steps are tagged so they stand out. */
export function stepLabel(step: EnabledStep): string {
  const tag = step.kind === "fault" ? "[fault] " : step.kind === "tick" ? "[tick] " : "";
  return `${tag}${step.description.text}`;
}

function makeFrame(model: Model, state: PackedState, canonical: PackedState, via: EnabledStep | undefined, previous: PackedState | undefined): Frame {
  const stateViolation = model.checkState(state);
  const explanation = stateViolation >= 0 ? model.explainViolation?.(state, stateViolation, previous) : undefined;
  const reachedFlags = model.properties.map(() => false);
  model.checkReachable(state, reachedFlags);
  const reached = model.properties.filter((p, i) => p.kind === "reachable" && reachedFlags[i]).map((p) => p.name);
  const base = { state, canonical, stateViolation, reached, ...(via ? { via } : {}), ...(explanation !== undefined ? { explanation } : {}) };
  try {
    const { steps, progress } = enabledSteps(model, state, canonical);
    return { ...base, steps, deadlock: progress === 0 && !model.isEndState(state) };
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    const where = model.actions[error.actionId]?.label;
    return { ...base, steps: [], deadlock: false, error: `${error.code}${where ? ` in ${where}` : ""}: ${error.message}` };
  }
}

interface Emitted {
  readonly actionId: number;
  readonly next: PackedState;
  readonly verdict: number;
}

/**
 * The steps of `state` as computed (so their words name the nodes the user sees), each with the
 * ordinal of the matching successor of `canonical` in the search's order. When the two states
 * are equal the ordinals coincide; otherwise (symmetry renamed nodes) each step is matched to an
 * unused successor with the same canonical result, preferring the same transition verdict and
 * action.
 */
function enabledSteps(model: Model, state: PackedState, canonical: PackedState): { steps: EnabledStep[]; progress: number } {
  const raw: Emitted[] = [];
  const hasRaw = model.successorsRaw !== undefined && model.canonicalize !== undefined;
  const collect = (from: PackedState, into: Emitted[]) => (actionId: number, next: PackedState) =>
    into.push({ actionId, next: Int32Array.from(next), verdict: model.checkTransition(from, next) });
  const progress = hasRaw ? model.successorsRaw!(state, collect(state, raw)) : model.successors(state, collect(state, raw));
  const same = sameState(state, canonical);
  const search: Emitted[] = [];
  if (hasRaw) model.successors(canonical, collect(canonical, search));
  const used = new Set<number>();
  const steps = raw.map((r, k): EnabledStep => {
    let canonicalNext = r.next;
    let ordinal = k;
    if (hasRaw) {
      const form = new Int32Array(r.next.length);
      model.canonicalize!(r.next, form);
      canonicalNext = form;
      if (!same) ordinal = matchOrdinal(search, form, r, used);
      else canonicalNext = search[k]?.next ?? form;
    }
    used.add(ordinal);
    const description = model.describeStep(state, k);
    return { description, kind: description.kind, next: r.next, canonicalNext, ordinal, transitionViolation: r.verdict };
  });
  return { steps, progress };
}

/** The best unused successor of the search whose state is `form` (see enabledSteps). */
function matchOrdinal(search: readonly Emitted[], form: PackedState, step: Emitted, used: ReadonlySet<number>): number {
  let best = -1;
  let bestRank = -1;
  search.forEach((s, j) => {
    if (!sameState(s.next, form)) return;
    const rank = (used.has(j) ? 0 : 4) + (s.verdict === step.verdict ? 2 : 0) + (s.actionId === step.actionId ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [j, rank];
  });
  if (best < 0) throw new Error("explorer: a step has no matching successor in the search's order");
  return best;
}

function sameState(a: PackedState, b: PackedState): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
