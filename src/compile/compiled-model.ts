// The Model the explorer searches, built from a generated module, the fault steps, the symmetry
// canonicalizer and the state packing. Emit order: protocol steps (generated), then faults and
// ticks. Generated code works on wide states (layout.ts); the explorer sees them packed
// (state-packing.ts), and canonical when the spec declares symmetric families.

import { decodeState } from "./codec.js";
import { describeFaultStep, describeProtocolStep } from "./describe.js";
import { explainWide } from "./explain.js";
import type { FaultStep } from "./faults.js";
import type { NodeNamer } from "./readable-value.js";
import type { Generated } from "./generate.js";
import type { Layout } from "./layout.js";
import type { ActionInfo, Model, PackedState, PropertyInfo, StepDescription } from "./model.js";
import { toEvaluationError } from "./runtime.js";
import type { StatePacking } from "./state-packing.js";
import type { Canonicalizer } from "./symmetry.js";

type Emit = (actionId: number, next: PackedState) => void;

/** Thrown inside describeStep to stop enumerating once the wanted step is found. */
const FOUND = Symbol("found");

export class CompiledModel implements Model {
  /** Slots of a state as the explorer sees it (packed when `packing` is defined). */
  readonly stateSize: number;
  readonly actions: readonly ActionInfo[];
  readonly properties: readonly PropertyInfo[];
  private readonly scratch: Int32Array;
  private readonly canonical: Int32Array;
  private readonly choice: Int32Array;
  private readonly firstFault: number;
  /** Wide buffers: the state being expanded, and one for property checks. */
  private readonly wideCur: Int32Array;
  private readonly wideCheck: Int32Array;
  private readonly wideFrom: Int32Array;
  /** The buffer handed to `emit` when states are packed. */
  private readonly packedOut: Int32Array;
  private lastEmit: Emit | undefined;
  private lastWrapped: Emit | undefined;
  /** While `successors` runs: the state it was given, and that state wide. */
  private expanding: PackedState | undefined;
  private expandingWide: Int32Array | undefined;
  /**
   * While `successors` runs with a wrapped emit: the buffer handed to `emit`, the wide state it
   * holds, and the wide successor as computed (before canonicalization). Valid during `emit`.
   */
  private given: PackedState | undefined;
  private givenWide: Int32Array | undefined;
  private raw: Int32Array | undefined;

  constructor(
    readonly layout: Layout,
    private readonly gen: Generated,
    private readonly faults: readonly FaultStep[],
    private readonly canonicalizer: Canonicalizer | undefined,
    private readonly name: NodeNamer,
    /** How wide states are packed; undefined when they are not (packing would not pay). */
    readonly packing: StatePacking | undefined = undefined,
  ) {
    const wide = layout.stateSize;
    this.stateSize = packing?.size ?? wide;
    this.actions = [...gen.actions, ...faults.map((f) => f.info)];
    this.properties = gen.properties;
    this.scratch = new Int32Array(wide);
    this.canonical = new Int32Array(wide);
    this.wideCur = new Int32Array(wide);
    this.wideCheck = new Int32Array(wide);
    this.wideFrom = new Int32Array(wide);
    this.packedOut = new Int32Array(this.stateSize);
    this.choice = new Int32Array(gen.choiceSize);
    this.firstFault = gen.actions.length;
  }

  initialStates(): PackedState[] {
    const state = new Int32Array(this.layout.stateSize);
    try {
      this.gen.module.init(state);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
    const out = new Int32Array(this.stateSize);
    this.canonicalize(state, out, true);
    return [out];
  }

  /** The generated JavaScript (for determinism tests and debugging). */
  get generatedSource(): string {
    return this.gen.source;
  }

  /**
   * Writes the canonical form of `state` (itself when nothing is symmetric) into `out`, both
   * packed; with `fromWide`, `state` is a wide state (layout.ts) instead.
   */
  canonicalize(state: PackedState, out: PackedState, fromWide = false): void {
    const wide = fromWide ? state : this.unpacked(state);
    const canonical = this.canonicalizer ? new Int32Array(wide.length) : wide;
    if (this.canonicalizer) this.canonicalizer(wide, canonical);
    if (this.packing) this.packing.pack(canonical, out);
    else out.set(canonical);
  }

  successors(state: PackedState, emit: Emit): number {
    const wide = this.packing ? this.wideCur : state;
    if (this.packing) this.packing.unpack(state, wide);
    const out = this.wrap(emit);
    // Every step writes its successor into `scratch`, and `wrap` hands out fixed buffers.
    this.expanding = state;
    this.expandingWide = wide;
    if (out !== emit) {
      this.given = this.packing ? this.packedOut : this.canonical;
      this.givenWide = this.canonicalizer ? this.canonical : this.scratch;
      this.raw = this.scratch;
    }
    try {
      const count = this.gen.module.successors(wide, this.scratch, out, this.choice);
      return count + this.runFaults(wide, this.scratch, out, this.choice);
    } finally {
      this.expanding = this.expandingWide = this.given = this.givenWide = this.raw = undefined;
    }
  }

  /** The steps of `successors`, each state as computed (packed, not canonicalized); own buffers. */
  successorsRaw(state: PackedState, emit: Emit): number {
    const packing = this.packing;
    const out = packing ? new Int32Array(this.stateSize) : undefined;
    return this.wideSuccessors(this.unpacked(state), (actionId, next) => {
      if (packing && out) packing.pack(next, out);
      emit(actionId, out ?? next);
    });
  }

  /** The steps of wide state `wide`, emitted wide and as computed; own scratch buffers. */
  private wideSuccessors(wide: Int32Array, emit: Emit): number {
    const scratch = new Int32Array(this.layout.stateSize);
    const choice = new Int32Array(this.choice.length);
    const count = this.gen.module.successors(wide, scratch, emit, choice);
    return count + this.runFaults(wide, scratch, emit, choice);
  }

  /** Runs the fault steps; returns how many of them count as progress (restarts). */
  private runFaults(state: Int32Array, scratch: Int32Array, emit: Emit, choice: Int32Array): number {
    let progress = 0;
    for (let k = 0; k < this.faults.length; k++) {
      try {
        const n = this.faults[k]!.run(state, scratch, emit, choice, this.firstFault + k);
        if (n !== undefined) progress += n;
      } catch (error) {
        throw toEvaluationError(error, this.firstFault + k);
      }
    }
    return progress;
  }

  /** `emit`, canonicalizing and packing each state first where needed (cached per emit). */
  private wrap(emit: Emit): Emit {
    const canonicalize = this.canonicalizer;
    const packing = this.packing;
    if (!canonicalize && !packing) return emit;
    if (emit !== this.lastEmit) {
      const buf = this.canonical;
      const out = this.packedOut;
      const pack = packing?.pack;
      this.lastEmit = emit;
      if (canonicalize && pack) {
        this.lastWrapped = (actionId, next) => {
          canonicalize(next, buf);
          pack(buf, out);
          emit(actionId, out);
        };
      } else if (canonicalize) {
        this.lastWrapped = (actionId, next) => {
          canonicalize(next, buf);
          emit(actionId, buf);
        };
      } else {
        this.lastWrapped = (actionId, next) => {
          pack!(next, out);
          emit(actionId, out);
        };
      }
    }
    return this.lastWrapped!;
  }

  /** `state` wide: the wide form held for it while it is being expanded or emitted, else unpacked into `buf`. */
  private wide(state: PackedState, buf: Int32Array): Int32Array {
    if (!this.packing) return state;
    if (state === this.given) return this.givenWide!;
    if (state === this.expanding) return this.expandingWide!;
    this.packing.unpack(state, buf);
    return buf;
  }

  /** `state` unpacked into a new wide state (or itself when states are not packed). */
  private unpacked(state: PackedState): Int32Array {
    if (!this.packing) return state;
    const wide = new Int32Array(this.layout.stateSize);
    this.packing.unpack(state, wide);
    return wide;
  }

  // Properties that fail to evaluate (a division by zero in an invariant) raise an
  // EvaluationError with action id -1: no step was being taken.

  checkState(state: PackedState): number {
    try {
      return this.gen.module.checkState(this.wide(state, this.wideCheck));
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  /**
   * With symmetry, `to` is usually the canonical form of the successor just emitted, whose nodes
   * may be permuted relative to `from`; the property is then checked on the successor as computed,
   * so that `x'` and `x` name the same node.
   */
  checkTransition(from: PackedState, to: PackedState): number {
    const next = this.raw !== undefined && to === this.given ? this.raw : this.wide(to, this.wideCheck);
    try {
      return this.gen.module.checkTransition(this.wide(from, this.wideFrom), next);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  checkReachable(state: PackedState, reached: boolean[]): void {
    try {
      this.gen.module.checkReachable(this.wide(state, this.wideCheck), reached);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  isEndState(state: PackedState): boolean {
    try {
      return !this.gen.checksDeadlock || this.gen.module.isEnd(this.wide(state, this.wideCheck));
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  describeStep(state: PackedState, ordinal: number): StepDescription {
    const wide = this.unpacked(state);
    const choice = new Int32Array(this.choice.length);
    const sent: number[] = [];
    let count = 0;
    let found: StepDescription | undefined;
    const emit: Emit = (actionId) => {
      if (count++ === ordinal) {
        const fault = this.faults[actionId - this.firstFault];
        found = fault
          ? describeFaultStep(this.layout, this.name, fault, actionId, choice, wide)
          : describeProtocolStep(this.layout, this.name, this.gen.metas[actionId]!, actionId, choice, sent);
        throw FOUND;
      }
      sent.length = 0;
    };
    this.gen.module.setRecorder(sent);
    try {
      const scratch = new Int32Array(this.layout.stateSize);
      this.gen.module.successors(wide, scratch, emit, choice);
      this.runFaults(wide, scratch, emit, choice);
    } catch (error) {
      if (error !== FOUND) throw error;
    } finally {
      this.gen.module.setRecorder(null);
    }
    if (!found) throw new RangeError(`state has ${count} successors; there is no step ${ordinal}`);
    return found;
  }

  decode(state: PackedState): Record<string, unknown> {
    return decodeState(this.layout, this.name, this.unpacked(state));
  }

  explainViolation(state: PackedState, property: number, previous?: PackedState): string | undefined {
    const context = { layout: this.layout, name: this.name, gen: this.gen, properties: this.properties };
    const successors = (wide: Int32Array, emit: Emit): number => this.wideSuccessors(wide, emit);
    return explainWide(context, successors, this.unpacked(state), property, previous && this.unpacked(previous));
  }
}
