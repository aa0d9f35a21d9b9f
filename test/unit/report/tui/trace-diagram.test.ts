import { describe, expect, it } from "vitest";
import { compact, layoutTraceDiagram, MARKS, renderTraceDiagram, stepWords, traceLanes } from "../../../../src/report/tui/trace-diagram.js";
import { faultTrace, specReport } from "../../../helpers/report-fixtures.js";

/** The row of step `i` (the first line tagged with it). */
function row(lines: ReturnType<typeof layoutTraceDiagram>["lines"], i: number): string {
  return lines.find((l) => l.step === i)!.text;
}

describe("traceLanes", () => {
  it("lists nodes in the initial state's order, then nodes only steps name, never faults/effects/history", () => {
    const trace = faultTrace();
    expect(traceLanes(trace)).toEqual(["A", "B[0]", "B[1]"]);
    const withExtras = {
      initial: { "S[0].x": 1, "faults.crash": 1, "effects.charge": {}, "history.kv.lost": false, network: [] },
      steps: [{ step: { actionId: 0, kind: "deliver" as const, text: "T receives M from S[0]", actor: "T", message: { from: "S[0]", to: "T", text: "M" } }, state: {}, changes: [] }],
    };
    expect(traceLanes(withExtras)).toEqual(["S[0]", "T"]);
  });
});

describe("renderTraceDiagram", () => {
  const trace = faultTrace();

  it("has a header naming every lane, then one row per step from 0", () => {
    const { lines } = layoutTraceDiagram(trace, 120);
    expect(lines[0]!.step).toBe(-1);
    expect(lines[0]!.text).toMatch(/A\s+B\[0\]\s+B\[1\]/);
    expect(lines.filter((l) => l.step >= 0).map((l) => l.step)).toEqual([...Array(trace.steps.length + 1).keys()]);
    expect(row(lines, 0)).toContain("initial state");
  });

  it("draws a delivered message as an arrow from the sender's lane to the receiver's", () => {
    const { lines } = layoutTraceDiagram(trace, 120);
    const header = lines[0]!.text;
    const a = header.indexOf("A");
    const right = row(lines, 2);
    expect(right).toMatch(/├─+Ping\{n:1\}─+┼─+>│/);
    expect(right.indexOf("├")).toBe(a);
    const left = row(lines, 3);
    expect(left).toMatch(/│<─+┼─+Pong─+┤/);
    expect(left.indexOf("<")).toBe(a + 1);
    expect(left).toContain("┼"); // crosses B[0]'s lane
  });

  it("marks timers, self-sends, drops, duplicates, cuts, partitions, heals, crashes, restarts, clocks and ticks", () => {
    const { lines } = layoutTraceDiagram(trace, 120);
    expect(row(lines, 1)).toContain(MARKS.timer);
    expect(row(lines, 4)).toContain(`${MARKS.self} Note`);
    expect(row(lines, 5)).toMatch(/├┄+Ping\{n:1\}┄+✗│/);
    expect(row(lines, 6)).toContain("2×Pong");
    expect(row(lines, 7)).toMatch(/╳┄+cut┄+┼┄+>│/);
    expect(row(lines, 8)).toMatch(/│┄+│┄+╳/);
    expect(row(lines, 9)).toContain("healed");
    expect(row(lines, 10)).toContain(MARKS.crash);
    expect(row(lines, 11)).toContain(MARKS.restart);
    expect(row(lines, 12)).toContain(`${MARKS.clock}+1`);
    expect(row(lines, 13)).toContain(`${MARKS.clock} time 1`);
    expect(row(lines, 14)).toContain("audit(k: 2)");
  });

  it("draws a crashed node's lane dotted until it restarts", () => {
    const t = faultTrace();
    // Drop the restart: every row after the crash shows the lane as down.
    const steps = t.steps.filter((s) => !s.step.text.endsWith("restarts"));
    const { lines } = layoutTraceDiagram({ ...t, steps }, 120);
    const crash = steps.findIndex((s) => s.step.text.endsWith("crashes")) + 1;
    const b0 = lines[0]!.text.indexOf("B[0]") + 1;
    expect(row(lines, 0)[b0]).toBe(MARKS.lane);
    expect(row(lines, crash)[b0]).toBe(MARKS.crash);
    expect(row(lines, crash + 1)[b0]).toBe(MARKS.downLane);
  });

  it("puts the step's words and what it sent beside the lanes", () => {
    const lines = renderTraceDiagram(trace, 120);
    expect(lines[2]).toContain("A times out; sends Ping{n: 1} to B[1], B[0]");
  });

  it("keeps every line within the width, moving captions below the lanes when narrow", () => {
    for (const width of [30, 50, 80, 120, 200]) {
      const lines = renderTraceDiagram(trace, width);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
    const narrow = layoutTraceDiagram(trace, 50).lines;
    expect(narrow.filter((l) => l.step === 1)).toHaveLength(2);
    expect(narrow.filter((l) => l.step === 1)[1]!.text.trim()).toMatch(/^A times out/);
  });

  it("is deterministic and renders a real counterexample (split-brain)", () => {
    const { report } = specReport("split-brain");
    const lines = renderTraceDiagram(report.trace!, 140);
    expect(renderTraceDiagram(report.trace!, 140)).toEqual(lines);
    expect(lines[0]).toMatch(/Server\[0\]\s+Server\[1\]\s+Server\[2\]/);
    expect(lines.filter((l) => /[├┤]/.test(l))).toHaveLength(report.trace!.steps.filter((s) => s.step.kind === "deliver").length);
    expect(lines.join("\n")).toContain("Vote{term:1}");
  });
});

describe("compact and stepWords", () => {
  it("drops the spaces of message text", () => {
    expect(compact("Replicate{version: 1, stamp: -1}")).toBe("Replicate{version:1,stamp:-1}");
  });
  it("groups sends by message", () => {
    const step = faultTrace().steps[0]!.step;
    expect(stepWords(step)).toBe("A times out; sends Ping{n: 1} to B[1], B[0]");
  });
});
