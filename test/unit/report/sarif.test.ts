import { describe, expect, it } from "vitest";
import { createSarifReporter, toUri } from "../../../src/report/sarif.js";
import type { FileReport } from "../../../src/report/reporter.js";
import { makeDiagnostic } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import type { SourceLookup } from "../../../src/diagnostics/render.js";
import { fakeResult, specReport } from "../../helpers/report-fixtures.js";

type Json = Record<string, unknown>;

/**
 * The constraints of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that this log can break,
 * checked by hand (no network, no schema validator): required properties, enums, minimums,
 * URI references, and ruleIndex/ruleId agreement. Returns the problems found.
 */
function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(what));
  const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  need(log["version"] === "2.1.0", "version must be 2.1.0");
  need(typeof log["$schema"] === "string" && /^https?:\/\//.test(log["$schema"] as string), "$schema must be a URI");
  const runs = log["runs"];
  need(Array.isArray(runs), "runs must be an array");
  for (const run of (runs as Json[]) ?? []) {
    const driver = (run["tool"] as Json | undefined)?.["driver"] as Json | undefined;
    need(typeof driver?.["name"] === "string", "tool.driver.name is required");
    const rules = (driver?.["rules"] ?? []) as Json[];
    need(Array.isArray(rules), "rules must be an array");
    const ids = rules.map((r) => r["id"]);
    need(new Set(ids).size === ids.length, "rule ids must be unique");
    for (const rule of rules) {
      need(typeof rule["id"] === "string", "rule.id is required");
      const short = rule["shortDescription"] as Json | undefined;
      if (short !== undefined) need(typeof short["text"] === "string", "shortDescription.text is required");
    }
    if (run["columnKind"] !== undefined) need(["utf16CodeUnits", "unicodeCodePoints"].includes(run["columnKind"] as string), "bad columnKind");
    for (const result of (run["results"] ?? []) as Json[]) {
      const message = result["message"] as Json | undefined;
      need(typeof message?.["text"] === "string" || typeof message?.["id"] === "string", "result.message needs text or id");
      if (result["level"] !== undefined) need(["none", "note", "warning", "error"].includes(result["level"] as string), `bad level ${result["level"]}`);
      if (result["ruleIndex"] !== undefined) {
        need(isInt(result["ruleIndex"], -1), "ruleIndex must be an integer >= -1");
        need(rules[result["ruleIndex"] as number]?.["id"] === result["ruleId"], "ruleIndex must point at the rule named by ruleId");
      }
      for (const location of (result["locations"] ?? []) as Json[]) {
        const physical = location["physicalLocation"] as Json | undefined;
        if (!physical) continue;
        const uri = (physical["artifactLocation"] as Json | undefined)?.["uri"];
        need(typeof uri === "string" && !/[\s\\]/.test(uri as string), `artifactLocation.uri must be a URI reference: ${uri}`);
        const region = physical["region"] as Json | undefined;
        if (region) {
          for (const k of ["startLine", "startColumn", "endLine", "endColumn"]) if (region[k] !== undefined) need(isInt(region[k], 1), `region.${k} must be >= 1`);
          need(region["startLine"] !== undefined, "a text region needs startLine");
          const startLine = region["startLine"] as number;
          const endLine = (region["endLine"] as number | undefined) ?? startLine;
          need(endLine >= startLine, "endLine before startLine");
          if (endLine === startLine && region["endColumn"] !== undefined) need((region["endColumn"] as number) >= (region["startColumn"] as number), "endColumn before startColumn");
        }
      }
      for (const flow of (result["codeFlows"] ?? []) as Json[]) {
        const threads = flow["threadFlows"] as Json[];
        need(Array.isArray(threads) && threads.length > 0, "codeFlow.threadFlows needs at least one item");
        for (const t of threads ?? []) need(Array.isArray(t["locations"]) && (t["locations"] as unknown[]).length > 0, "threadFlow.locations needs at least one item");
      }
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
    expect(sarifProblems({ version: "2.0.0", runs: [{ tool: { driver: {} }, results: [{ level: "fatal", message: {} }] }] })).toHaveLength(5);
  });
});
