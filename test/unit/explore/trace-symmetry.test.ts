// Traces of symmetric families tell one consistent, un-renamed run: each step's actor is the node
// whose variables change, that sends and that receives, even though the search (and the replay
// token's ordinals) walked canonical states that may rename nodes from one step to the next.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CompiledModel } from "../../../src/compile/compiled-model.js";
import { explore } from "../../../src/explore/bfs.js";
import { buildTrace, replay, type Trace } from "../../../src/explore/trace.js";
import { compileSource } from "../../helpers/compile-source.js";

const spec = (name: string): string => readFileSync(new URL(`../../../specs/${name}`, import.meta.url), "utf8");

/** Keys that belong to no node: the network, faults, time, effects, histories. */
const GLOBAL = /^(network|cut|time|faults\.|effects\.|history\.)/;

/** The messages of `after` not in `before`, and those of `before` not in `after` (as multisets). */
function networkDiff(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const count = (lines: unknown): Map<string, number> => {
    const m = new Map<string, number>();
    for (const line of lines as string[]) m.set(line, (m.get(line) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  const a = count(after);
  const minus = (x: Map<string, number>, y: Map<string, number>): string[] =>
    [...x].flatMap(([line, n]) => Array.from({ length: Math.max(0, n - (y.get(line) ?? 0)) }, () => line));
  return { added: minus(a, b), removed: minus(b, a) };
}

/** Every inconsistency between what each step says and what it changes, as text. */
function contradictions(trace: Trace): string[] {
  const found: string[] = [];
  let before = trace.initial;
  trace.steps.forEach(({ step, state, changes }, i) => {
    const where = `step ${i + 1} (${step.text})`;
    const actor = step.actor;
    for (const change of changes) {
      if (GLOBAL.test(change.name)) continue;
      const owner = change.name.slice(0, change.name.lastIndexOf("."));
      if (owner !== actor) found.push(`${where} changes ${change.name}`);
    }
    for (const sent of step.sent ?? []) if (sent.from !== actor) found.push(`${where} sends from ${sent.from}`);
    const net = networkDiff(before["network"], state["network"]);
    for (const line of net.added) if (!line.includes(` ${actor}->`)) found.push(`${where} adds ${line}`);
    if (step.kind === "deliver") {
      const m = step.message!;
      if (m.to !== actor) found.push(`${where} delivers to ${m.to}`);
      if (!net.removed.includes(`${m.text} ${m.from}->${m.to}`)) found.push(`${where} leaves ${m.text} ${m.from}->${m.to} in flight`);
    }
    before = state;
  });
  return found;
}

/** Searches `model`, checks its counterexample's trace, and returns the trace and last state. */
function counterexample(model: CompiledModel, property: string) {
  const result = explore(model);
  expect(result.outcome).toBe("violation");
  expect(result.violation?.property).toBe(property);
  const path = result.violation!.path;
  const run = replay(model, path);
  const trace = buildTrace(model, path);
  if (typeof run === "string" || typeof trace === "string") throw new Error(`${run}`);
  // The run shown is the search's run up to renaming: state by state, the same canonical form.
  const form = new Int32Array(model.stateSize);
  run.states.forEach((state, i) => {
    model.canonicalize(state, form);
    expect(Array.from(form)).toEqual(Array.from(run.canonical[i]!));
  });
  const last = run.states[run.states.length - 1]!;
  const index = model.properties.findIndex((p) => p.name === property);
  expect(model.checkState(last)).toBe(index);
  expect(contradictions(trace)).toEqual([]);
  return { trace, last, index, path };
}

describe("traces of symmetric families", () => {
  it("split-brain: each step's actor is the node that changes, sends and receives", () => {
    const model = compileSource(spec("split-brain.fl"));
    const { trace, last, index } = counterexample(model, "NoSplitBrain");
    expect(trace.steps.map((s) => s.step.kind)).toEqual(["timer", "deliver", "deliver", "timer", "deliver", "deliver"]);
    // The explanation names the two leaders of the state shown, not of its canonical form.
    const why = model.explainViolation(last, index);
    const named = [...(why ?? "").matchAll(/= (Server\[\d\])/g)].map((m) => m[1]!);
    expect(named).toHaveLength(2);
    const final = trace.steps[trace.steps.length - 1]!.state;
    for (const node of named) expect(final[`${node}.role`]).toBe("Leader");
  });

  it("leader election that votes twice per term: split brain under drops and crashes", () => {
    const buggy = spec("leader-election.fl").replace("if m.term > term {", "if m.term >= term {");
    expect(buggy).not.toBe(spec("leader-election.fl"));
    counterexample(compileSource(buggy), "NoSplitBrain");
  });

  it("leader election, with the invariant that nobody leads, names the leader of the run shown", () => {
    const source = `${spec("leader-election.fl")}\ninvariant NoLeader = forall s in Server: s.role != Leader\n`;
    const model = compileSource(source);
    const { trace, last, index } = counterexample(model, "NoLeader");
    const why = model.explainViolation(last, index)!;
    const leader = /^fails for s = (Server\[\d\])$/.exec(why)?.[1];
    expect(trace.steps[trace.steps.length - 1]!.step.actor).toBe(leader);
  });

  it("crash and restart steps are told of the node whose `up` flag changes", () => {
    const source = `
      const N = 3
      message Ping
      node S[N] symmetric {
        durable var pinged: bool = false
        var got: 0..2 = 0
        action ping when not pinged { pinged = true  broadcast Ping }
        on Ping when got < 2 { got = got + 1 }
      }
      network unordered capacity 6
      faults { crash <= 1 }
      invariant NotAll = not (forall s in S: s.got == 2)
      end when true
    `;
    const model = compileSource(source);
    const result = explore(model);
    expect(result.outcome).toBe("violation");
    const trace = buildTrace(model, result.violation!.path);
    if (typeof trace === "string") throw new Error(trace);
    expect(contradictions(trace)).toEqual([]);
    // Along other runs of the same model, with crashes and restarts: follow a fixed walk.
    let path = [0];
    for (let i = 0; i < 12; i++) {
      const run = replay(model, path);
      if (typeof run === "string") throw new Error(run);
      let n = 0;
      model.successors(run.canonical[run.canonical.length - 1]!, () => n++);
      if (n === 0) break;
      path = [...path, (i * 7 + 3) % n];
    }
    const walk = buildTrace(model, path);
    if (typeof walk === "string") throw new Error(walk);
    expect(walk.steps.some((s) => /crashes|restarts/.test(s.step.text))).toBe(true);
    expect(contradictions(walk)).toEqual([]);
  });
});
