// The fast-check Arbitrary that shrink.ts shrinks walks with: `fc.array(fc.nat())` (removing and
// lowering choice indices), preceded by removals that keep the rest of the walk meaning the same
// steps: after a cut, each later step is matched again by what it does, not by its ordinal.

import fc from "fast-check";
import { EvaluationError, type Model, type PackedState } from "../compile/model.js";
import { fingerprint } from "./fingerprint.js";
import { replayChoices } from "./replay-choices.js";
import { replay } from "./trace.js";

/** What a step does, as the model describes it: its action and its text. */
interface StepKey {
  readonly actionId: number;
  readonly text: string;
}

/** Descriptions cached between candidates (keyed by state fingerprint and ordinal), at most this many. */
const MAX_CACHED = 1 << 16;

/**
 * An Arbitrary over walks (lists of choice indices, see replayChoices). It generates like
 * `fc.array(fc.nat())`; its shrinks of a walk are, first, the walk with a block of steps removed
 * (halves, then quarters, ... then single steps) where each later step is re-chosen as the
 * successor with the same action and description (a step that no longer exists is dropped), then
 * every shrink `fc.array(fc.nat())` proposes. Deterministic: candidates depend only on the walk.
 * Once `isSpent()` answers true (the shrinker's budget is used up), it proposes no more removals.
 */
export function createWalkArbitrary(model: Model, isSpent: () => boolean = () => false): fc.Arbitrary<number[]> {
  return new WalkArbitrary(model, isSpent);
}

class WalkArbitrary extends fc.Arbitrary<number[]> {
  private readonly inner = fc.array(fc.nat());
  private readonly descriptions = new Map<string, string>();
  private readonly fp = new Int32Array(2);

  constructor(
    private readonly model: Model,
    private readonly isSpent: () => boolean,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number[]> {
    return this.inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is number[] {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: number[], context: unknown): fc.Stream<fc.Value<number[]>> {
    const removals = fc.stream(this.removals(value)).map((walk) => new fc.Value(walk, undefined));
    // Stop drawing from the array shrinker once the budget is spent: on a long walk each of its
    // candidates costs time to build, even when it is then rejected unseen.
    return removals.join(this.inner.shrink(value, context).takeWhile(() => !this.isSpent()));
  }

  /** Candidates with a block of steps removed and later steps matched again, largest blocks first. */
  private *removals(value: readonly number[]): Generator<number[]> {
    if (this.isSpent()) return;
    const path = replayChoices(this.model, value).path;
    const replayed = replay(this.model, path);
    if (typeof replayed === "string") return;
    const keys: StepKey[] = replayed.steps.map((s) => ({ actionId: s.actionId, text: s.text }));
    const steps = keys.length;
    for (let size = Math.max(1, steps >> 1); size >= 1 && steps > 0; size >>= 1) {
      for (let start = 0; start < steps; start += size) {
        if (this.isSpent()) return;
        yield this.rematch(path[0]!, keys, start, Math.min(steps, start + size));
      }
    }
  }

  /** The walk from initial state `first` taking steps `keys` except [cut, end), each matched by key. */
  private rematch(first: number, keys: readonly StepKey[], cut: number, end: number): number[] {
    const walk = [first];
    let state: PackedState | undefined = this.model.initialStates()[first];
    for (let t = 0; t < keys.length && state !== undefined; t++) {
      if (t >= cut && t < end) continue;
      let found: { ordinal: number; next: PackedState } | undefined;
      try {
        found = this.findStep(state, keys[t]!);
      } catch (error) {
        // The state fails to evaluate: the walk ends here (the predicate judges that failure).
        if (error instanceof EvaluationError) return walk;
        throw error;
      }
      if (found === undefined) continue;
      walk.push(found.ordinal);
      state = found.next;
    }
    return walk;
  }

  /** The first successor of `state` whose action and description match `key`, with its ordinal. */
  private findStep(state: PackedState, key: StepKey): { ordinal: number; next: PackedState } | undefined {
    const ordinals: number[] = [];
    const nexts: PackedState[] = [];
    this.model.successors(state, (actionId, next) => {
      if (actionId === key.actionId) nexts.push(Int32Array.from(next));
      ordinals.push(actionId === key.actionId ? ordinals.length : -1);
    });
    fingerprint(state, this.fp);
    let k = 0;
    for (const ordinal of ordinals) {
      if (ordinal < 0) continue;
      const next = nexts[k++]!;
      if (this.describe(state, ordinal) === key.text) return { ordinal, next };
    }
    return undefined;
  }

  /** The text of successor `ordinal` of `state` (whose fingerprint is in `this.fp`), cached. */
  private describe(state: PackedState, ordinal: number): string {
    const cacheKey = `${this.fp[0]},${this.fp[1]},${ordinal}`;
    let text = this.descriptions.get(cacheKey);
    if (text === undefined) {
      text = this.model.describeStep(state, ordinal).text;
      if (this.descriptions.size >= MAX_CACHED) this.descriptions.clear();
      this.descriptions.set(cacheKey, text);
    }
    return text;
  }
}
