// End to end through parse, check, compile and explore: TwoPhase state counts (TLC's), the
// symmetric variant's count, and that symmetry reduction yields exactly the orbits.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { fingerprint } from "../../../src/explore/fingerprint.js";
import { compileSource } from "../../helpers/compile-source.js";

const twoPhase = readFileSync(new URL("../../../specs/two-phase.fl", import.meta.url), "utf8");
const symmetricTwoPhase = twoPhase.replace("node RM[K] {", "node RM[K] symmetric {");

/** Every reachable state of a model, by BFS over fingerprints (for orbit counting). */
function reachableStates(model: ReturnType<typeof compileSource>): Int32Array[] {
  const seen = new Set<string>();
  const fp = new Int32Array(2);
  const states: Int32Array[] = [];
  const visit = (s: Int32Array): void => {
    fingerprint(s, fp);
    const key = `${fp[0]}:${fp[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    states.push(s.slice());
  };
  model.initialStates().forEach(visit);
  for (let i = 0; i < states.length; i++) model.successors(states[i]!, (_, next) => visit(next));
  return states;
}

describe("TwoPhase (specs/two-phase.fl)", () => {
  it.each([
    ["3", 288],
    ["4", 1568],
    ["5", 8832],
    ["6", 50816],
  ])("K=%s has TLC's %i distinct states and no violation", (K, count) => {
    const result = explore(compileSource(twoPhase, { K }));
    expect(result.outcome).toBe("ok");
    expect(result.stats.distinctStates).toBe(count);
  });

  it("K=7 has 296448 distinct states", () => {
    const result = explore(compileSource(twoPhase, { K: "7" }));
    expect(result.stats.distinctStates).toBe(296448);
  });

  it.each([
    ["3", 80],
    ["4", 166],
    ["5", 314],
    ["6", 553],
    ["7", 920],
    ["8", 1461],
  ])("with `node RM[K] symmetric`, K=%s has %i distinct states", (K, count) => {
    const result = explore(compileSource(symmetricTwoPhase, { K }));
    expect(result.outcome).toBe("ok");
    expect(result.stats.distinctStates).toBe(count);
  });

  it("symmetry reduction gives exactly the orbits of the full state space (K=4)", () => {
    const full = reachableStates(compileSource(twoPhase, { K: "4" }));
    const symmetric = compileSource(symmetricTwoPhase, { K: "4" });
    const orbits = new Set<string>();
    const canonical = new Int32Array(symmetric.stateSize);
    for (const s of full) {
      symmetric.canonicalize(s, canonical);
      orbits.add(canonical.join(","));
    }
    expect(orbits.size).toBe(166);
  });
});
