import { describe, expect, it } from "vitest";
import { createItfReporter, ITF_FORMAT_DESCRIPTION, itfToStates, toItfValue, traceToItf } from "../../../src/report/itf.js";
import type { Trace } from "../../../src/explore/trace.js";
import type { FileReport } from "../../../src/report/reporter.js";
import { faultTrace, specReport } from "../../helpers/report-fixtures.js";

/** The decoded states of a trace, in order. */
function statesOf(trace: Trace): Record<string, unknown>[] {
  return [trace.initial, ...trace.steps.map((s) => s.state)];
}

/** Writes the document as text and reads it back, as another tool would. */
function roundTrip(trace: Trace): Record<string, unknown>[] | string {
  return itfToStates(JSON.stringify(traceToItf(trace, { source: "x.fl" })));
}

describe("traceToItf", () => {
  it("writes the ITF envelope: #meta, vars in the state's key order, indexed states with the step's words", () => {
    const { report } = specReport("split-brain");
    const doc = traceToItf(report.trace!, { source: report.file, description: "NoSplitBrain", replay: report.replayCommand! });
    expect(doc["#meta"]).toEqual({ format: "ITF", "format-description": ITF_FORMAT_DESCRIPTION, source: "specs/split-brain.fl", description: "NoSplitBrain", replay: report.replayCommand });
    expect(doc.vars).toEqual(Object.keys(report.trace!.initial));
    expect(doc.states.map((s) => s["#meta"].index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(doc.states[1]!["#meta"].action).toBe(report.trace!.steps[0]!.step.text);
    expect(doc.states[0]!["Server[0].term"]).toBe(0);
  });

  it("encodes values as ITF: numbers while safe, #bigint beyond, #set, #map, records, sequences", () => {
    expect(toItfValue(3)).toBe(3);
    expect(toItfValue(-(2 ** 53) + 1)).toBe(-(2 ** 53) + 1);
    expect(toItfValue(2 ** 60)).toEqual({ "#bigint": "1152921504606846976" });
    expect(toItfValue(12345678901234567890n)).toEqual({ "#bigint": "12345678901234567890" });
    expect(toItfValue({ "#set": [1, "Leader"] })).toEqual({ "#set": [1, "Leader"] });
    expect(toItfValue({ "#map": [["Server[0]", { "#set": [] }]] })).toEqual({ "#map": [["Server[0]", { "#set": [] }]] });
    expect(toItfValue({ term: 1, ok: true, log: [1, 2] })).toEqual({ term: 1, ok: true, log: [1, 2] });
    expect(toItfValue(new Set([1]))).toEqual({ "#set": [1] });
    expect(toItfValue(new Map([[1, 2]]))).toEqual({ "#map": [[1, 2]] });
  });
});

describe("itfToStates", () => {
  it("reads back the same states as the trace (real traces, sets and sequences included)", () => {
    for (const name of ["split-brain", "duplicate-charge", "lww-clock-skew", "failover-no-fencing", "partition-queue"]) {
      const trace = specReport(name).report.trace;
      expect(trace, name).toBeDefined();
      expect(roundTrip(trace!), name).toEqual(statesOf(trace!));
    }
    expect(roundTrip(faultTrace())).toEqual(statesOf(faultTrace()));
  });

  it("round-trips both decode forms: arrays (older sets), #set, #map, nested records, big integers", () => {
    const initial = {
      old: [1, 2],
      set: { "#set": [{ a: 1 }, { a: 2 }] },
      map: { "#map": [[0, { "#set": ["x"] }], [1, { "#set": [] }]] },
      record: { inner: { deep: [true, false] } },
      big: 2n ** 70n,
      neg: -7,
    };
    const trace: Trace = { initial, steps: [] };
    expect(roundTrip(trace)).toEqual([initial]);
  });

  it("reads ITF written by other tools: #bigint, #tup, #unserializable", () => {
    const doc = {
      vars: ["x", "t"],
      states: [{ "#meta": { index: 0 }, x: { "#bigint": "40" }, t: { "#tup": [{ "#bigint": "1" }, "a"] }, u: { "#unserializable": "f" } }],
    };
    expect(itfToStates(doc)).toEqual([{ x: 40, t: [1, "a"], u: "f" }]);
  });

  it("gives a message, never throws, on malformed input", () => {
    for (const bad of ["{", "[]", "{}", '{"states": [1]}', '{"states": [{"x": {"#bigint": "1.5"}}]}', '{"states": [{"x": {"#map": [[1]]}}]}', '{"states": [{"x": null}]}']) {
      expect(typeof itfToStates(bad), bad).toBe("string");
    }
  });
});

describe("createItfReporter", () => {
  it("prints one ITF document per spec with a counterexample, one per line; diagnostics to err", () => {
    const reports = [specReport("split-brain"), specReport("retry-budget"), specReport("duplicate-charge")];
    const bad: FileReport = {
      file: "bad.fl",
      diagnostics: [{ code: "FL0003", severity: "error", message: "no such file or folder: bad.fl" }],
      result: undefined,
      trace: undefined,
      replayCommand: undefined,
      exitCode: 151,
    };
    let out = "";
    let err = "";
    const reporter = createItfReporter((t) => (out += t), (t) => (err += t));
    for (const { report, lookup } of reports) reporter.onFile(report, lookup);
    reporter.onFile(bad, () => undefined);
    reporter.onFinish([...reports.map((r) => r.report), bad]);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const docs = lines.map((l) => JSON.parse(l) as { "#meta": { source: string; description: string; replay: string } });
    expect(docs.map((d) => d["#meta"].source)).toEqual(["specs/split-brain.fl", "specs/duplicate-charge.fl"]);
    expect(docs[1]!["#meta"].description).toBe("faultline: atmostonce charge violated");
    expect(docs[0]!["#meta"].replay).toBe(reports[0]!.report.replayCommand);
    expect(itfToStates(lines[1]!)).toEqual(statesOf(reports[2]!.report.trace!));
    expect(err).toContain("error[FL0003]");
  });
});
