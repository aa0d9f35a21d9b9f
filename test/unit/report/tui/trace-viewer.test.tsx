import { describe, expect, it } from "vitest";
import { renderToString } from "ink";
import { render } from "ink-testing-library";
import { TraceViewer, fitSections, windowRows } from "../../../../src/report/tui/trace-viewer.js";
import type { StateSection } from "../../../../src/report/tui/step-detail.js";
import { faultTrace, specReport } from "../../../helpers/report-fixtures.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const ANSI = /\u001b\[[0-9;]*m/g;

/** The diagram line of the selected step (marked with ▸). */
function selectedRow(frame: string): string | undefined {
  return frame.split("\n").find((l) => l.includes("▸"));
}

describe("TraceViewer", () => {
  it("renders the diagram, the verdict, the replay line and the last step's diff beside it when wide", () => {
    const { report } = specReport("split-brain");
    const frame = renderToString(
      <TraceViewer trace={report.trace!} title="specs/split-brain.fl: invariant NoSplitBrain violated" footer={`replay: ${report.replayCommand}`} width={160} height={40} isInteractive={false} />,
      { columns: 160 },
    );
    expect(frame).toContain("invariant NoSplitBrain violated");
    expect(frame).toMatch(/Server\[0\]\s+Server\[1\]\s+Server\[2\]/);
    expect(frame).toContain(`replay: ${report.replayCommand}`);
    expect(selectedRow(frame)).toMatch(/^▸6 /);
    // Side by side: the diff's title shares a line with the lane header.
    const header = frame.split("\n").find((l) => l.includes("Server[1]"))!;
    expect(header).toContain("step 6 of 6: Server[2] receives Vote{term: 1} from");
    expect(frame).toContain("Server[2].role: Candidate → Leader");
  });

  it("puts the diff below the diagram on narrow terminals and respects NO_COLOR (no ANSI colour)", () => {
    const frame = renderToString(<TraceViewer trace={faultTrace()} width={70} height={60} color={false} initialStep={1} isInteractive={false} />, { columns: 70 });
    const lines = frame.split("\n");
    const diagramEnd = lines.findIndex((l) => l.startsWith(" 14"));
    const title = lines.findIndex((l) => l.startsWith("step 1 of 14: A times out"));
    expect(diagramEnd).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(diagramEnd);
    expect(frame.match(/\u001b\[3[0-9]m/g)).toBeNull();
  });

  it("moves between steps with ↑/↓ and j/k, jumps with g/G, quits with q", async () => {
    let exited: boolean | undefined;
    const ui = render(<TraceViewer trace={faultTrace()} width={120} height={60} onExit={(i) => (exited = i)} />);
    await tick();
    const selected = () => selectedRow(ui.lastFrame()!.replace(ANSI, ""))!.slice(0, 3);
    expect(selected()).toBe("▸14");
    ui.stdin.write("k");
    await tick();
    expect(selected()).toBe("▸13");
    ui.stdin.write("\u001b[A"); // up arrow
    await tick();
    expect(selected()).toBe("▸12");
    ui.stdin.write("j");
    await tick();
    expect(selected()).toBe("▸13");
    ui.stdin.write("g");
    await tick();
    expect(selected()).toBe("▸ 0");
    expect(ui.lastFrame()).toContain("initial state (step 0 of 14)");
    ui.stdin.write("\u001b[A"); // stays at the first step
    await tick();
    expect(selected()).toBe("▸ 0");
    ui.stdin.write("\u001b[B"); // down arrow
    await tick();
    expect(selected()).toBe("▸ 1");
    ui.stdin.write("G");
    await tick();
    expect(selected()).toBe("▸14");
    ui.stdin.write("q");
    await tick();
    expect(exited).toBe(false);
    ui.unmount();
  });

  it("expands the selected state with Enter (every node, the network, what changed), moves in it, collapses with Enter or Esc", async () => {
    const { report } = specReport("split-brain");
    let exited: boolean | undefined;
    const ui = render(<TraceViewer trace={report.trace!} title="NoSplitBrain" width={140} height={50} onExit={(i) => (exited = i)} />);
    await tick();
    const frame = () => ui.lastFrame()!.replace(ANSI, "");
    expect(frame()).toContain("↑/↓ j/k: step · enter: expand state · g/G: first/last · q: quit");
    expect(frame()).not.toContain("state after step 6 of 6: Server[2]");
    ui.stdin.write("\r");
    await tick();
    let text = frame();
    expect(text).toContain("state after step 6 of 6: Server[2] receives Vote{term: 1} from Server[1]");
    // Each node's variables one a line, under its name; the changed one says what it was.
    expect(text).toMatch(/\nServer\[0\] +Server\[1\] +Server\[2\] +network: 2 in flight\n/);
    expect(text).toMatch(/\n {2}term = 1 +term = 1 +term = 1 +RequestVote\{term: 1\} Server\[2\]->Server\[0\]\n/);
    expect(text).toMatch(/role = Leader\s+role = Follower\s+role = Leader \(was Candidate\)/);
    expect(text).toContain("- Vote{term: 1} Server[1]->Server[2]");
    expect(text).toContain("enter/esc: back to the diagram");
    // The diagram keeps only the lane header and the selected row.
    expect(text).not.toMatch(/^ 3 /m);
    expect(selectedRow(text)).toMatch(/^▸6 .*Vote\{term:1\}/);
    ui.stdin.write("k");
    await tick();
    text = frame();
    expect(text).toContain("state after step 5 of 6: Server[1] receives RequestVote{term: 1} from Server[2]");
    expect(text).toContain("+ Vote{term: 1} Server[1]->Server[2]");
    ui.stdin.write("\u001b"); // Esc collapses, and does not quit
    await tick();
    text = frame();
    expect(text).not.toContain("state after step 5 of 6: Server[1]");
    expect(text).toContain("step 5 of 6: Server[1] receives");
    expect(exited).toBeUndefined();
    ui.stdin.write("\r");
    await tick();
    expect(frame()).toContain("state after step 5 of 6");
    ui.stdin.write("\r");
    await tick();
    expect(frame()).not.toContain("state after step 5 of 6");
    ui.stdin.write("\u001b"); // Esc on the diagram quits
    await tick();
    expect(exited).toBe(false);
    ui.unmount();
  });

  it("cuts the side panel to the terminal's height and says that Enter shows the rest", () => {
    const { report } = specReport("split-brain");
    const frame = renderToString(<TraceViewer trace={report.trace!} title="verdict" width={160} height={12} isInteractive={false} />, { columns: 160 });
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(frame).toMatch(/… \d+ more lines: enter shows the whole state/);
  });

  it("shows why the last state fails under the title", () => {
    const { report } = specReport("split-brain");
    const frame = renderToString(<TraceViewer trace={report.trace!} title="verdict" note="NoSplitBrain is false in the last state." width={160} isInteractive={false} />, { columns: 160 });
    expect(frame.split("\n").slice(0, 2)).toEqual(["verdict", "NoSplitBrain is false in the last state."]);
  });

  it("reports Ctrl-C as an interruption", async () => {
    let exited: boolean | undefined;
    const ui = render(<TraceViewer trace={faultTrace()} width={120} height={60} onExit={(i) => (exited = i)} />);
    await tick();
    ui.stdin.write("\u0003");
    await tick();
    expect(exited).toBe(true);
    ui.unmount();
  });
});

describe("windowRows", () => {
  const lines = [{ step: -1, text: "header" }, ...Array.from({ length: 50 }, (_, i) => ({ step: i, text: `row ${i}` }))];
  it("keeps the header and a window around the selected step", () => {
    const rows = windowRows(lines, 30, 11);
    expect(rows).toHaveLength(11);
    expect(rows[0]!.text).toBe("header");
    expect(rows.map((r) => r.step)).toContain(30);
    expect(windowRows(lines, 0, 11)[1]!.step).toBe(0);
    expect(windowRows(lines, 49, 11).at(-1)!.step).toBe(49);
    expect(windowRows(lines.slice(0, 5), 2, 11)).toHaveLength(5);
  });
});

describe("fitSections", () => {
  const section = (heading: string, n: number): StateSection => ({
    heading,
    changed: false,
    lines: Array.from({ length: n }, (_, i) => ({ text: `v${i} = ${i}`, tone: "plain" as const })),
  });
  const headings = (rows: ReturnType<typeof fitSections>) => rows.map((r) => r.map((p) => p.section.heading));

  it("puts as many sections in a row as fit, each as wide as its longest line and a gap", () => {
    const rows = fitSections([section("A", 2), section("B", 3), section("a longer heading", 1)], 30, 20);
    expect(headings(rows)).toEqual([["A", "B"], ["a longer heading"]]);
    expect(rows[0]!.map((p) => p.width)).toEqual([11, 11]);
    expect(rows[1]![0]!.width).toBe(19);
    expect(rows[0]![1]!.section.lines).toHaveLength(3);
  });

  it("cuts long sections to fit the height, saying how many lines are left out", () => {
    const rows = fitSections([section("A", 40), section("B", 2)], 12, 20);
    expect(headings(rows)).toEqual([["A"], ["B"]]);
    const a = rows[0]![0]!.section;
    expect(a.lines).toHaveLength(8);
    expect(a.lines.at(-1)).toEqual({ text: "… 33 more", tone: "heading" });
    expect(rows[1]![0]!.section.lines).toHaveLength(2);
    const height = rows.reduce((sum, row) => sum + 2 + Math.max(...row.map((p) => p.section.lines.length)), 0);
    expect(height).toBeLessThanOrEqual(20);
  });
});
