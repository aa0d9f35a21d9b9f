// Plain-text reporter: for pipes, CI logs and terminals. Counterexamples read as a story: each
// step says who did what, then the variables it changed. Colour only when asked (never in pipes).

import { renderDiagnostic, renderFrame, type SourceLookup } from "../diagnostics/render.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckResult } from "../explore/result.js";
import type { Trace } from "../explore/trace.js";
import type { FileReport, Reporter } from "./reporter.js";
import { formatCount, formatBytes, formatSeconds, formatValue, limitWords } from "./format.js";
import type { RandomStats } from "../explore/result.js";

export interface TextStyle {
  readonly bold: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
}

const plain = (s: string): string => s;
export const PLAIN_STYLE: TextStyle = { bold: plain, red: plain, green: plain, yellow: plain, dim: plain };

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ANSI_STYLE: TextStyle = {
  bold: sgr(1, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  dim: sgr(2, 22),
};

/** Writes reports as text through `out` (results) and `err` (diagnostics). */
export function createTextReporter(
  out: (text: string) => void,
  err: (text: string) => void,
  style: TextStyle = PLAIN_STYLE,
): Reporter {
  return {
    onStart() {},
    onProgress() {},
    onFile(report, lookup) {
      const diagnostics = report.diagnostics.map((d) => renderStyled(d, lookup, style));
      if (diagnostics.length > 0) err(diagnostics.join("\n\n") + "\n");
      if (report.result) out(renderResult(report, report.result, style, lookup) + "\n");
    },
    onFinish(reports) {
      if (reports.length > 1) out(renderSummary(reports, style) + "\n");
    },
  };
}

function renderStyled(d: Diagnostic, lookup: SourceLookup, style: TextStyle): string {
  const text = renderDiagnostic(d, lookup);
  const [first, ...rest] = text.split("\n");
  const paint = d.severity === "error" ? style.red : style.yellow;
  return [style.bold(paint(first!)), ...rest].join("\n");
}

/**
 * The verdict line, the trace if any, the replay line and the statistics; with `lookup`, an
 * evaluation error also shows the spec's line where it happened.
 */
export function renderResult(report: FileReport, result: CheckResult, style: TextStyle = PLAIN_STYLE, lookup?: SourceLookup): string {
  const lines = [headline(report.file, result, style)];
  if (report.trace) {
    lines.push("", ...renderTrace(report.trace, style));
    const end = closingLine(result, report.explanation);
    if (end) lines.push("", `  ${end}`);
  }
  const frame = report.failureSpan && lookup && renderFrame(report.failureSpan, lookup);
  if (frame) lines.push(...frame.lines.map((l) => `  ${l}`));
  if (report.replayCommand) lines.push(`  replay: ${report.replayCommand}`);
  const random = randomStats(result);
  if (random) {
    lines.push(`  ${renderRandomStats(random)}`);
    if (report.rerunCommand) lines.push(`  rerun the search: ${report.rerunCommand}`);
  } else lines.push(`  ${renderStats(result)}`);
  return lines.join("\n");
}

/** The random-search figures of a result, when it came from `--random`. */
function randomStats(result: CheckResult): RandomStats | undefined {
  return (result as CheckResult & { random?: RandomStats }).random;
}

function randomHeadline(name: string, result: CheckResult, random: RandomStats, style: TextStyle): string {
  const shard = random.shard ? `, shard ${random.shard.index}/${random.shard.count}` : "";
  const how = `random search, seed ${random.seed}${shard}`;
  const v = result.violation;
  if ((result.outcome === "violation" || result.outcome === "deadlock") && v) {
    const what = result.outcome === "deadlock" ? "deadlock reached" : `${v.kind} ${v.property} violated`;
    const shrunk = random.originalLength !== undefined ? `, shrunk from ${pluralize(random.originalLength, "step")}` : "";
    return `${name}: ${style.red(what)} after ${pluralize(v.path.length - 1, "step")} (${how}, walk ${random.failingWalk ?? "?"}${shrunk})`;
  }
  if (result.outcome === "error") {
    return `${name}: ${style.red(`error[${result.error!.code}]`)}: ${result.error!.message}, after ${pluralize(result.error!.path.length - 1, "step")} (${how})`;
  }
  const stopped = result.limit === "walks" ? "" : ` (${limitWords(result.limit)})`;
  return `${name}: ${style.yellow(`no violation in ${formatCount(random.walks)} random walks`)}${stopped}, NOT exhaustive (${how}, depth <= ${random.walkDepth})`;
}

/** `random search: 52 walks (depth <= 100, deepest 23), 712 steps, 1,234 steps/s, ...`. */
export function renderRandomStats(random: RandomStats): string {
  const distinct = `${random.distinctCapped ? "at least " : ""}${formatCount(random.distinctStates)}`;
  return [
    `random search: ${formatCount(random.walks)} walks (depth <= ${random.walkDepth}, deepest ${random.deepestWalk})`,
    `${formatCount(random.steps)} steps`,
    `${formatCount(Math.round(random.stepsPerSecond))} steps/s`,
    `${distinct} distinct states seen (a sample, not exhaustive)`,
  ].join(", ");
}

function headline(file: string, result: CheckResult, style: TextStyle): string {
  const name = style.bold(file);
  const random = randomStats(result);
  if (random) return randomHeadline(name, result, random, style);
  switch (result.outcome) {
    case "ok":
      return `${name}: ${style.green("ok")}, every property holds (exhaustive search)`;
    case "violation":
    case "deadlock": {
      const v = result.violation!;
      const what = result.outcome === "deadlock" ? "deadlock reached" : `${v.kind} ${v.property} violated`;
      return `${name}: ${style.red(what)} after ${pluralize(v.path.length - 1, "step")} (shortest trace)`;
    }
    case "unreached":
      return `${name}: ${style.red("never reached")}: ${(result.unreached ?? []).map((p) => `reachable ${p}`).join(", ")} (exhaustive search)`;
    case "limit":
      return `${name}: ${style.yellow(limitWords(result.limit))}: no violation found so far, NOT exhaustive`;
    case "error":
      return `${name}: ${style.red(`error[${result.error!.code}]`)}: ${result.error!.message}, after ${pluralize(result.error!.path.length - 1, "step")}`;
  }
}

/** The sentence after a trace that says why its last step or state fails (undefined when none does). */
export function closingLine(result: CheckResult, explanation: string | undefined): string | undefined {
  if (result.outcome === "violation") {
    const v = result.violation!;
    if (v.kind === "transition") return `The last step breaks transition property ${v.property}.`;
    if (explanation === undefined) return `${v.property} is false in the last state.`;
    if (v.kind === "invariant") return `${v.property} is false in the last state: it ${explanation}.`;
    return `${v.kind} ${v.property} is violated: ${explanation}.`;
  }
  if (result.outcome === "deadlock") return "No step is enabled in the last state, and it is not a declared end state (`end when ...`).";
  if (result.outcome === "error") {
    const e = result.error!;
    return e.action === undefined ? `The next step fails: ${e.message}.` : `In the last state, \`${e.action}\` fails: ${e.message}.`;
  }
  return undefined;
}

/**
 * A trace as numbered steps: what happened, the messages sent, then the variables that changed.
 * The network's contents are left out of the changes: deliveries and sends already say it.
 */
export function renderTrace(trace: Trace, style: TextStyle = PLAIN_STYLE): string[] {
  const lines = ["  initial state"];
  for (const [owner, fields] of groupByOwner(trace.initial)) {
    lines.push(`      ${owner ? `${owner}: ` : ""}${fields.map(([k, v]) => `${k} = ${formatValue(v)}`).join(", ")}`);
  }
  trace.steps.forEach((entry, i) => {
    lines.push(`  ${style.bold(`${i + 1}.`)} ${entry.step.text}`);
    for (const sent of entry.step.sent ?? []) lines.push(`      ${style.dim("sends")} ${sent.text} ${sent.from} -> ${sent.to}`);
    for (const change of entry.changes) {
      if (change.name === "network") continue;
      lines.push(`      ${change.name}: ${formatValue(change.before)} -> ${formatValue(change.after)}`);
    }
  });
  return lines;
}

/** Groups `Server[0].role`-style keys by their owner (`Server[0]`), in first-seen order. */
function groupByOwner(state: Readonly<Record<string, unknown>>): Map<string, [string, unknown][]> {
  const groups = new Map<string, [string, unknown][]>();
  for (const [key, value] of Object.entries(state)) {
    if (key === "network" && Array.isArray(value) && value.length === 0) continue;
    const dot = key.lastIndexOf(".");
    const owner = dot > 0 ? key.slice(0, dot) : "";
    const group = groups.get(owner) ?? [];
    group.push([dot > 0 ? key.slice(dot + 1) : key, value]);
    groups.set(owner, group);
  }
  return groups;
}

/** One line of statistics: `288 distinct states, 1,024 transitions, depth 11, 0.05 s, ...`. */
export function renderStats(result: CheckResult): string {
  const s = result.stats;
  return [
    `${formatCount(s.distinctStates)} distinct states`,
    pluralize(s.generatedStates, "transition"),
    `depth ${s.depth}`,
    formatSeconds(s.seconds),
    `${formatCount(Math.round(s.statesPerSecond))} states/s`,
    `peak memory ${formatBytes(s.peakMemoryBytes)}`,
  ].join(", ");
}

function renderSummary(reports: readonly FileReport[], style: TextStyle): string {
  const failed = reports.filter((r) => r.exitCode !== 0).length;
  const text = `${reports.length} specs checked: ${reports.length - failed} passed, ${failed} failed`;
  return failed > 0 ? style.red(text) : style.green(text);
}

function pluralize(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
}
