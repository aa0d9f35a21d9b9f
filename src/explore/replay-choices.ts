// Replaying a walk given as choice indices: each index is taken modulo the number of successors
// (or initial states) there, so any list of naturals is a walk. Used by the shrinker to judge
// candidates; checks states in walk-runner.ts's order.

import type { Model, PackedState } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";
import type { WalkFailure } from "./walk-runner.js";

/** A list of choices replayed on a model: the canonical path it took and the first failure met. */
export interface ChoiceRun {
  /** The ReplayPath taken (each choice reduced modulo its successor count), up to the failure. */
  readonly path: number[];
  readonly failure?: WalkFailure;
}

/**
 * Replays `choices` on `model`: `choices[0]` picks the initial state and each later entry a
 * successor, both modulo the number available (an empty list picks initial state 0). Checks
 * states in the order of walk-runner.ts (and so of explore()): at each state, its successors are
 * generated (an EvaluationError fails here), then the chosen step's transition property, the next
 * state's properties, then deadlock of the state left. The last state is expanded too (deadlock,
 * errors). Stops at the first failure, or when the choices run out or no successor exists.
 * Deterministic; throws only on internal bugs.
 */
export function replayChoices(model: Model, choices: readonly number[]): ChoiceRun {
  const initial = model.initialStates();
  if (initial.length === 0) return { path: [] };
  const first = (choices[0] ?? 0) % initial.length;
  let cur: PackedState = Int32Array.from(initial[first]!);
  const path = [first];
  let expanding = 1; // length of the path to the state being expanded
  let count = 0;
  const counter = (): void => {
    count++;
  };
  try {
    const failed = model.checkState(cur);
    if (failed >= 0) return { path, failure: { kind: "violation", property: failed } };
    for (let t = 1; ; t++) {
      // Step 1: Count the successors (an evaluation error fails at this state).
      expanding = path.length;
      count = 0;
      const progress = model.successors(cur, counter);
      const stepped = t < choices.length && count > 0;
      const before = cur;
      if (stepped) {
        // Step 2: Take the chosen step, checking its transition inside `emit`.
        const wanted = choices[t]! % count;
        const taken = takeStep(model, cur, wanted);
        path.push(wanted);
        if (taken.transition >= 0) return { path, failure: { kind: "violation", property: taken.transition } };
        cur = taken.next;
        // Step 3: Check the new state.
        const violated = model.checkState(cur);
        if (violated >= 0) return { path, failure: { kind: "violation", property: violated } };
      }
      // Step 4: Deadlock of the state just expanded.
      if (progress === 0 && !model.isEndState(before)) {
        return { path: path.slice(0, expanding), failure: { kind: "deadlock" } };
      }
      if (!stepped) return { path };
    }
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    const { code, message, actionId } = error;
    return { path: path.slice(0, expanding), failure: { kind: "error", code, message, actionId, emittedBefore: count } };
  }
}

/** The `ordinal`-th successor of `state` and the transition property it violates (or -1). */
function takeStep(model: Model, state: PackedState, ordinal: number): { next: PackedState; transition: number } {
  const hasTransitions = model.properties.some((p) => p.kind === "transition");
  let k = 0;
  let next: PackedState | undefined;
  let transition = -1;
  model.successors(state, (_actionId, candidate) => {
    if (k++ !== ordinal) return;
    next = Int32Array.from(candidate);
    if (hasTransitions) transition = model.checkTransition(state, candidate);
  });
  if (next === undefined) throw new Error(`internal: the model emitted fewer than ${ordinal + 1} successors on replay`);
  return { next, transition };
}

/** True when two failures are the same: the same property, a deadlock, or the same error code and action. */
export function isSameFailure(a: WalkFailure | undefined, b: WalkFailure): boolean {
  if (a === undefined || a.kind !== b.kind) return false;
  if (a.kind === "violation" && b.kind === "violation") return a.property === b.property;
  if (a.kind === "error" && b.kind === "error") return a.code === b.code && a.actionId === b.actionId;
  return true;
}
