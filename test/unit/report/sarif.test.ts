import { describe, expect, it } from "vitest";
import { createSarifReporter, toUri } from "../../../src/report/sarif.js";
import type { FileReport } from "../../../src/report/reporter.js";
import { makeDiagnostic } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import type { SourceLookup } from "../../../src/diagnostics/render.js";
import { fakeResult, specReport } from "../../helpers/report-fixtures.js";
import { schemaProblems, validateSarif } from "../../helpers/schemas.js";

type Json = Record<string, unknown>;

/**
 * What is wrong with `log`: the SARIF 2.1.0 schema's complaints, plus what the schema cannot say
 * (each result's ruleIndex points at the rule its ruleId names, rule ids are unique).
 */
function sarifProblems(log: Json): string[] {
  const problems = schemaProblems(validateSarif, log);
  for (const run of (log["runs"] ?? []) as Json[]) {
    const rules = ((((run["tool"] as Json | undefined)?.["driver"] as Json | undefined)?.["rules"] ?? []) as Json[]);
    const ids = rules.map((r) => r["id"]);
    if (new Set(ids).size !== ids.length) problems.push("rule ids must be unique");
    for (const result of (run["results"] ?? []) as Json[]) {
      const index = result["ruleIndex"];
      if (index !== undefined && rules[index as number]?.["id"] !== result["ruleId"]) problems.push(`ruleIndex ${String(index)} does not name ${String(result["ruleId"])}`);
    }
  }
  return problems;
}

function run(reports: readonly { report: FileReport; lookup: SourceLookup }[]): Json {
  let out = "";
  const reporter = createSarifReporter((t) => (out += t), { version: "0.1.0" });
  for (const { report, lookup } of reports) reporter.onFile(report, lookup);
  reporter.onFinish(reports.map((r) => r.report));
  return JSON.parse(out) as Json;
}

const results = (log: Json) => ((log["runs"] as Json[])[0]!["results"] as Json[]);
const region = (result: Json) => ((result["locations"] as Json[])[0]!["physicalLocation"] as Json)["region"] as Json | undefined;

describe("SARIF reporter", () => {
  it("writes one run with a result per violation, located at the property's declaration", () => {
    const log = run([specReport("split-brain"), specReport("duplicate-charge"), specReport("retry-budget")]);
    expect(sarifProblems(log)).toEqual([]);
    const driver = ((log["runs"] as Json[])[0]!["tool"] as Json)["driver"] as Json;
    expect(driver).toMatchObject({ name: "faultline", version: "0.1.0" });
    const [split, charge] = results(log);
    expect(results(log)).toHaveLength(2);
    expect(split).toMatchObject({ ruleId: "violation/invariant", level: "error" });
    expect((split!["message"] as Json)["text"]).toMatch(/^invariant NoSplitBrain violated after 6 steps\. Replay: faultline check specs\/split-brain\.fl --replay [0-9/]+$/);
    expect(region(split!)).toEqual({ startLine: 48, startColumn: 1, endLine: 48, endColumn: 23 });
    expect(charge).toMatchObject({ ruleId: "violation/atmostonce" });
    expect(region(charge!)).toBeDefined();
    const flow = ((split!["codeFlows"] as Json[])[0]!["threadFlows"] as Json[])[0]!["locations"] as Json[];
    expect(flow).toHaveLength(7);
  });

  it("writes a result per diagnostic, with rules for the codes used and regions from the spans", () => {
    const text = "spec X\n\nvar count: int = 1\n";
    const source = new SourceFile("a b.fl", text);
    const start = text.indexOf("int");
    const error = makeDiagnostic("FL2001", { file: "a b.fl", start, end: start + 3 }, { name: "int" });
    const warning = makeDiagnostic("FL6001", { file: "a b.fl", start: 0, end: 0 }, { what: "handler", name: "S.on M" });
    const usage = makeDiagnostic("FL0003", undefined, { path: "nope.fl" });
    const report: FileReport = { file: "a b.fl", diagnostics: [error, warning, usage], result: undefined, trace: undefined, replayCommand: undefined, exitCode: 150 };
    const log = run([{ report, lookup: (f) => (f === "a b.fl" ? source : undefined) }]);
    expect(sarifProblems(log)).toEqual([]);
    const [e, w, u] = results(log);
    expect(e).toMatchObject({ ruleId: "FL2001", level: "error", message: { text: error.message } });
    expect(region(e!)).toEqual({ startLine: 3, startColumn: 12, endLine: 3, endColumn: 15 });
    expect(((e!["locations"] as Json[])[0]!["physicalLocation"] as Json)["artifactLocation"]).toEqual({ uri: "a%20b.fl" });
    expect(w).toMatchObject({ ruleId: "FL6001", level: "warning" });
    expect(region(w!)).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(u).toMatchObject({ ruleId: "FL0003" });
    const rules = (((log["runs"] as Json[])[0]!["tool"] as Json)["driver"] as Json)["rules"] as Json[];
    expect(rules.map((r) => r["id"])).toEqual(["FL2001", "FL6001", "FL0003"]);
  });

  it("reports deadlocks, unreached properties, evaluation errors and limits", () => {
    const base = { diagnostics: [], trace: undefined, replayCommand: undefined };
    const source = new SourceFile("r.fl", "spec R\nreachable Done = true\n");
    const lookup: SourceLookup = (f) => (f === "r.fl" ? source : undefined);
    const reports: FileReport[] = [
      { ...base, file: "d.fl", exitCode: 11, result: fakeResult({ outcome: "deadlock", violation: { property: "deadlock", kind: "deadlock", path: [0, 1], token: "0/1" } }) },
      { ...base, file: "r.fl", exitCode: 12, result: fakeResult({ outcome: "unreached", unreached: ["Done"] }) },
      { ...base, file: "e.fl", exitCode: 75, result: fakeResult({ outcome: "error", error: { code: "FL5001", message: "boom", path: [0], token: "0" } }) },
      { ...base, file: "l.fl", exitCode: 152, result: fakeResult({ outcome: "limit", limit: "time" }) },
    ];
    const log = run(reports.map((report) => ({ report, lookup })));
    expect(sarifProblems(log)).toEqual([]);
    expect(results(log).map((r) => [r["ruleId"], r["level"]])).toEqual([
      ["deadlock", "error"],
      ["violation/reachable", "error"],
      ["FL5001", "error"],
      ["limit", "warning"],
    ]);
    expect(region(results(log)[1]!)).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 15 });
  });

  it("makes URIs of paths", () => {
    expect(toUri("specs/x.fl")).toBe("specs/x.fl");
    expect(toUri("dir\\my spec.fl")).toBe("dir/my%20spec.fl");
    expect(toUri("/tmp/a#b.fl")).toBe("file:///tmp/a%23b.fl");
  });

  it("the schema check catches broken logs", () => {
    const problems = sarifProblems({ version: "2.0.0", runs: [{ tool: { driver: {} }, results: [{ level: "fatal", message: {} }] }] });
    expect(problems.join("\n")).toMatch(/\/version must be equal to one of the allowed values/);
    expect(problems.join("\n")).toMatch(/\/runs\/0\/tool\/driver must have required property 'name'/);
    expect(problems.join("\n")).toMatch(/\/runs\/0\/results\/0\/level must be equal to one of the allowed values/);
    const uri = { version: "2.1.0", runs: [{ tool: { driver: { name: "x", rules: [{ id: "a" }] } }, results: [{ ruleId: "b", ruleIndex: 0, message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a b.fl" } } }] }] }] };
    expect(sarifProblems(uri)).toEqual(['/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference"', "ruleIndex 0 does not name b"]);
  });
});
