// GitHub Actions annotations: when GITHUB_ACTIONS=true, each diagnostic and each violated
// property also prints as `::error file=...,line=...::message`, which the runner shows inline
// on the pull request. Pure text; the CLI decides when to add it.

import type { SourceLookup } from "../diagnostics/render.js";
import type { FileReport, Reporter } from "./reporter.js";

/** The annotation lines for one file's report (diagnostics first, then the violation). */
export function githubAnnotations(report: FileReport, lookup: SourceLookup): string[] {
  const lines: string[] = [];
  for (const d of report.diagnostics) {
    const level = d.severity === "error" ? "error" : "warning";
    const file = d.span ? lookup(d.span.file) : undefined;
    const where = d.span && file ? `,line=${file.position(d.span.start).line},col=${file.position(d.span.start).column}` : "";
    lines.push(`::${level} file=${escapeProperty(report.file)}${where},title=${d.code}::${escapeData(d.message)}`);
  }
  const r = report.result;
  const v = r?.violation;
  if (r && v && (r.outcome === "violation" || r.outcome === "deadlock")) {
    const line = propertyLine(report, v.property, lookup);
    const what = r.outcome === "deadlock" ? "deadlock" : `${v.kind} ${v.property} violated`;
    const explanation = report.explanation ? `: ${report.explanation}` : "";
    const replay = report.replayCommand ? ` Reproduce: ${report.replayCommand}` : "";
    lines.push(
      `::error file=${escapeProperty(report.file)}${line ? `,line=${line}` : ""},title=${escapeProperty(what)}::${escapeData(`${what} after ${v.path.length - 1} steps${explanation}.${replay}`)}`,
    );
  }
  return lines;
}

/** The line of the property's declaration (`invariant Name`, `atmostonce name`, ...), if found. */
function propertyLine(report: FileReport, name: string, lookup: SourceLookup): number | undefined {
  const file = lookup(report.file);
  if (!file) return undefined;
  const pattern = new RegExp(`\\b(invariant|reachable|transition|atmostonce|nolostwrites)\\s+${name.replace(/\W/g, "")}\\b`);
  const match = pattern.exec(file.text);
  return match ? file.position(match.index).line : undefined;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Wraps a reporter so that it also writes annotations through `write` (one line each). */
export function withGithubAnnotations(inner: Reporter, write: (text: string) => void): Reporter {
  return {
    onStart: (file) => inner.onStart(file),
    onProgress: (file, progress) => inner.onProgress(file, progress),
    onFile(report, lookup) {
      inner.onFile(report, lookup);
      for (const line of githubAnnotations(report, lookup)) write(`${line}\n`);
    },
    onFinish: (reports) => inner.onFinish(reports),
  };
}
