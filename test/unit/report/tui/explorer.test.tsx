import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "ink-testing-library";
import { loadModel } from "../../../../src/index.js";
import { replay } from "../../../../src/explore/trace.js";
import type { Model } from "../../../../src/compile/model.js";
import { Explorer, windowOf } from "../../../../src/report/tui/explorer.js";
import {
  currentFrame,
  replayLine,
  restart,
  sessionToken,
  startSession,
  stateLines,
  stepLabel,
  takeStep,
  undoStep,
  violations,
  type Session,
} from "../../../../src/report/tui/explorer-state.js";
import { ROOT } from "../../../helpers/run-cli.js";
import { compileSource } from "../../../helpers/compile-source.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const ANSI = /\u001b\[[0-9;]*m/g;

function specModel(name: string): Model {
  const file = `specs/${name}.fl`;
  const loaded = loadModel(readFileSync(join(ROOT, file), "utf8"), file);
  if (!loaded.model) throw new Error(`${file} did not load: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  return loaded.model;
}

/** Takes the enabled step whose words are `text`. */
function take(session: Session, text: string): Session {
  const index = currentFrame(session).steps.findIndex((s) => s.description.text === text);
  if (index < 0) throw new Error(`no step "${text}" in: ${currentFrame(session).steps.map((s) => s.description.text).join(" | ")}`);
  return takeStep(session, index);
}

const SPLIT_BRAIN_RUN = [
  "Server[0] times out",
  "Server[1] times out",
  "Server[2] receives RequestVote{term: 1} from Server[0]",
  "Server[2] receives RequestVote{term: 1} from Server[1]",
  "Server[0] receives Vote{term: 1} from Server[2]",
  "Server[1] receives Vote{term: 1} from Server[2]",
];

describe("explorer state", () => {
  const model = specModel("split-brain");

  it("starts at the initial state with the enabled steps in words and token `0`", () => {
    const s = startSession(model);
    expect(sessionToken(s)).toBe("0");
    expect(currentFrame(s).steps.map(stepLabel)).toEqual(["Server[0] times out", "Server[1] times out", "Server[2] times out"]);
    expect(stateLines(s).map((l) => l.text)).toEqual([
      "Server[0]: role = Follower, term = 0",
      "Server[1]: role = Follower, term = 0",
      "Server[2]: role = Follower, term = 0",
      "network: empty",
    ]);
    expect(violations(s)).toEqual([]);
  });

  it("takes a step, keeping the node names the user chose (no symmetry renaming), and marks what changed", () => {
    const s = take(startSession(model), "Server[0] times out");
    expect(sessionToken(s)).toBe("0/0");
    const lines = stateLines(s);
    expect(lines[0]).toEqual({ text: "Server[0]: role = Candidate, term = 1", changed: true });
    expect(lines[1]).toEqual({ text: "Server[1]: role = Follower, term = 0", changed: false });
    expect(lines.map((l) => l.text)).toContain("  RequestVote{term: 1} Server[0]->Server[1]");
    expect(currentFrame(s).steps.map(stepLabel)).toContain("Server[2] receives RequestVote{term: 1} from Server[0]");
  });

  it("undoes and restarts; out-of-range steps and undo at the start change nothing", () => {
    const start = startSession(model);
    expect(undoStep(start)).toBe(start);
    expect(takeStep(start, 99)).toBe(start);
    const two = take(take(start, "Server[0] times out"), "Server[1] times out");
    const one = undoStep(two);
    expect(one.frames).toHaveLength(2);
    expect(sessionToken(one)).toBe("0/0");
    expect(stateLines(one)[1]!.text).toBe("Server[1]: role = Follower, term = 0");
    const again = restart(two);
    expect(sessionToken(again)).toBe("0");
    expect(stateLines(again)[0]!.text).toBe("Server[0]: role = Follower, term = 0");
  });

  it("reaches the split brain, reports the violated invariant, and its token replays to the same violation", () => {
    const s = SPLIT_BRAIN_RUN.reduce(take, startSession(model));
    expect(violations(s)).toEqual(["invariant NoSplitBrain: fails for a = Server[0], b = Server[1]"]);
    expect(replayLine(s, "specs/split-brain.fl", { N: "3" })).toBe(`faultline check specs/split-brain.fl --const N=3 --replay ${sessionToken(s)}`);
    const run = replay(model, s.path);
    if (typeof run === "string") throw new Error(run);
    expect(run.steps).toHaveLength(SPLIT_BRAIN_RUN.length);
    expect(model.checkState(run.states[run.states.length - 1]!)).toBe(0);
  });

  it("labels fault steps and shows deadlock when no progress step is enabled", () => {
    const faulty = take(startSession(specModel("leader-election")), "Server[0] times out");
    const labels = currentFrame(faulty).steps.map(stepLabel);
    expect(labels).toContain("[fault] Server[1] crashes");
    expect(labels.some((l) => l.startsWith("[fault] network drops RequestVote"))).toBe(true);
    const stuck = compileSource("spec Stuck\nnode A {\n  var x: 0..1 = 0\n  action go when x == 0 { x = 1 }\n}\n");
    const start = startSession(stuck);
    expect(currentFrame(start).deadlock).toBe(false);
    const after = takeStep(start, 0);
    expect(currentFrame(after).steps).toEqual([]);
    expect(violations(after)).toEqual(["deadlock: no step can make progress and this is not an end state"]);
  });

  it("windows a long step list around the selection", () => {
    expect(windowOf(5, 0, 10)).toEqual([0, 5]);
    expect(windowOf(30, 0, 10)).toEqual([0, 8]);
    expect(windowOf(30, 29, 10)).toEqual([22, 30]);
  });
});

describe("<Explorer>", () => {
  const model = specModel("split-brain");
  const frameOf = (ui: ReturnType<typeof render>) => ui.lastFrame()!.replace(ANSI, "");

  it("shows the state, the numbered steps and the replay line; takes, selects, undoes, restarts and quits by key", async () => {
    let exited: boolean | undefined;
    const ui = render(<Explorer model={model} file="specs/split-brain.fl" width={120} height={45} onExit={(i) => (exited = i)} />);
    await tick();
    let frame = frameOf(ui);
    expect(frame).toContain("Server[0]: role = Follower, term = 0");
    expect(frame).toContain("no property violated");
    expect(frame).toContain("▸ 1. Server[0] times out");
    expect(frame).toContain("replay: faultline check specs/split-brain.fl --replay 0");

    ui.stdin.write("\r"); // Enter takes the selected step: Server[0] times out
    await tick();
    frame = frameOf(ui);
    expect(frame).toContain("Server[0]: role = Candidate, term = 1");
    expect(frame).toContain("--replay 0/0");
    expect(frame).toContain("step 1 · after: Server[0] times out");

    ui.stdin.write("u");
    await tick();
    expect(frameOf(ui)).toContain("Server[0]: role = Follower, term = 0");

    ui.stdin.write("j"); // select step 2
    await tick();
    expect(frameOf(ui)).toContain("▸ 2. Server[1] times out");
    ui.stdin.write("\r");
    await tick();
    expect(frameOf(ui)).toContain("Server[1]: role = Candidate, term = 1");

    ui.stdin.write("1"); // a digit takes that step directly
    await tick();
    expect(frameOf(ui)).toContain("step 2");
    ui.stdin.write("\u007f"); // Backspace undoes too
    await tick();
    expect(frameOf(ui)).toContain("step 1 ·");

    ui.stdin.write("r");
    await tick();
    expect(frameOf(ui)).toContain("step 0 · initial state");

    ui.stdin.write("q");
    await tick();
    expect(exited).toBe(false);
    ui.unmount();
  });

  it("shows the violated invariant once the split brain is reached", async () => {
    const ui = render(<Explorer model={model} file="specs/split-brain.fl" width={120} height={45} color={false} />);
    await tick();
    for (const text of SPLIT_BRAIN_RUN) {
      const line = frameOf(ui).split("\n").find((l) => l.endsWith(` ${text}`) && /\d+\. /.test(l));
      const number = /(\d+)\. /.exec(line ?? "")?.[1];
      expect(number, text).toBeDefined();
      ui.stdin.write(number!);
      await tick();
    }
    expect(frameOf(ui)).toContain("violated: invariant NoSplitBrain: fails for a = Server[0], b = Server[1]");
    ui.unmount();
  });
});
