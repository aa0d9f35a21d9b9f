import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Model } from "../../../src/compile/model.js";
import { loadModel } from "../../../src/index.js";
import { randomSearch } from "../../../src/explore/random-walk.js";
import type { RandomResult } from "../../../src/explore/result.js";
import { mergeShards } from "../../../src/explore/shard-merge.js";
import { ROOT } from "../../helpers/run-cli.js";

function spec(file: string): Model {
  const loaded = loadModel(readFileSync(join(ROOT, file), "utf8"), file);
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return loaded.model;
}

/** Runs the `count` shards of one search, as separate processes would. */
function shards(model: Model, count: number, options: { seed: number; walks?: number; shortenSteps?: number }): RandomResult[] {
  return Array.from({ length: count }, (_, index) => randomSearch(model, { ...options, shard: { index, count } }));
}

describe("mergeShards", () => {
  it("adds up the shards of a search without a failure to the unsharded run's counts", () => {
    const model = spec("specs/two-phase.fl");
    const whole = randomSearch(model, { seed: 8, walks: 301 });
    const merged = mergeShards(shards(model, 3, { seed: 8, walks: 301 }));
    if (typeof merged === "string") throw new Error(merged);
    expect(merged).toMatchObject({ outcome: "limit", limit: "walks" });
    expect(merged.random).toMatchObject({ walks: 301, steps: whole.random.steps, mergedShards: 3, deepestWalk: whole.random.deepestWalk });
    expect(merged.random.shard).toBeUndefined();
    expect(merged.coverage).toEqual(whole.coverage);
    expect(merged.stats.generatedStates).toBe(whole.stats.generatedStates);
    expect(merged.random.distinctStates).toBeLessThanOrEqual(whole.random.distinctStates);
    expect(merged.random.distinctStatesAtMost).toBeGreaterThanOrEqual(whole.random.distinctStates);
  });

  it("keeps the failure of the lowest-numbered failing walk: the unsharded search's failure", () => {
    const model = spec("specs/split-brain.fl");
    const whole = randomSearch(model, { seed: 1, shortenSteps: 0 });
    const merged = mergeShards(shards(model, 4, { seed: 1, shortenSteps: 0 }).reverse());
    if (typeof merged === "string") throw new Error(merged);
    expect(merged.outcome).toBe("violation");
    expect(merged.random.failingWalk).toBe(whole.random.failingWalk);
    expect(merged.violation).toEqual(whole.violation);
  });

  it("refuses results that are not the shards of one search", () => {
    const model = spec("specs/two-phase.fl");
    const two = shards(model, 2, { seed: 1, walks: 20 });
    expect(mergeShards([])).toMatch(/no shard/);
    expect(mergeShards([two[0]!])).toMatch(/shards 0..1/);
    expect(mergeShards([two[0]!, two[0]!])).toMatch(/each once/);
    const other = randomSearch(model, { seed: 2, walks: 20, shard: { index: 1, count: 2 } });
    expect(mergeShards([two[0]!, other])).toMatch(/different seeds/);
  });
});
