// Every spec in specs/: its verdict, the violated property, the length of the shortest
// counterexample and the distinct-state count are fixed here (expectations in test/specs/).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadModel } from "../src/index.js";
import { explore } from "../src/explore/bfs.js";
import { ROOT } from "./helpers/run-cli.js";
import { CORE_SPECS, type SpecExpectation } from "./specs/expectations.js";

// Every test/specs/expectations-*.ts exports arrays of expectations (one file per group of pairs).
const groups = import.meta.glob<Record<string, readonly SpecExpectation[]>>("./specs/expectations-*.ts", { eager: true });
const ALL: readonly SpecExpectation[] = [...CORE_SPECS, ...Object.values(groups).flatMap((m) => Object.values(m).flat())];

function run(e: SpecExpectation) {
  const text = readFileSync(join(ROOT, e.file), "utf8");
  const loaded = loadModel(text, e.file, { constants: e.constants ?? {} });
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return explore(loaded.model!, {});
}

describe("specs/", () => {
  it("every spec file has an expectation", () => {
    const files = readdirSync(join(ROOT, "specs")).filter((f) => f.endsWith(".fl")).map((f) => `specs/${f}`);
    const covered = new Set(ALL.map((e) => e.file));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  for (const e of ALL) {
    const consts = Object.entries(e.constants ?? {}).map(([k, v]) => ` ${k}=${v}`).join("");
    it(`${e.file}${consts}: ${e.outcome}${e.property ? ` ${e.property}` : ""}, ${e.distinctStates} states`, () => {
      const result = run(e);
      expect(result.outcome).toBe(e.outcome);
      if (e.property !== undefined) expect(result.violation?.property).toBe(e.property);
      if (e.traceSteps !== undefined) expect(result.violation!.path.length - 1).toBe(e.traceSteps);
      expect(result.stats.distinctStates).toBe(e.distinctStates);
    });
  }
});
