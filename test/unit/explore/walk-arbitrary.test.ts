import { describe, expect, it } from "vitest";
import type { Model } from "../../../src/compile/model.js";
import { shrinkChoices } from "../../../src/explore/shrink.js";
import { createWalkArbitrary } from "../../../src/explore/walk-arbitrary.js";
import { createToyModel } from "../../helpers/toy-models.js";

/** Counters (a, b): `incA` is enabled (first) only while a < 1, so it shifts `incB`'s ordinal. */
const toy = createToyModel({
  initial: [[0, 0]],
  actions: [{ label: "incA" }, { label: "incB" }],
  next: ([a, b]) => [...(a! < 1 ? [[0, [a! + 1, b!]] as const] : []), [1, [a!, b! + 1]] as const],
  invariants: [{ name: "bBelow2", holds: ([, b]) => b! < 2 }],
});
/** Steps described as a compiled model does: by what happens (`incB`), not by the state after it. */
const model: Model = {
  ...toy,
  describeStep: (state, ordinal) => {
    const step = toy.describeStep(state, ordinal);
    return { ...step, text: toy.actions[step.actionId]!.label };
  },
};

describe("createWalkArbitrary", () => {
  it("proposes removals first, re-choosing later steps by what they do", () => {
    const walk = [0, 0, 0, 0]; // incA, then incB twice (ordinal 0 once incA is disabled)
    const shrinks = [...createWalkArbitrary(model).shrink(walk, undefined).take(4)].map((v) => v.value);
    // Removing incA makes incB ordinal 1; removing one incB keeps the rest as they were.
    expect(shrinks.slice(0, 3)).toEqual([
      [0, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("lets fast-check shrink a walk to the shortest one that still fails the same way", () => {
    expect(shrinkChoices(model, [0, 0, 0, 0], { kind: "violation", property: 0 })).toEqual([0, 1, 1]);
    // Removing choices alone (fc.array(fc.nat())) cannot: without incA, incB is ordinal 1, not 0.
    expect(shrinkChoices(toy, [0, 0, 0, 0], { kind: "violation", property: 0 })).toEqual([0, 0, 0, 0]);
  });

  it("generates like fc.array(fc.nat()) and accepts any such array for shrinking", () => {
    const arbitrary = createWalkArbitrary(model);
    expect(arbitrary.canShrinkWithoutContext([3, 0, 7])).toBe(true);
    expect(arbitrary.canShrinkWithoutContext([-1])).toBe(false);
  });
});
