// A worker thread rebuilds the model from the parsed spec that pool.ts hands it, so that it never
// loads the parser: chevrotain and the grammar's self-analysis cost ~150 ms of each thread's start
// (worker.js loads in ~75 ms without them, ~230 ms with); random search's code and fast-check
// another ~35 ms, so they wait for the first walk task. This follows worker.ts's static imports.

import { describe, expect, it } from "vitest";
import { importGraph } from "../../helpers/import-graph.js";

describe("the worker thread's imports", () => {
  it("leave out the parser and chevrotain", () => {
    const { modules, packages } = importGraph("explore/worker.ts");
    expect(modules).toContain("compile/index.ts");
    expect(modules).toContain("explore/chunk-expander.ts");
    expect(modules.filter((m) => m.startsWith("syntax/"))).toEqual([]);
    expect(packages).not.toContain("chevrotain");
  });

  it("leave out random search and fast-check (loaded on the first walk task)", () => {
    const { modules, packages } = importGraph("explore/worker.ts");
    expect(modules).not.toContain("explore/random-parallel.ts");
    expect(modules).not.toContain("explore/walk-runner.ts");
    expect(packages).not.toContain("fast-check");
  });
});
