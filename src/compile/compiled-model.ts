// The Model the explorer searches, built from a generated module, the fault steps and the
// symmetry canonicalizer. Emit order: protocol steps (generated), then faults and ticks.
// Every emitted state is canonical when the spec declares symmetric families.

import { decodeState } from "./codec.js";
import { describeFaultStep, describeProtocolStep } from "./describe.js";
import type { FaultStep } from "./faults.js";
import type { NodeNamer } from "./readable-value.js";
import type { Generated } from "./generate.js";
import type { Layout } from "./layout.js";
import type { ActionInfo, Model, PackedState, PropertyInfo, StepDescription } from "./model.js";
import { toEvaluationError } from "./runtime.js";
import type { Canonicalizer } from "./symmetry.js";

type Emit = (actionId: number, next: PackedState) => void;

/** Thrown inside describeStep to stop enumerating once the wanted step is found. */
const FOUND = Symbol("found");

export class CompiledModel implements Model {
  readonly stateSize: number;
  readonly actions: readonly ActionInfo[];
  readonly properties: readonly PropertyInfo[];
  private readonly scratch: Int32Array;
  private readonly canonical: Int32Array;
  private readonly choice: Int32Array;
  private readonly firstFault: number;
  private lastEmit: Emit | undefined;
  private lastWrapped: Emit | undefined;
  /** While a canonical state is being emitted: the successor as computed, before canonicalizing. */
  private raw: PackedState | undefined;

  constructor(
    readonly layout: Layout,
    private readonly gen: Generated,
    private readonly faults: readonly FaultStep[],
    private readonly canonicalize: Canonicalizer | undefined,
    private readonly name: NodeNamer,
  ) {
    this.stateSize = layout.stateSize;
    this.actions = [...gen.actions, ...faults.map((f) => f.info)];
    this.properties = gen.properties;
    this.scratch = new Int32Array(layout.stateSize);
    this.canonical = new Int32Array(layout.stateSize);
    this.choice = new Int32Array(gen.choiceSize);
    this.firstFault = gen.actions.length;
  }

  initialStates(): PackedState[] {
    const state = new Int32Array(this.stateSize);
    try {
      this.gen.module.init(state);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
    if (!this.canonicalize) return [state];
    const out = new Int32Array(this.stateSize);
    this.canonicalize(state, out);
    return [out];
  }

  /** The generated JavaScript (for determinism tests and debugging). */
  get generatedSource(): string {
    return this.gen.source;
  }

  /** Writes the canonical form of `state` (itself when nothing is symmetric) into `out`. */
  canonicalForm(state: PackedState, out: Int32Array): void {
    if (this.canonicalize) this.canonicalize(state, out);
    else out.set(state);
  }

  successors(state: PackedState, emit: Emit): number {
    const out = this.wrap(emit);
    const count = this.gen.module.successors(state, this.scratch, out, this.choice);
    this.runFaults(state, this.scratch, out, this.choice);
    return count;
  }

  private runFaults(state: PackedState, scratch: Int32Array, emit: Emit, choice: Int32Array): void {
    for (let k = 0; k < this.faults.length; k++) {
      try {
        this.faults[k]!.run(state, scratch, emit, choice, this.firstFault + k);
      } catch (error) {
        throw toEvaluationError(error, this.firstFault + k);
      }
    }
  }

  /** `emit`, canonicalizing each state first when the spec is symmetric (cached per emit). */
  private wrap(emit: Emit): Emit {
    const canonicalize = this.canonicalize;
    if (!canonicalize) return emit;
    if (emit !== this.lastEmit) {
      const buf = this.canonical;
      this.lastEmit = emit;
      this.lastWrapped = (actionId, next) => {
        canonicalize(next, buf);
        this.raw = next;
        try {
          emit(actionId, buf);
        } finally {
          this.raw = undefined;
        }
      };
    }
    return this.lastWrapped!;
  }

  // Properties that fail to evaluate (a division by zero in an invariant) raise an
  // EvaluationError with action id -1: no step was being taken.

  checkState(state: PackedState): number {
    try {
      return this.gen.module.checkState(state);
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
    const next = this.raw !== undefined && to === this.canonical ? this.raw : to;
    try {
      return this.gen.module.checkTransition(from, next);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  checkReachable(state: PackedState, reached: boolean[]): void {
    try {
      this.gen.module.checkReachable(state, reached);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  isEndState(state: PackedState): boolean {
    try {
      return !this.gen.checksDeadlock || this.gen.module.isEnd(state);
    } catch (error) {
      throw toEvaluationError(error, -1);
    }
  }

  describeStep(state: PackedState, ordinal: number): StepDescription {
    const scratch = new Int32Array(this.stateSize);
    const choice = new Int32Array(this.choice.length);
    const sent: number[] = [];
    let count = 0;
    let found: StepDescription | undefined;
    const emit: Emit = (actionId) => {
      if (count++ === ordinal) {
        const fault = this.faults[actionId - this.firstFault];
        found = fault
          ? describeFaultStep(this.layout, this.name, fault, actionId, choice, state)
          : describeProtocolStep(this.layout, this.name, this.gen.metas[actionId]!, actionId, choice, sent);
        throw FOUND;
      }
      sent.length = 0;
    };
    this.gen.module.setRecorder(sent);
    try {
      this.gen.module.successors(state, scratch, emit, choice);
      this.runFaults(state, scratch, emit, choice);
    } catch (error) {
      if (error !== FOUND) throw error;
    } finally {
      this.gen.module.setRecorder(null);
    }
    if (!found) throw new RangeError(`state has ${count} successors; there is no step ${ordinal}`);
    return found;
  }

  decode(state: PackedState): Record<string, unknown> {
    return decodeState(this.layout, this.name, state);
  }
}
