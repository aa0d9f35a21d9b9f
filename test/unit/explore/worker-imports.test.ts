// A worker thread rebuilds the model from the parsed spec that pool.ts hands it, so that it never
// loads the parser: chevrotain and the grammar's self-analysis cost ~150 ms of each thread's start
// (worker.js loads in ~75 ms without them, ~230 ms with); random search's code and fast-check
// another ~35 ms, so they wait for the first walk task. This follows worker.ts's static imports.

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "src");

/** Every module worker.ts loads (relative paths under src/), and the packages they import. */
function importGraph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(SRC, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    // Value imports only: `import type` and `export type` are erased by tsc.
    const source = readFileSync(file, "utf8");
    for (const [, spec] of source.matchAll(/^(?:import|export)(?! type)[^;]*?from "([^"]+)";/gms)) {
      if (spec!.startsWith(".")) pending.push(join(dirname(file), spec!.replace(/\.js$/, ".ts")));
      else packages.add(spec!);
    }
  }
  return { modules: [...modules].map((m) => relative(SRC, m)), packages: [...packages] };
}

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
