import { describe, expect, it } from "vitest";
import { renderToString } from "ink";
import { render } from "ink-testing-library";
import { TraceViewer, windowRows } from "../../../../src/report/tui/trace-viewer.js";
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
