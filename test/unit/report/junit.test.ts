import { describe, expect, it } from "vitest";
import { createJunitReporter, escapeXmlAttribute, escapeXmlText } from "../../../src/report/junit.js";
import type { FileReport } from "../../../src/report/reporter.js";
import { makeDiagnostic } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import type { SourceLookup } from "../../../src/diagnostics/render.js";
import { parseXml, type XmlElement } from "../../helpers/xml.js";
import { fakeResult, faultTrace, specReport } from "../../helpers/report-fixtures.js";

function run(reports: readonly { report: FileReport; lookup: SourceLookup }[]): string {
  let out = "";
  const reporter = createJunitReporter((t) => (out += t));
  for (const { report, lookup } of reports) {
    reporter.onStart(report.file);
    reporter.onFile(report, lookup);
  }
  reporter.onFinish(reports.map((r) => r.report));
  return out;
}

const noLookup: SourceLookup = () => undefined;

/** Asserts that every count attribute matches the elements below it; returns the suites. */
function checkCounts(root: XmlElement): XmlElement[] {
  expect(root.name).toBe("testsuites");
  const suites = root.children.filter((c) => c.name === "testsuite");
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of suites) {
    const cases = suite.children.filter((c) => c.name === "testcase");
    const has = (tag: string) => cases.filter((c) => c.children.some((x) => x.name === tag)).length;
    const counts = { tests: cases.length, failures: has("failure"), errors: has("error"), skipped: has("skipped") };
    expect(suite.attributes).toMatchObject(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])));
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += counts[k];
  }
  expect(root.attributes).toMatchObject(Object.fromEntries(Object.entries(total).map(([k, v]) => [k, String(v)])));
  return suites;
}

describe("JUnit reporter", () => {
  it("writes one testsuite per spec and one testcase per property, with the right counts", () => {
    const reports = [specReport("split-brain"), specReport("retry-budget"), specReport("duplicate-charge")];
    const xml = run(reports);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const suites = checkCounts(parseXml(xml));
    expect(suites.map((s) => s.attributes["name"])).toEqual(["specs/split-brain.fl", "specs/retry-budget.fl", "specs/duplicate-charge.fl"]);
    suites.forEach((suite, k) => {
      const properties = reports[k]!.report.properties!;
      expect(suite.children.filter((c) => c.name === "testcase")).toHaveLength(properties.length);
    });
    const split = suites[0]!.children.find((c) => c.attributes["name"] === "invariant NoSplitBrain")!;
    const failure = split.children[0]!;
    expect(failure.name).toBe("failure");
    expect(failure.attributes["type"]).toBe("invariant");
    expect(failure.attributes["message"]).toBe("invariant NoSplitBrain violated after 6 steps");
    expect(failure.text).toContain("Server[0] times out");
    expect(failure.text).toContain("replay: faultline check specs/split-brain.fl --replay ");
    expect(suites[1]!.attributes["failures"]).toBe("0");
    expect(suites[2]!.children.some((c) => c.attributes["name"] === "atmostonce charge" && c.children[0]?.name === "failure")).toBe(true);
  });

  it("reports spec errors as <error> with the rendered diagnostics", () => {
    const source = new SourceFile("bad.fl", "spec X\nvar x: int = 1 <\n");
    const d = makeDiagnostic("FL2001", { file: "bad.fl", start: 14, end: 15 }, { name: "x<y" });
    const report: FileReport = { file: "bad.fl", diagnostics: [d], result: undefined, trace: undefined, replayCommand: undefined, exitCode: 150 };
    const suites = checkCounts(parseXml(run([{ report, lookup: () => source }])));
    const error = suites[0]!.children[0]!.children[0]!;
    expect(error.name).toBe("error");
    expect(error.attributes["type"]).toBe("spec-error");
    expect(error.text).toContain("error[FL2001]");
    expect(error.text).toContain("--> bad.fl:2:8");
    expect(error.text).toContain("`x<y`");
  });

  it("marks undecided properties skipped and a limit as an error", () => {
    const properties = [
      { name: "Safe", kind: "invariant" },
      { name: "Done", kind: "reachable" },
    ];
    const limit: FileReport = {
      file: "a.fl",
      diagnostics: [],
      result: fakeResult({ outcome: "limit", limit: "states" }),
      trace: undefined,
      replayCommand: undefined,
      exitCode: 152,
      properties,
    };
    const unreached: FileReport = { ...limit, file: "b.fl", result: fakeResult({ outcome: "unreached", unreached: ["Done"] }), exitCode: 12 };
    const suites = checkCounts(parseXml(run([{ report: limit, lookup: noLookup }, { report: unreached, lookup: noLookup }])));
    expect(suites[0]!.attributes).toMatchObject({ tests: "3", skipped: "2", errors: "1" });
    expect(suites[1]!.attributes).toMatchObject({ tests: "2", failures: "1" });
    expect(suites[1]!.children[1]!.children[0]!.attributes["message"]).toContain("never reached");
  });

  it("without the property list, names the violated property (and one case for a clean run)", () => {
    const trace = faultTrace();
    const violated: FileReport = {
      file: "v.fl",
      diagnostics: [],
      result: fakeResult({ outcome: "deadlock", violation: { property: "deadlock", kind: "deadlock", path: [0, 1], token: "0/1" } }),
      trace,
      replayCommand: "faultline check v.fl --replay 0/1",
      exitCode: 11,
    };
    const clean: FileReport = { file: "ok.fl", diagnostics: [], result: fakeResult({ outcome: "ok" }), trace: undefined, replayCommand: undefined, exitCode: 0 };
    const suites = checkCounts(parseXml(run([{ report: violated, lookup: noLookup }, { report: clean, lookup: noLookup }])));
    expect(suites[0]!.children.map((c) => c.attributes["name"])).toEqual(["deadlock"]);
    expect(suites[0]!.children[0]!.children[0]!.attributes["message"]).toBe("deadlock reached after 1 step");
    expect(suites[1]!.children.map((c) => c.attributes["name"])).toEqual(["all properties"]);
  });

  it("escapes markup, quotes and newlines, and drops characters XML cannot hold", () => {
    const nasty = `a<b & "c" 'd' ]]> \u0001\u001b[31mred\u001b[39m\ud800`;
    const report: FileReport = {
      file: `we<ird&"name".fl`,
      diagnostics: [],
      result: fakeResult({ outcome: "violation", violation: { property: nasty, kind: "invariant", path: [0], token: "0" } }),
      trace: { initial: { note: nasty }, steps: [] },
      replayCommand: `faultline check x --replay 0 # ${nasty}`,
      exitCode: 10,
      properties: [{ name: nasty, kind: "invariant" }],
    };
    const xml = run([{ report, lookup: noLookup }]);
    const suites = checkCounts(parseXml(xml));
    expect(suites[0]!.attributes["name"]).toBe(`we<ird&"name".fl`);
    const failure = suites[0]!.children[0]!.children[0]!;
    expect(suites[0]!.children[0]!.attributes["name"]).toBe(`invariant a<b & "c" 'd' ]]> red`);
    expect(failure.text).toContain(`a<b & "c" 'd' ]]> red`);
    expect(xml).not.toContain("\u001b");
    expect(escapeXmlText("x\ny")).toBe("x\ny");
    expect(escapeXmlAttribute("x\ny\tz")).toBe("x&#10;y&#9;z");
    expect(parseXml(`<a v="${escapeXmlAttribute("1\n2")}"/>`).attributes["v"]).toBe("1\n2");
  });
});

describe("parseXml (the test's own checker)", () => {
  it("rejects what is not well-formed", () => {
    for (const bad of ["<a><b></a></b>", "<a x=1/>", "<a>&nbsp;</a>", "<a>x & y</a>", "<a/><b/>", '<a x="1" x="2"/>', "<a>", "<a>\u0001</a>"]) {
      expect(() => parseXml(bad), bad).toThrow(/not well-formed/);
    }
  });
});
