import { describe, expect, it } from "vitest";
import { expandedState, multisetDiff, stepDetail } from "../../../../src/report/tui/step-detail.js";
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

describe("expandedState", () => {
  it("lists every variable of every node, one a line, and the network with this step's messages marked", () => {
    const { report } = specReport("split-brain");
    const state = expandedState(report.trace!, 6);
    expect(state.title).toBe("state after step 6 of 6: Server[2] receives Vote{term: 1} from Server[1]");
    expect(state.sections.map((s) => s.heading)).toEqual(["Server[0]", "Server[1]", "Server[2]", "network: 2 in flight"]);
    const server2 = state.sections[2]!;
    expect(server2.changed).toBe(true);
    expect(server2.lines).toEqual([
      { text: "role = Leader (was Candidate)", tone: "changed" },
      { text: "term = 1", tone: "plain" },
    ]);
    expect(state.sections[0]!).toMatchObject({ changed: false, lines: [{ text: "role = Leader", tone: "plain" }, { text: "term = 1", tone: "plain" }] });
    expect(state.sections[3]!.lines).toEqual([
      { text: "  RequestVote{term: 1} Server[0]->Server[2]", tone: "plain" },
      { text: "  RequestVote{term: 1} Server[2]->Server[0]", tone: "plain" },
      { text: "- Vote{term: 1} Server[1]->Server[2]", tone: "removed" },
    ]);
  });

  it("marks the messages a step sent with +", () => {
    const state = expandedState(faultTrace(), 1);
    expect(state.sections.find((s) => s.heading.startsWith("network"))).toEqual({
      heading: "network: 1 in flight",
      changed: true,
      lines: [{ text: "+ Ping{n: 1} A->B[1]", tone: "added" }],
    });
  });

  it("shows the initial state with nothing marked changed", () => {
    const state = expandedState(faultTrace(), 0);
    expect(state.title).toBe("initial state (step 0 of 14)");
    expect(state.sections.every((s) => !s.changed)).toBe(true);
    expect(state.sections.at(-1)).toEqual({ heading: "network: empty", changed: false, lines: [] });
  });

  it("puts the globals and other owners after the nodes and the fault budgets left last", () => {
    const { report } = specReport("partition-queue");
    const trace = report.trace!;
    const crash = trace.steps.findIndex((s) => s.step.text === "Shop crashes") + 1;
    const state = expandedState(trace, crash);
    expect(state.sections.map((s) => s.heading)).toEqual(["Shop", "Fulfilment", "globals", "effects", "network: empty", "fault budgets left"]);
    expect(state.sections.at(-1)).toEqual({ heading: "fault budgets left", changed: true, lines: [{ text: "crash = 0 (was 1)", tone: "changed" }] });
    expect(state.sections[2]!.lines).toEqual([{ text: "confirmed = {0}", tone: "plain" }]);
  });
});
