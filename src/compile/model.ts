// The Model interface: the whole contract between compile/ (which builds it from a CheckedSpec)
// and explore/ (which searches it). States are packed Int32Arrays of fixed length; a model is
// deterministic: the same state always yields the same successors in the same order.

import type { Span } from "../diagnostics/diagnostic.js";
/** A packed state: `stateSize` 32-bit slots. Canonical: equal states have equal slots. */
export type PackedState = Int32Array;

/**
 * What kind of step an action is. Fault and tick steps never count as progress for deadlock,
 * except `fault restart`: a crashed node that can come back leaves the system able to move on.
 */
export type StepKind = "deliver" | "timer" | "action" | "fault" | "tick";

/** One entry of the action table (for coverage and trace labels). */
export interface ActionInfo {
  /** Stable, human-readable: `Server.on Vote`, `Server.timeout`, `Client.request`, `fault drop`. */
  readonly label: string;
  readonly kind: StepKind;
  /** The handler or action declaration in the spec (absent for faults and ticks). */
  readonly span?: Span;
}

/** What a step did, for the trace printer: who did what, in words the user wrote. */
export interface StepDescription {
  readonly actionId: number;
  readonly kind: StepKind;
  /**
   * e.g. `Server[1] receives Vote{term: 1} from Server[0]`, `link Server[0]->Server[2] cut`,
   * `partition {Server[0]} | {Server[1], Server[2]} (2 messages in flight lost)`: a partition or
   * cut loses the messages in flight on the links it cuts, and says how many when there are any.
   */
  readonly text: string;
  /** The node that took the step (for sequence diagrams), if any: `Server[1]`. */
  readonly actor?: string;
  /** For message deliveries: the sender, receiver and message as text. */
  readonly message?: { readonly from: string; readonly to: string; readonly text: string };
  /**
   * Messages this step sent, for sequence diagrams. A message sent on a cut link is lost at once
   * (it never enters the network): its `text` ends in ` (lost: link cut)` and `lost` is true.
   */
  readonly sent?: readonly { readonly from: string; readonly to: string; readonly text: string; readonly lost?: boolean }[];
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
    /** The expression that failed, when known (range checks); else see the action's span. */
    readonly span?: Span,
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
   * Returns the number of emitted steps that count as progress (for deadlock detection): every
   * step that is not a fault or a tick, plus node restarts.
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

  /**
   * A readable view of a state: `{ "Server[0].role": "Leader", "network": [...], ... }`. Values:
   * ints as numbers, bools as booleans, enum members and node ids as strings, records as plain
   * objects, sequences as arrays, sets as `{ "#set": [...] }` and maps as
   * `{ "#map": [[key, value], ...] }` (the Informal Trace Format's encodings), elements and
   * entries in ascending order.
   */
  decode(state: PackedState): Record<string, unknown>;

  /**
   * Optional; present on models that reduce states by symmetry (their `successors` emits
   * canonical states, which may rename nodes from one state to the next). The same steps as
   * `successors`, in the same order and with the same return value, each state as computed,
   * before canonicalization. Traces follow these so that a step's words and the changes it
   * shows name the same nodes (see explore/trace.ts `replay`). Not on the hot path.
   */
  successorsRaw?(state: PackedState, emit: (actionId: number, next: PackedState) => void): number;

  /**
   * Optional, with `successorsRaw`: writes into `out` (a different array of `stateSize` slots)
   * the canonical form of `state`, the state `successors` would emit for it. Idempotent.
   */
  canonicalize?(state: PackedState, out: PackedState): void;

  /**
   * Optional: says in words why `state` violates property `property` (an index into
   * `properties`), for the line that closes a counterexample; undefined when there is nothing to
   * add to "P is false in the last state" (or `state` does not violate it). Examples:
   * `charge(order: 0) happened twice` (atmostonce), `a read of kv key 0 returned version 0 after
   * version 1 was acknowledged` (nolostwrites), `fails for a = Server[0], b = Server[1]` (an
   * invariant `forall a, b in D: P`: the first binding, in domain order, that makes P false).
   * `previous` is the state before the last step, as computed (not canonicalized); a model may
   * need it to name the read that lost a write. Deterministic; not on the hot path.
   */
  explainViolation?(state: PackedState, property: number, previous?: PackedState): string | undefined;
}
