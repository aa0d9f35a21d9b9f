import { describe, expect, it } from "vitest";
import { multisetDiff, stepDetail } from "../../../../src/report/tui/step-detail.js";
import { faultTrace, specReport } from "../../../helpers/report-fixtures.js";

describe("stepDetail", () => {
  it("shows the initial state for step 0, grouped by node", () => {
    const lines = stepDetail(faultTrace(), 0);
    expect(lines[0]).toEqual({ text: "initial state (step 0 of 14)", tone: "title" });
    expect(lines.map((l) => l.text)).toContain("  A: n = 0");
    expect(lines.map((l) => l.text)).toContain("  network: empty");
  });

  it("lists what a step sent and changed, messages in flight as + and - lines", () => {
    const first = stepDetail(faultTrace(), 1);
    expect(first[0]!.text).toBe("step 1 of 14: A times out");
    expect(first.map((l) => l.text)).toContain("  sends Ping{n: 1} A -> B[1]");
    expect(first).toContainEqual({ text: "  A.n: 0 → 1", tone: "changed" });
    expect(first).toContainEqual({ text: "  + Ping{n: 1} A->B[1]", tone: "added" });
    const second = stepDetail(faultTrace(), 2);
    expect(second).toContainEqual({ text: "  - Ping{n: 1} A->B[1]", tone: "removed" });
    expect(second).toContainEqual({ text: "  A: n = 2", tone: "changed" });
  });

  it("clamps the index to the trace", () => {
    const trace = faultTrace();
    expect(stepDetail(trace, 99)[0]!.text).toMatch(/^step 14 of 14/);
    expect(stepDetail(trace, -3)[0]!.text).toMatch(/^initial state/);
  });

  it("formats ITF-encoded sets of a real trace as {a, b}", () => {
    const { report } = specReport("duplicate-charge");
    const trace = report.trace!;
    const text = trace.steps.flatMap((_, i) => stepDetail(trace, i + 1)).map((l) => l.text).join("\n");
    expect(text).not.toContain("#set");
    expect(text).toContain("processed");
  });
});

describe("multisetDiff", () => {
  it("counts repeated messages", () => {
    expect(multisetDiff(["a", "a", "b"], ["a", "c", "c"])).toEqual({ added: ["c", "c"], removed: ["a", "b"] });
  });
});
