// `--replay TOKEN`: re-runs one trace and judges its last state and step, without searching.
// The verdict is the one the search reported for that token, so a replay reproduces a failure.

import { EvaluationError, type Model } from "../compile/model.js";
import { replay, type ReplayPath } from "../explore/trace.js";
import type { CheckResult } from "../explore/result.js";

/** A CheckResult for one replayed path, or a message saying why the path does not fit. */
export function replayResult(model: Model, path: ReplayPath, token: string): CheckResult | string {
  const started = performance.now();
  const coverage = model.actions.map((a) => ({ label: a.label, kind: a.kind, count: 0 }));
  const replayed = replay(model, path);
  if (typeof replayed === "string") return replayed;
  const states = replayed.states;
  for (const step of replayed.steps) coverage[step.actionId]!.count++;
  const last = states[states.length - 1]!;
  const stats = base(started, path.length - 1, coverage);
  const violated = (index: number): CheckResult => {
    const p = model.properties[index]!;
    return { ...stats, outcome: "violation", violation: { property: p.name, kind: p.kind, path: [...path], token } };
  };
  if (states.length >= 2) {
    const t = model.checkTransition(states[states.length - 2]!, last);
    if (t >= 0) return violated(t);
  }
  const s = model.checkState(last);
  if (s >= 0) return violated(s);
  let progress: number;
  try {
    progress = model.successors(last, () => {});
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return { ...stats, outcome: "error", error: { code: error.code, message: error.message, path: [...path], token } };
  }
  if (progress === 0 && !model.isEndState(last)) {
    return { ...stats, outcome: "deadlock", violation: { property: "deadlock", kind: "deadlock", path: [...path], token } };
  }
  return `replays ${path.length - 1} step(s), but no property fails at its end`;
}

function base(started: number, depth: number, coverage: CheckResult["coverage"]) {
  const seconds = (performance.now() - started) / 1000;
  return {
    stats: {
      distinctStates: depth + 1,
      generatedStates: depth,
      depth,
      seconds,
      statesPerSecond: seconds > 0 ? (depth + 1) / seconds : 0,
      peakMemoryBytes: process.memoryUsage().rss,
    },
    coverage,
  };
}
