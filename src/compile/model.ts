// The Model interface: the whole contract between compile/ (which builds it from a CheckedSpec)
// and explore/ (which searches it). States are packed Int32Arrays of fixed length; a model is
// deterministic: the same state always yields the same successors in the same order.

/** A packed state: `stateSize` 32-bit slots. Canonical: equal states have equal slots. */
export type PackedState = Int32Array;

/** What kind of step an action is. Fault and tick steps never count as progress for deadlock. */
export type StepKind = "deliver" | "timer" | "action" | "fault" | "tick";

/** One entry of the action table (for coverage and trace labels). */
export interface ActionInfo {
  /** Stable, human-readable: `Server.on Vote`, `Server.timeout`, `Client.request`, `fault drop`. */
  readonly label: string;
  readonly kind: StepKind;
}

/** What a step did, for the trace printer: who did what, in words the user wrote. */
export interface StepDescription {
  readonly actionId: number;
  readonly kind: StepKind;
  /** e.g. `Server[1] handles Vote{term: 1} from Server[0]`, `link Server[0] -> Server[2] cut`. */
  readonly text: string;
  /** The node that took the step (for sequence diagrams), if any: `Server[1]`. */
  readonly actor?: string;
  /** For message deliveries: the sender, receiver and message as text. */
  readonly message?: { readonly from: string; readonly to: string; readonly text: string };
  /** Messages this step sent, for sequence diagrams. */
  readonly sent?: readonly { readonly from: string; readonly to: string; readonly text: string }[];
}

/** The outcome of checking the properties of one state (or one transition). */
export interface PropertyFailure {
  /** Index into `Model.properties`. */
  readonly property: number;
}

export type PropertyKind = "invariant" | "reachable" | "transition" | "atmostonce" | "nolostwrites" | "deadlock";

export interface PropertyInfo {
  readonly name: string;
  readonly kind: PropertyKind;
}

/**
 * An error raised while evaluating a step (out-of-range assignment, division by zero, network
 * over capacity). Carries a code from the FL5xxx range and the message; the explorer attaches the
 * trace that led to it. Thrown by `successors`, never by anything else.
 */
export class EvaluationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The action that was being evaluated. */
    readonly actionId: number,
  ) {
    super(message);
    this.name = "EvaluationError";
  }
}

export interface Model {
  /** Number of Int32 slots per packed state. */
  readonly stateSize: number;
  /** All actions; an ActionId is an index here. Fixed order, deterministic. */
  readonly actions: readonly ActionInfo[];
  /** All properties in declaration order, then a `deadlock` entry last when deadlock is checked. */
  readonly properties: readonly PropertyInfo[];

  /** Initial states in a fixed order (usually exactly one). */
  initialStates(): PackedState[];

  /**
   * Calls `emit(actionId, next)` for every enabled step of `state`, in a fixed order
   * (by action id, then by choice of message/parameters). `next` is a scratch buffer that is
   * only valid during the call: copy it to keep it. Successors equal to `state` are emitted too.
   * Returns the number of emitted steps that are not faults or ticks (for deadlock detection).
   * May throw EvaluationError.
   */
  successors(state: PackedState, emit: (actionId: number, next: PackedState) => void): number;

  /**
   * Checks invariants, atmostonce and nolostwrites on a state. Returns the index (into
   * `properties`) of the first violated one, or -1.
   */
  checkState(state: PackedState): number;

  /**
   * Returns the index of the first violated transition property for (from, to), or -1.
   * Call it from inside `emit`, with the state `emit` received: a model with symmetry emits
   * canonical states and then checks the successor as computed, before canonicalization.
   */
  checkTransition(from: PackedState, to: PackedState): number;

  /**
   * Sets `reached[i] = true` for each reachable property i that holds in `state`
   * (`reached` has one entry per property; other kinds are left alone).
   */
  checkReachable(state: PackedState, reached: boolean[]): void;

  /** True when `state` is a declared end state (`end when ...`), or deadlock is not checked. */
  isEndState(state: PackedState): boolean;

  /**
   * Describes the `ordinal`-th successor emitted from `state` (0-based, in emit order), for traces.
   * Re-runs `successors`; not on the hot path.
   */
  describeStep(state: PackedState, ordinal: number): StepDescription;

  /** A readable view of a state: `{ "Server[0].role": "Leader", "network": [...], ... }`. */
  decode(state: PackedState): Record<string, unknown>;
}
