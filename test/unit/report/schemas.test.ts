// Each machine format checked against its schema on real runs of the built CLI: JSON against
// src/report/report.schema.json (every outcome), SARIF against the SARIF 2.1.0 schema that
// @microsoft/jest-sarif ships, JUnit counts on a multi-spec run. Needs `npm run build` (pretest).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../../helpers/run-cli.js";
import { parseXml } from "../../helpers/xml.js";
import { itfToStates } from "../../../src/report/itf.js";
import { createJsonReporter } from "../../../src/report/json.js";
import { parseArgs } from "../../../src/cli/options.js";
import { runCheck } from "../../../src/cli/run-check.js";
import { REPORT_SCHEMA_TEXT, schemaProblems as problems, validateReport, validateSarif } from "../../helpers/schemas.js";

type Json = Record<string, unknown>;

let dir: string;
let unreachedSpec: string;
let brokenSpec: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "faultline-schemas-"));
  unreachedSpec = join(dir, "unreached.fl");
  writeFileSync(unreachedSpec, "spec Unreached\n\nvar x: 0..3 = 0\n\naction inc when x < 2 { x = x + 1 }\n\nreachable Three = x == 3\n\nend when true\n");
  brokenSpec = join(dir, "broken.fl");
  writeFileSync(brokenSpec, "spec Broken\n\nvar x: bool = \n\ninvariant Ok = true\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runs = new Map<string, { code: number; stdout: string }>();

/** Runs `faultline check ...args --format FORMAT --workers 1` (once per argument list); returns the exit code and stdout. */
function check(format: string, args: readonly string[]): { code: number; stdout: string } {
  const argv = ["check", ...args, "--format", format, "--workers", "1"];
  const key = argv.join("\0");
  if (!runs.has(key)) {
    const r = runCli(argv);
    expect(r.stderr).toBe("");
    runs.set(key, { code: r.code, stdout: r.stdout });
  }
  return runs.get(key)!;
}

/** A JSON report of a real run, validated against the schema; returns its one file entry. */
function jsonRun(args: readonly string[], exitCode: number): Json {
  const { code, stdout } = check("json", args);
  expect(code).toBe(exitCode);
  const doc = JSON.parse(stdout) as Json;
  expect(problems(validateReport, doc)).toEqual([]);
  const files = doc["files"] as Json[];
  expect(files).toHaveLength(1);
  return files[0]!;
}

const lineOf = (file: string, prefix: string) => readFileSync(join(ROOT, file), "utf8").split("\n").findIndex((l) => l.startsWith(prefix)) + 1;

describe("JSON report against report.schema.json", () => {
  it("the schema is published in dist/ by the build, with an id and a version", () => {
    expect(readFileSync(join(ROOT, "dist/report/report.schema.json"), "utf8")).toBe(REPORT_SCHEMA_TEXT);
    const schema = JSON.parse(REPORT_SCHEMA_TEXT) as Json;
    expect(schema["$id"]).toBe("urn:faultline:report:v1");
    expect((schema["properties"] as Json)["version"]).toMatchObject({ const: 1 });
  });

  it("ok: an exhaustive pass", () => {
    const f = jsonRun(["specs/two-phase.fl", "--const", "K=3"], 0);
    expect(f).toMatchObject({ file: "specs/two-phase.fl", outcome: "ok", exitCode: 0, diagnostics: [] });
    expect((f["stats"] as Json)["distinctStates"]).toBe(288);
    expect(f["violation"]).toBeUndefined();
  });

  it("violation: property, kind, replay token, explanation and the trace", () => {
    const f = jsonRun(["specs/split-brain.fl"], 10);
    expect(f).toMatchObject({ outcome: "violation", violation: { property: "NoSplitBrain", kind: "invariant" } });
    const violation = f["violation"] as Json;
    expect(f["replayCommand"]).toBe(`faultline check specs/split-brain.fl --replay ${violation["replay"] as string}`);
    expect(violation["explanation"]).toMatch(/^fails for a = Server\[/);
    const steps = (f["trace"] as Json)["steps"] as Json[];
    expect(steps).toHaveLength(6);
    expect((steps[0]!["step"] as Json)["text"]).toBe("Server[0] times out");
  });

  it("deadlock", () => {
    const f = jsonRun(["specs/2pc-coordinator-crash.fl"], 11);
    expect(f).toMatchObject({ outcome: "deadlock", violation: { kind: "deadlock" } });
    expect((f["trace"] as Json)["steps"]).toHaveLength(7);
  });

  it("unreached", () => {
    const f = jsonRun([unreachedSpec], 12);
    expect(f).toMatchObject({ outcome: "unreached", unreached: ["Three"] });
  });

  it("error: an evaluation failure with its code, action and trace", () => {
    const f = jsonRun(["test/fixtures/parallel/overflow.fl"], 75);
    expect(f).toMatchObject({ outcome: "error", error: { code: "FL5001", action: "bump" } });
    expect((f["error"] as Json)["message"]).toContain("out of range for `a`");
    expect(f["trace"]).toBeDefined();
  });

  it("limit: --max-states", () => {
    const f = jsonRun(["specs/leader-election.fl", "--max-states", "100"], 152);
    expect(f).toMatchObject({ outcome: "limit", limit: "states", stats: { distinctStates: 100 } });
  });

  it("limit: interrupted (Ctrl-C), through the CLI's own check loop", async () => {
    const parsed = parseArgs(["check", "specs/two-phase.fl", "--const", "K=9", "--workers", "1", "--format", "json"]);
    if (!parsed.ok || parsed.command.kind !== "check") throw new Error("bad arguments");
    let out = "";
    let polls = 0;
    // The first poll lets the file start; the search stops at the one after: what Ctrl-C does.
    const [report] = await runCheck(parsed.command.options, createJsonReporter((t) => (out += t)), () => polls++ > 0);
    expect(report!.exitCode).toBe(130);
    const doc = JSON.parse(out) as Json;
    expect(problems(validateReport, doc)).toEqual([]);
    expect((doc["files"] as Json[])[0]).toMatchObject({ outcome: "limit", limit: "interrupted", exitCode: 130 });
  });

  it("random search: a shrunk violation with the seed, the walk figures and the rerun command", () => {
    const f = jsonRun(["specs/duplicate-charge.fl", "--random", "--seed", "0x2a"], 10);
    expect(f).toMatchObject({ outcome: "violation", violation: { property: "charge", kind: "atmostonce" } });
    const random = f["random"] as Json;
    expect(random["seed"]).toBe("0x2a");
    expect(random["shrunkLength"]).toBe(((f["trace"] as Json)["steps"] as Json[]).length);
    expect(random["originalLength"] as number).toBeGreaterThanOrEqual(random["shrunkLength"] as number);
    expect(f["rerunCommand"]).toBe("faultline check specs/duplicate-charge.fl --random --seed 0x2a");
  });

  it("random search that finds nothing: limit `walks`", () => {
    const f = jsonRun(["specs/two-phase.fl", "--random", "--seed", "1", "--walks", "20"], 152);
    expect(f).toMatchObject({ outcome: "limit", limit: "walks", random: { seed: "0x1", walks: 20 } });
  });

  it("diagnostics: a syntax error, with offsets, line and column", () => {
    const f = jsonRun([brokenSpec], 150);
    expect(f["outcome"]).toBe("spec-error");
    expect(f["stats"]).toBeUndefined();
    const first = (f["diagnostics"] as Json[])[0]!;
    expect(first).toMatchObject({ code: "FL1002", severity: "error", span: { file: brokenSpec, line: 5, column: 1 } });
  });

  it("several files in one document, and a missing path as a usage error", () => {
    const { code, stdout } = check("json", ["specs/split-brain.fl", "specs/two-phase.fl", brokenSpec]);
    expect(code).toBe(150);
    const doc = JSON.parse(stdout) as Json;
    expect(problems(validateReport, doc)).toEqual([]);
    expect((doc["files"] as Json[]).map((f) => [f["file"], f["outcome"], f["exitCode"]])).toEqual([
      ["specs/split-brain.fl", "violation", 10],
      ["specs/two-phase.fl", "ok", 0],
      [brokenSpec, "spec-error", 150],
    ]);
    const missing = JSON.parse(check("json", [join(dir, "nope.fl")]).stdout) as Json;
    expect(problems(validateReport, missing)).toEqual([]);
    expect((missing["files"] as Json[])[0]).toMatchObject({ file: "", outcome: "spec-error", exitCode: 151, diagnostics: [{ code: "FL0003" }] });
  });

  it("rejects broken documents (the validation is not a no-op)", () => {
    const good = JSON.parse(check("json", ["specs/split-brain.fl"]).stdout) as Json;
    const file = (good["files"] as Json[])[0]!;
    const broken = (change: (doc: Json, file: Json) => void): Json => {
      const doc = structuredClone(good);
      change(doc, (doc["files"] as Json[])[0]!);
      return doc;
    };
    expect(problems(validateReport, good)).toEqual([]);
    expect(problems(validateReport, broken((doc) => delete doc["version"]))).not.toEqual([]);
    expect(problems(validateReport, broken((doc) => (doc["version"] = 2)))).not.toEqual([]);
    expect(problems(validateReport, broken((_, f) => (f["outcome"] = "failed")))).not.toEqual([]);
    expect(problems(validateReport, broken((_, f) => (f["outcome"] = "ok")))).not.toEqual([]); // ok with a violation
    expect(problems(validateReport, broken((_, f) => delete f["violation"]))).not.toEqual([]);
    expect(problems(validateReport, broken((_, f) => (f["surprise"] = true)))).not.toEqual([]);
    expect(problems(validateReport, broken((_, f) => ((f["violation"] as Json)["replay"] = "0/x")))).not.toEqual([]);
    expect(problems(validateReport, broken((_, f) => ((f["stats"] as Json)["distinctStates"] = -1)))).not.toEqual([]);
    expect(file["outcome"]).toBe("violation");
  });
});

describe("SARIF log against the SARIF 2.1.0 schema", () => {
  const sarifRun = (args: readonly string[], exitCode: number): Json => {
    const { code, stdout } = check("sarif", args);
    expect(code).toBe(exitCode);
    const log = JSON.parse(stdout) as Json;
    expect(problems(validateSarif, log)).toEqual([]);
    return log;
  };
  const resultsOf = (log: Json) => (log["runs"] as Json[])[0]!["results"] as Json[];
  const regionOf = (result: Json) => ((result["locations"] as Json[])[0]!["physicalLocation"] as Json)["region"] as Json | undefined;

  it("a violation is one result at the violated property's line, with the trace as a code flow", () => {
    const results = resultsOf(sarifRun(["specs/split-brain.fl", "specs/duplicate-charge.fl"], 10));
    expect(results.map((r) => r["ruleId"])).toEqual(["violation/invariant", "violation/atmostonce"]);
    expect(regionOf(results[0]!)).toMatchObject({ startLine: lineOf("specs/split-brain.fl", "invariant NoSplitBrain"), startColumn: 1 });
    expect(regionOf(results[1]!)).toMatchObject({ startLine: lineOf("specs/duplicate-charge.fl", "atmostonce charge") });
    const flow = ((results[0]!["codeFlows"] as Json[])[0]!["threadFlows"] as Json[])[0]!["locations"] as Json[];
    expect(flow).toHaveLength(7);
  });

  it("a clean run has no results", () => {
    expect(resultsOf(sarifRun(["specs/two-phase.fl", "--const", "K=3"], 0))).toEqual([]);
  });

  it("a syntax error is a result at the error's line and column", () => {
    const results = resultsOf(sarifRun([brokenSpec], 150));
    expect(results[0]).toMatchObject({ ruleId: "FL1002", level: "error" });
    expect(regionOf(results[0]!)).toMatchObject({ startLine: 5, startColumn: 1 });
  });

  it("the schema rejects a broken log", () => {
    const log = sarifRun(["specs/split-brain.fl", "specs/duplicate-charge.fl"], 10);
    const bad = structuredClone(log);
    bad["version"] = "2.0.0";
    ((bad["runs"] as Json[])[0]!["results"] as Json[])[0]!["level"] = "fatal";
    expect(problems(validateSarif, bad).length).toBeGreaterThanOrEqual(2);
  });
});

describe("JUnit report of a multi-spec run", () => {
  it("one testsuite per spec and one testcase per property, with the right counts", () => {
    const specs = ["specs/retry-storm.fl", "specs/2pc-coordinator-crash.fl", "specs/circuit-breaker.fl"];
    const { code, stdout } = check("junit", [...specs, brokenSpec]);
    expect(code).toBe(150);
    const root = parseXml(stdout);
    const suites = root.children.filter((c) => c.name === "testsuite");
    const summary = suites.map((s) => ({
      name: s.attributes["name"],
      counts: ["tests", "failures", "errors", "skipped"].map((k) => Number(s.attributes[k])),
      cases: s.children.filter((c) => c.name === "testcase").map((c) => `${c.attributes["name"]}: ${c.children[0]?.name ?? "passed"}`),
    }));
    expect(summary).toEqual([
      {
        name: specs[0],
        counts: [3, 1, 0, 2],
        cases: ["invariant WithinRetryBudget: failure", "reachable ClientToldOfFailure: skipped", "deadlock: skipped"],
      },
      { name: specs[1], counts: [2, 1, 0, 1], cases: ["invariant Atomic: skipped", "deadlock: failure"] },
      {
        name: specs[2],
        counts: [4, 0, 0, 0],
        cases: ["invariant NoErrorToClient: passed", "reachable ServedDegraded: passed", "reachable BreakerRecloses: passed", "deadlock: passed"],
      },
      { name: brokenSpec, counts: [1, 0, 1, 0], cases: ["spec: error"] },
    ]);
    expect(root.attributes).toMatchObject({ tests: "10", failures: "2", errors: "1", skipped: "3" });
  });
});

describe("ITF of a real run", () => {
  it("reads back into the same states as the JSON report's trace, one document per failing spec", () => {
    const specs = ["specs/split-brain.fl", "specs/duplicate-charge.fl", "specs/two-phase.fl"];
    const itf = check("itf", specs);
    expect(itf.code).toBe(10);
    const lines = itf.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const json = JSON.parse(check("json", specs).stdout) as Json;
    const traces = (json["files"] as Json[]).filter((f) => f["trace"] !== undefined).map((f) => f["trace"] as Json);
    expect(lines.map((line) => itfToStates(line))).toEqual(traces.map((t) => [t["initial"], ...(t["steps"] as Json[]).map((s) => s["state"])]));
  });
});
