// Builds a Model (the explorer's contract) from a small JS description, for explorer tests:
// states are number arrays, successors a function, properties plain predicates.

import type { ActionInfo, Model, PackedState, PropertyInfo, StepDescription, StepKind } from "../../src/compile/model.js";

/** One successor: the action that takes it and the next state. */
export type ToyStep = readonly [actionId: number, next: readonly number[]];

export interface ToyPredicate {
  readonly name: string;
  readonly holds: (s: readonly number[]) => boolean;
}

export interface ToyTransition {
  readonly name: string;
  readonly holds: (from: readonly number[], to: readonly number[]) => boolean;
}

export interface ToyModelSpec {
  /** Initial states, in order; all of the same length. */
  readonly initial: readonly (readonly number[])[];
  /** Successors of a state, in emit order. May throw EvaluationError. */
  readonly next: (s: readonly number[]) => readonly ToyStep[];
  /** The action table; default one action `step` of kind `action`. */
  readonly actions?: readonly { readonly label: string; readonly kind?: StepKind }[];
  readonly invariants?: readonly ToyPredicate[];
  readonly reachables?: readonly ToyPredicate[];
  readonly transitions?: readonly ToyTransition[];
  /** Deadlock is checked when true (a `deadlock` property is then listed last). */
  readonly checkDeadlock?: boolean;
  /** End states (`end when`): not deadlocks. */
  readonly endWhen?: (s: readonly number[]) => boolean;
  /** Variable names for decode(); default `x0`, `x1`, ... */
  readonly names?: readonly string[];
}

/** A Model over `spec`, following the contract of src/compile/model.ts. */
export function createToyModel(spec: ToyModelSpec): Model {
  const stateSize = spec.initial[0]?.length ?? 1;
  const actions: ActionInfo[] = (spec.actions ?? [{ label: "step" }]).map((a) => ({ label: a.label, kind: a.kind ?? "action" }));
  const invariants = spec.invariants ?? [];
  const reachables = spec.reachables ?? [];
  const transitions = spec.transitions ?? [];
  const properties: PropertyInfo[] = [
    ...invariants.map((p) => ({ name: p.name, kind: "invariant" as const })),
    ...reachables.map((p) => ({ name: p.name, kind: "reachable" as const })),
    ...transitions.map((p) => ({ name: p.name, kind: "transition" as const })),
    ...(spec.checkDeadlock === true ? [{ name: "deadlock", kind: "deadlock" as const }] : []),
  ];
  const firstReachable = invariants.length;
  const firstTransition = invariants.length + reachables.length;
  const scratch = new Int32Array(stateSize);
  const toArray = (s: PackedState): number[] => Array.from(s.subarray(0, stateSize));
  const isProgress = (actionId: number): boolean => {
    const kind = actions[actionId]?.kind;
    return kind !== "fault" && kind !== "tick";
  };

  return {
    stateSize,
    actions,
    properties,
    initialStates: () => spec.initial.map((s) => Int32Array.from(s)),
    successors(state, emit) {
      let progress = 0;
      for (const [actionId, next] of spec.next(toArray(state))) {
        scratch.set(next);
        emit(actionId, scratch);
        if (isProgress(actionId)) progress++;
      }
      return progress;
    },
    checkState(state) {
      const s = toArray(state);
      return invariants.findIndex((p) => !p.holds(s));
    },
    checkTransition(from, to) {
      const a = toArray(from);
      const b = toArray(to);
      const i = transitions.findIndex((p) => !p.holds(a, b));
      return i < 0 ? -1 : firstTransition + i;
    },
    checkReachable(state, reached) {
      const s = toArray(state);
      reachables.forEach((p, i) => {
        if (p.holds(s)) reached[firstReachable + i] = true;
      });
    },
    isEndState(state) {
      return spec.checkDeadlock !== true || (spec.endWhen?.(toArray(state)) ?? false);
    },
    describeStep(state, ordinal): StepDescription {
      const step = spec.next(toArray(state))[ordinal];
      if (step === undefined) throw new Error(`toy model: no successor ${ordinal}`);
      const action = actions[step[0]]!;
      return { actionId: step[0], kind: action.kind, text: `${action.label} -> [${step[1].join(", ")}]` };
    },
    decode(state) {
      const out: Record<string, unknown> = {};
      toArray(state).forEach((v, i) => {
        out[spec.names?.[i] ?? `x${i}`] = v;
      });
      return out;
    },
  };
}
