import { describe, expect, it } from "vitest";
import { createWalkRunner } from "../../../src/explore/walk-runner.js";
import { createToyModel } from "../../helpers/toy-models.js";

/** (x, y) on a 6 x 6 torus: right (action 0) or up (action 1); one in four states is "far". */
const torus = createToyModel({
  initial: [[0, 0]],
  actions: [{ label: "right" }, { label: "up" }],
  next: ([x, y]) => [
    [0, [(x! + 1) % 6, y!]],
    [1, [x!, (y! + 1) % 6]],
  ],
  reachables: [{ name: "far", holds: ([x, y]) => x === 5 && y === 5 }],
});

describe("createWalkRunner", () => {
  it("gives the same totals whether a range runs at once or in slices of steps", () => {
    const whole = createWalkRunner(torus, { seed: 3, walkDepth: 17 }).run(0, 50);
    const sliced = createWalkRunner(torus, { seed: 3, walkDepth: 17 });
    let from = 0;
    let steps = 0;
    const coverage = [0, 0];
    while (from < 50) {
      const r = sliced.run(from, 50, 40);
      expect(r.completed).toBeLessThanOrEqual(3); // stops after the walk that reaches 40 steps
      from += r.completed;
      steps += r.steps;
      r.coverage.forEach((n, i) => (coverage[i]! += n));
    }
    expect(whole).toMatchObject({ completed: 50, steps: 50 * 17, deepest: 17, distinctAdded: 36, reached: [0] });
    expect(steps).toBe(whole.steps);
    expect(coverage).toEqual(whole.coverage);
    expect(sliced.distinctStates).toBe(36);
  });

  it("exports the fingerprints of the distinct states of each range, whatever ran before; reports reachables once per runner", () => {
    const runner = createWalkRunner(torus, { seed: 1, walkDepth: 40, exportFingerprints: true });
    const first = runner.run(0, 30);
    const second = runner.run(30, 60);
    expect(first.fingerprints!.length).toBe(2 * first.distinctAdded);
    expect(second.fingerprints!.length).toBe(2 * second.distinctAdded);
    const pairs = (r: typeof first) => Array.from({ length: r.distinctAdded }, (_, i) => `${r.fingerprints![2 * i]},${r.fingerprints![2 * i + 1]}`);
    expect(new Set([...pairs(first), ...pairs(second)]).size).toBe(36);
    const alone = createWalkRunner(torus, { seed: 1, walkDepth: 40, exportFingerprints: true }).run(30, 60);
    expect(alone.fingerprints).toEqual(second.fingerprints);
    expect([first.reached, second.reached, alone.reached]).toEqual([[0], [0], [0]]);
    const plain = createWalkRunner(torus, { seed: 1, walkDepth: 40 });
    expect([...plain.run(0, 30).reached, ...plain.run(30, 60).reached]).toEqual([0]);
  });

  it("stops counting new states when its fingerprint set is full", () => {
    const line = createToyModel({ initial: [[0]], next: ([x]) => [[0, [x! + 1]]] });
    // The set starts with 16,384 slots and may not grow past 1 KiB: it is full at 70% load.
    const r = createWalkRunner(line, { seed: 1, walkDepth: 20_000, maxSeenBytes: 1024 }).run(0, 1);
    expect(r.capped).toBe(true);
    expect(r.distinctAdded).toBe(Math.floor(16_384 * 0.7));
    expect(r.steps).toBe(20_000);
  });

  it("runs walks to a state without successors, and a walk depth of 0 only checks initial states", () => {
    const short = createToyModel({ initial: [[0], [7]], next: ([x]) => (x! < 3 ? [[0, [x! + 1]]] : []) });
    const r = createWalkRunner(short, { seed: 2, walkDepth: 100 }).run(0, 20);
    expect(r.deepest).toBe(3);
    expect(createWalkRunner(short, { seed: 2, walkDepth: 0 }).run(0, 20)).toMatchObject({ steps: 0, completed: 20, distinctAdded: 2 });
  });
});
