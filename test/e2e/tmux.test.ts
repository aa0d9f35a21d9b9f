// End-to-end in a real terminal: the built CLI runs in a tmux pane (160x50, CI unset so the
// terminal UI is on), keys are sent with `send-keys` and the screen is read back with
// `capture-pane`. Needs tmux (.ci/run installs it); without it these tests fail, they never skip.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/run-cli.js";

const BIN = join(ROOT, "bin", "faultline.js");
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
let dir: string;
let config: string;
/** This run's own tmux server, by socket path (in `dir`, so it goes with it). */
let socket: string;

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-S", socket, "-f", config, ...args], { encoding: "utf8" });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "faultline-tmux-"));
  config = join(dir, "tmux.conf");
  socket = join(dir, `faultline-test-${process.pid}`);
  // Dead panes stay readable (and say how the command ended); no status line takes a row.
  writeFileSync(config, "set -g remain-on-exit on\nset -g status off\nset -g history-limit 2000\n");
  try {
    execFileSync("tmux", ["-V"], { encoding: "utf8" });
  } catch {
    throw new Error("these tests need tmux on the PATH (apt-get install -y tmux; .ci/run installs it)");
  }
});

afterAll(() => {
  try {
    tmux("kill-server");
  } catch {
    // no server was left running
  }
  rmSync(dir, { recursive: true, force: true });
});

/** A tmux session running one command; everything the command writes is also logged raw. */
interface Pane {
  readonly name: string;
  readonly log: string;
}

let sessions = 0;

/**
 * Starts `faultline ...args` in a new 160x50 session. The shell around it ignores Ctrl-C (the
 * CLI does not) and prints `EXIT=<code>` when the CLI ends. CI, NO_COLOR and GITHUB_ACTIONS are
 * unset inside, as on a developer's terminal.
 */
function start(args: readonly string[]): Pane {
  const name = `s${++sessions}`;
  const log = join(dir, `${name}.log`);
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const script = `trap : INT; cd '${ROOT}' && env -u CI -u NO_COLOR -u FORCE_COLOR -u GITHUB_ACTIONS ${quoted}; echo EXIT=$?`;
  tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "50", "sh", "-c", script, ";", "pipe-pane", "-t", name, `cat >> '${log}'`);
  return { name, log };
}

/** The visible screen, or with `history` also what scrolled off the top. */
function screen(pane: Pane, history = false): string {
  return tmux("capture-pane", "-p", "-t", pane.name, ...(history ? ["-S", "-"] : []));
}

/** Polls the screen every 50 ms until `test` accepts it; fails with the screen after `timeoutMs`. */
async function waitFor(pane: Pane, test: (text: string) => boolean, what: string, timeoutMs = 20_000, history = false): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen(pane, history);
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the command to end; returns its exit code and the whole screen (history included). */
async function exitOf(pane: Pane, timeoutMs = 20_000): Promise<{ code: number; text: string }> {
  const text = await waitFor(pane, (t) => /^EXIT=\d+$/m.test(t), "the command to exit", timeoutMs, true);
  return { code: Number(/^EXIT=(\d+)$/m.exec(text)![1]), text };
}

function keys(pane: Pane, ...names: string[]): void {
  tmux("send-keys", "-t", pane.name, ...names);
}

/** The line of the trace diagram marked as selected. */
function selectedRow(text: string): string {
  return text.split("\n").find((l) => l.startsWith("▸")) ?? "";
}

/** The pid of the CLI: the child of the pane's shell. */
function cliPid(pane: Pane): number | undefined {
  const shell = tmux("display", "-p", "-t", pane.name, "#{pane_pid}").trim();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] === shell) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** CPU seconds used so far by process `pid` (user + system), 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

describe("faultline check in a terminal", () => {
  it("opens the trace viewer on a violation: a lane per node, arrows, the property; keys move, expand and quit", async () => {
    const pane = start(["check", "specs/split-brain.fl", "--workers", "1"]);
    let text = await waitFor(pane, (t) => t.includes("enter: expand state"), "the trace viewer");
    expect(text).toMatch(/^ +Server\[0\] +Server\[1\] +Server\[2\]/m);
    expect(text).toMatch(/├─+RequestVote\{term:1\}─*>│/);
    expect(text).toMatch(/│<─+Vote\{term:1\}─+┤/);
    expect(text).toContain("invariant NoSplitBrain violated after 6 steps");
    expect(selectedRow(text)).toMatch(/^▸6 /);
    expect(text).toContain("step 6 of 6: Server[2] receives Vote{term: 1} from");

    keys(pane, "k");
    text = await waitFor(pane, (t) => selectedRow(t).startsWith("▸5 "), "step 5 selected");
    expect(text).toContain("step 5 of 6: Server[1] receives RequestVote{term: 1}");
    keys(pane, "Down");
    await waitFor(pane, (t) => selectedRow(t).startsWith("▸6 "), "step 6 selected again");

    keys(pane, "Enter");
    text = await waitFor(pane, (t) => t.includes("state after step 6 of 6"), "the expanded state");
    expect(text).toMatch(/role = Leader \(was Candidate\)/);
    expect(text).toMatch(/^Server\[0\] +Server\[1\] +Server\[2\] +network: 2 in flight/m);
    expect(text).toContain("enter/esc: back to the diagram");
    keys(pane, "Escape");
    text = await waitFor(pane, (t) => t.includes("enter: expand state"), "the diagram again");
    expect(text).not.toContain("state after step 6 of 6");
    expect(text).toMatch(/^ 3 /m);

    keys(pane, "q");
    const end = await exitOf(pane);
    expect(end.code).toBe(10);
  });

  it("Ctrl-C in the live view at --workers 1 stops the search: exit 130, partial statistics, no spinner left, cursor shown", async () => {
    const pane = start(["check", "specs/two-phase.fl", "--const", "K=9", "--workers", "1"]);
    await waitFor(pane, (t) => /distinct states +[1-9][\d,]*/.test(t), "the live view's figures");
    keys(pane, "C-c");
    const { code, text } = await exitOf(pane);
    expect(code).toBe(130);
    expect(text).toContain("specs/two-phase.fl: interrupted: no violation found so far, NOT exhaustive");
    expect(text).toMatch(/^ {2}[\d,]+ distinct states, [\d,]+ transitions, depth \d+/m);
    expect(text).not.toContain("checking specs/two-phase.fl");
    expect(text).not.toMatch(SPINNER);
    const raw = readFileSync(pane.log, "utf8");
    expect(raw).toContain("\u001b[?25l");
    expect(raw.lastIndexOf("\u001b[?25h")).toBeGreaterThan(raw.lastIndexOf("\u001b[?25l"));
  });

  it("a SIGINT from the terminal (--plain) at --workers 1 ends a long check with exit 130 and partial statistics", async () => {
    const pane = start(["check", "specs/two-phase.fl", "--const", "K=9", "--workers", "1", "--plain"]);
    // Into the search: the CLI has used a second of CPU (loading takes a fraction of that).
    const deadline = Date.now() + 20_000;
    let pid = cliPid(pane);
    while ((pid === undefined || cpuSeconds(pid) < 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      pid ??= cliPid(pane);
    }
    expect(pid).toBeDefined();
    keys(pane, "C-c");
    const { code, text } = await exitOf(pane);
    expect(code).toBe(130);
    expect(text).toContain("specs/two-phase.fl: interrupted: no violation found so far, NOT exhaustive");
    expect(text).toMatch(/^ {2}[\d,]+ distinct states, [\d,]+ transitions, depth \d+/m);
  });
});

describe("faultline explore in a terminal", () => {
  it("takes two steps, undoes one and quits, the screen and the replay line following each", async () => {
    const pane = start(["explore", "specs/split-brain.fl"]);
    let text = await waitFor(pane, (t) => t.includes("enabled steps (3)"), "the explorer");
    expect(text).toContain("faultline explore specs/split-brain.fl · step 0 · initial state");
    expect(text).toContain("▸ 1. Server[0] times out");
    expect(text).toMatch(/^replay: faultline check specs\/split-brain\.fl --replay 0$/m);

    keys(pane, "Enter");
    text = await waitFor(pane, (t) => t.includes("step 1 · after: Server[0] times out"), "the first step taken");
    expect(text).toContain("Server[0]: role = Candidate, term = 1");
    expect(text).toMatch(/^replay: .* --replay 0\/0$/m);

    keys(pane, "j");
    await waitFor(pane, (t) => t.includes("▸ 2. Server[2] receives RequestVote{term: 1} from Server[0]"), "the second step selected");
    keys(pane, "Enter");
    text = await waitFor(pane, (t) => t.includes("step 2 · after: Server[2] receives RequestVote{term: 1} from Server[0]"), "the second step taken");
    expect(text).toMatch(/^replay: .* --replay 0\/0\/1$/m);

    keys(pane, "u");
    text = await waitFor(pane, (t) => t.includes("step 1 · after: Server[0] times out"), "the undo");
    expect(text).toMatch(/^replay: .* --replay 0\/0$/m);

    keys(pane, "q");
    const end = await exitOf(pane);
    expect(end.code).toBe(0);
    expect(end.text).toMatch(/^replay: faultline check specs\/split-brain\.fl --replay 0\/0$/m);
  });
});
