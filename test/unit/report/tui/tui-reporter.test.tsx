import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createTuiReporter, cutShort, fileBlock } from "../../../../src/report/tui/tui-reporter.js";
import { specReport } from "../../../helpers/report-fixtures.js";

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const tick = () => new Promise((resolve) => setTimeout(resolve, 40));

/** A terminal-sized stdout that records everything written to it. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 140;
  rows = 40;
  written = "";
  write(chunk: string, callback?: () => void): boolean {
    this.written += chunk;
    callback?.();
    return true;
  }
}

/** A TTY stdin that ink can read keys from (the shape ink-testing-library uses). */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  /** Every setRawMode call, in order. */
  readonly rawModes: boolean[] = [];
  setEncoding(): void {}
  setRawMode(mode: boolean): void {
    this.rawModes.push(mode);
  }
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

function streams() {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  return { stdout, stdin, options: { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream } };
}

describe("createTuiReporter", () => {
  it("shows live progress, then each file's verdict and, without an interactive stdin, the static diagram", async () => {
    const { stdout, options } = streams();
    const reporter = createTuiReporter({ ...options, color: false, interactive: false });
    const split = specReport("split-brain");
    const ok = specReport("retry-budget");
    reporter.onStart("specs/split-brain.fl");
    reporter.onProgress("specs/split-brain.fl", { distinctStates: 120, depth: 4, seconds: 0.5, queue: 30 });
    expect(stdout.written.replace(ANSI, "")).toMatch(/distinct states\s+120/);
    reporter.onFile(split.report, split.lookup);
    reporter.onStart("specs/retry-budget.fl");
    reporter.onFile(ok.report, ok.lookup);
    reporter.onFinish([split.report, ok.report]);
    expect(await reporter.waitUntilDone()).toBe(false);
    const text = stdout.written.replace(ANSI, "");
    expect(text).toContain("specs/split-brain.fl: invariant NoSplitBrain violated after 6 steps");
    expect(text).toContain(`replay: ${split.report.replayCommand}`);
    expect(text).toMatch(/Server\[0\]\s+Server\[1\]\s+Server\[2\]/);
    expect(text).toContain("specs/retry-budget.fl: ok");
    expect(text).toContain("2 specs checked: 1 passed, 1 failed");
    expect(stdout.written).not.toMatch(/\u001b\[3[0-9]m/);
  });

  it("opens the viewer for each counterexample when stdin is a TTY; q closes it", async () => {
    const { stdout, stdin, options } = streams();
    const reporter = createTuiReporter({ ...options, color: false });
    const split = specReport("split-brain");
    reporter.onStart(split.report.file);
    reporter.onFile(split.report, split.lookup);
    reporter.onFinish([split.report]);
    await tick();
    const text = stdout.written.replace(ANSI, "");
    expect(text).toContain("q: quit");
    expect(text).toContain("step 6 of 6");
    stdin.write("k");
    await tick();
    expect(stdout.written.replace(ANSI, "")).toContain("step 5 of 6");
    stdin.write("q");
    expect(await reporter.waitUntilDone()).toBe(false);
  });

  it("says in the first of two viewers that q goes to the next trace; stops after Ctrl-C and says so", async () => {
    const { stdout, stdin, options } = streams();
    const reporter = createTuiReporter({ ...options, color: false });
    const a = specReport("split-brain");
    const b = specReport("duplicate-charge");
    reporter.onFile(a.report, a.lookup);
    reporter.onFile(b.report, b.lookup);
    reporter.onFinish([a.report, b.report]);
    await tick();
    expect(stdout.written.replace(ANSI, "")).toContain("q: next trace (2 of 2) · ctrl-c: quit");
    stdin.write("\u0003");
    expect(await reporter.waitUntilDone()).toBe(true);
  });

  it("reads keys in raw mode while the live view shows: Ctrl-C goes to onInterrupt, other keys are not echoed", async () => {
    const { stdin, options } = streams();
    let interrupts = 0;
    const reporter = createTuiReporter({ ...options, color: false, onInterrupt: () => interrupts++ });
    reporter.onStart("specs/x.fl");
    reporter.onProgress("specs/x.fl", { distinctStates: 10, depth: 1, seconds: 0.3, queue: 2 });
    await tick();
    expect(stdin.rawModes).toEqual([true]);
    stdin.write("\r");
    stdin.write("\u0003");
    await tick();
    expect(interrupts).toBe(1);
    reporter.onFile({ file: "specs/x.fl", diagnostics: [], result: undefined, trace: undefined, replayCommand: undefined, exitCode: 130 }, () => undefined);
    reporter.onFinish([]);
    reporter.close();
    expect(stdin.rawModes.at(-1)).toBe(false);
  });

  it("says it is stopping after a first Ctrl-C; close() replaces a running search with how far it got", () => {
    const { stdout, options } = streams();
    const reporter = createTuiReporter({ ...options, color: false, interactive: false });
    reporter.onStart("specs/two-phase.fl");
    reporter.onProgress("specs/two-phase.fl", { distinctStates: 123_456, depth: 9, seconds: 2.5, queue: 7 });
    reporter.stopping();
    expect(stdout.written.replace(ANSI, "")).toContain("stopping at the next poll… (Ctrl-C again quits at once)");
    reporter.close("interrupted");
    // After the last erase of the live area, only the summary line is drawn: no spinner, no figures.
    const lastErase = stdout.written.lastIndexOf("\u001b[1A");
    const after = stdout.written.slice(lastErase).replace(ANSI, "");
    expect(after).toContain("specs/two-phase.fl: interrupted after 123,456 distinct states, depth 9, 2.50 s (NOT exhaustive)");
    expect(after).not.toContain("checking");
    expect(after).not.toContain("stopping");
    const written = stdout.written.length;
    reporter.close("interrupted");
    expect(stdout.written.length).toBe(written);
  });

  it("close() is idempotent and leaves nothing running", async () => {
    const { options } = streams();
    const reporter = createTuiReporter({ ...options, interactive: false });
    reporter.onStart("x.fl");
    reporter.close();
    reporter.close();
    expect(await reporter.waitUntilDone()).toBe(false);
  });
});

describe("fileBlock", () => {
  it("holds the diagnostics, the verdict and, when asked, the diagram", () => {
    const { report, lookup } = specReport("duplicate-charge");
    const block = fileBlock(report, lookup, false, 100);
    expect(block).toContain("atmostonce charge violated");
    expect(block).toContain("2×Payment{order:0}");
    expect(fileBlock(report, lookup, false)).not.toContain("2×Payment");
  });
});

describe("cutShort", () => {
  it("says how far a search got, or that it had not started", () => {
    expect(cutShort("a.fl", { distinctStates: 1234, depth: 3, seconds: 12.34, queue: 0 }, "stopped")).toBe(
      "a.fl: stopped after 1,234 distinct states, depth 3, 12.3 s (NOT exhaustive)",
    );
    expect(cutShort("a.fl", undefined, "interrupted")).toBe("a.fl: interrupted before the search started");
  });
});
