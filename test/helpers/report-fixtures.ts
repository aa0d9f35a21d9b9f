// FileReports for reporter tests: real ones (a spec from specs/ searched and its trace rebuilt, as
// the CLI does) and a hand-made trace that takes every kind of step, faults included.

import { readFileSync } from "node:fs";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import type { SourceLookup } from "../../src/diagnostics/render.js";
import { loadModel } from "../../src/index.js";
import { explore } from "../../src/explore/bfs.js";
import { buildTrace, type Trace } from "../../src/explore/trace.js";
import type { CheckResult } from "../../src/explore/result.js";
import type { FileReport } from "../../src/report/reporter.js";
import type { StepDescription } from "../../src/compile/model.js";

/** Searches `specs/<name>.fl` and builds its report like `faultline check` (properties filled). */
export function specReport(name: string): { report: FileReport; lookup: SourceLookup } {
  const file = `specs/${name}.fl`;
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  const source = new SourceFile(file, text);
  const lookup: SourceLookup = (f) => (f === file ? source : undefined);
  const loaded = loadModel(text, file);
  if (!loaded.model) throw new Error(`${file} does not compile: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  const result = explore(loaded.model, {});
  const path = result.violation?.path ?? result.error?.path;
  const built = path ? buildTrace(loaded.model, path) : undefined;
  if (typeof built === "string") throw new Error(built);
  const token = result.violation?.token ?? result.error?.token;
  const report: FileReport = {
    file,
    diagnostics: loaded.diagnostics,
    result,
    trace: built,
    replayCommand: token === undefined ? undefined : `faultline check ${file} --replay ${token}`,
    exitCode: exitCode(result),
    properties: loaded.model.properties.map((p) => ({ name: p.name, kind: p.kind })),
  };
  return { report, lookup };
}

function exitCode(result: CheckResult): number {
  const codes: Record<CheckResult["outcome"], number> = { ok: 0, violation: 10, deadlock: 11, unreached: 12, error: 75, limit: 152 };
  return codes[result.outcome];
}

/** A CheckResult with made-up statistics. */
export function fakeResult(fields: Partial<CheckResult> & Pick<CheckResult, "outcome">): CheckResult {
  return {
    stats: { distinctStates: 42, generatedStates: 100, depth: 5, seconds: 0.25, statesPerSecond: 168, peakMemoryBytes: 4096 },
    coverage: [],
    ...fields,
  };
}

type Step = Omit<StepDescription, "actionId">;

/**
 * Three nodes A, B[0], B[1] and one of every step: a timer that sends, a delivery each way, a
 * self-send, a drop, a duplicate, a cut, a partition, a heal, a crash and restart, a clock shift,
 * a tick and a node-less action. States only track `A.n` and the network.
 */
export function faultTrace(): Trace {
  const m = (from: string, to: string, text: string) => ({ from, to, text });
  const steps: Step[] = [
    { kind: "timer", text: "A times out", actor: "A", sent: [m("A", "B[1]", "Ping{n: 1}"), m("A", "B[0]", "Ping{n: 1}")] },
    { kind: "deliver", text: "B[1] receives Ping{n: 1} from A", actor: "B[1]", message: m("A", "B[1]", "Ping{n: 1}"), sent: [m("B[1]", "A", "Pong")] },
    { kind: "deliver", text: "A receives Pong from B[1]", actor: "A", message: m("B[1]", "A", "Pong") },
    { kind: "deliver", text: "A receives Note from A", actor: "A", message: m("A", "A", "Note") },
    { kind: "fault", text: "network drops Ping{n: 1} A->B[0]", message: m("A", "B[0]", "Ping{n: 1}") },
    { kind: "fault", text: "network duplicates Pong B[1]->A", message: m("B[1]", "A", "Pong") },
    { kind: "fault", text: "link A->B[1] cut" },
    { kind: "fault", text: "partition {A, B[0]} | {B[1]}" },
    { kind: "fault", text: "all links healed" },
    { kind: "fault", text: "B[0] crashes", actor: "B[0]" },
    { kind: "fault", text: "B[0] restarts", actor: "B[0]" },
    { kind: "fault", text: "A clock +1 (offset 1)", actor: "A" },
    { kind: "tick", text: "time advances to 1" },
    { kind: "action", text: "audit(k: 2)" },
  ];
  let state: Record<string, unknown> = { "A.n": 0, "B[0].n": 0, "B[1].n": 0, network: [] };
  const initial = state;
  return {
    initial,
    steps: steps.map((step, i) => {
      const next = { ...state, "A.n": i + 1, network: i === 0 ? ["Ping{n: 1} A->B[1]"] : [] };
      const changes: { name: string; before: unknown; after: unknown }[] = [{ name: "A.n", before: state["A.n"], after: i + 1 }];
      if (i === 0) changes.push({ name: "network", before: [], after: ["Ping{n: 1} A->B[1]"] });
      if (i === 1) changes.push({ name: "network", before: ["Ping{n: 1} A->B[1]"], after: [] });
      state = next;
      return { step: { actionId: i, ...step }, state: next, changes };
    }),
  };
}
