import { describe, expect, it } from "vitest";
import { renderToString } from "ink";
import { Progress, workerBar } from "../../../../src/report/tui/progress.js";

describe("Progress", () => {
  it("shows distinct states, states/s, queue, depth, memory and elapsed time", () => {
    const frame = renderToString(
      <Progress
        file="specs/two-phase.fl"
        progress={{ distinctStates: 1234567, depth: 17, seconds: 12.5, queue: 4321, statesPerSecond: 98765, memoryBytes: 48 * 1024 * 1024 }}
        color={false}
      />,
      { columns: 100 },
    );
    expect(frame).toContain("checking specs/two-phase.fl · 12.5 s");
    expect(frame).toMatch(/distinct states\s+1,234,567/);
    expect(frame).toMatch(/states\/s\s+98,765/);
    expect(frame).toMatch(/queue\s+4,321/);
    expect(frame).toMatch(/depth\s+17/);
    expect(frame).toMatch(/memory\s+48 MB/);
    expect(frame).toMatch(/elapsed\s+12.5 s/);
    expect(frame).not.toContain("workers");
  });

  it("computes states/s when the snapshot lacks it, and says when the search is starting", () => {
    const frame = renderToString(<Progress file="a.fl" progress={{ distinctStates: 100, depth: 2, seconds: 2, queue: 0 }} />, { columns: 100 });
    expect(frame).toMatch(/states\/s\s+50/);
    expect(frame).toMatch(/memory\s+\?/);
    expect(renderToString(<Progress file="a.fl" />)).toContain("checking a.fl · starting");
  });

  it("shows each worker's share and whether it is busy", () => {
    const workers = [
      { busy: true, expanded: 800 },
      { busy: false, expanded: 400 },
      { busy: true, expanded: 0 },
    ];
    const frame = renderToString(<Progress file="a.fl" progress={{ distinctStates: 1, depth: 1, seconds: 1, queue: 1, workers }} color={false} />, {
      columns: 100,
    });
    expect(frame).toContain("workers: 2/3 busy");
    expect(frame).toMatch(/w1\s+████████\s+800 busy/);
    expect(frame).toMatch(/w2\s+████░░░░\s+400 idle/);
    expect(frame).toMatch(/w3\s+░░░░░░░░\s+0 busy/);
  });

  it("shows a random search's walks, steps, steps/s, distinct states seen and deepest walk instead of the queue", () => {
    const random = { walks: 12345, walksPlanned: 100000, steps: 1234500, stepsPerSecond: 2050000.4, deepestWalk: 100 };
    const frame = renderToString(
      <Progress file="a.fl" progress={{ distinctStates: 51178, depth: 100, seconds: 3, queue: 0, memoryBytes: 2 * 1024 * 1024, random }} color={false} />,
      { columns: 100 },
    );
    expect(frame).toContain("checking a.fl · random walks · 3.00 s");
    expect(frame).toMatch(/walks\s+12,345 \(12%\)/);
    expect(frame).toMatch(/steps\s+1,234,500/);
    expect(frame).toMatch(/steps\/s\s+2,050,000/);
    expect(frame).toMatch(/distinct seen\s+51,178/);
    expect(frame).toMatch(/deepest walk\s+100/);
    expect(frame).toMatch(/memory\s+2 MB/);
    expect(frame).not.toMatch(/queue|states\/s|distinct states/);
  });

  it("shows a random search's walks without a share when the walks are not bounded", () => {
    const random = { walks: 7, steps: 700, stepsPerSecond: 350, deepestWalk: 9 };
    const frame = renderToString(<Progress file="a.fl" progress={{ distinctStates: 3, depth: 9, seconds: 2, queue: 0, random }} color={false} />, {
      columns: 100,
    });
    expect(frame).toMatch(/walks\s+7\s+steps\s+700\s+steps\/s\s+350/);
    expect(frame).not.toContain("%");
    expect(frame).toMatch(/memory\s+\?/);
  });

  it("workerBar is eight cells", () => {
    expect(workerBar(5, 10)).toBe("████░░░░");
    expect(workerBar(0, 0)).toBe("░░░░░░░░");
    expect(workerBar(20, 10)).toBe("████████");
  });
});
