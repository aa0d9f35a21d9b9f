// JSON reporter: one document for the whole run, with a schema version, for CI and tools.
// Stable field names; a consumer checks `version` before reading anything else. The document's
// shape is published as a JSON Schema, report.schema.json beside this file (copied into dist/).

import type { Diagnostic, Note, Span } from "../diagnostics/diagnostic.js";
import type { SourceLookup } from "../diagnostics/render.js";
import type { CheckResult, RandomStats } from "../explore/result.js";
import type { FileReport, Reporter } from "./reporter.js";

/** Bumped whenever a field changes meaning or disappears (adding fields keeps the version). */
export const JSON_SCHEMA_VERSION = 1;

/** Collects each file's source lookup (for line and column numbers) and writes the document at the end. */
export function createJsonReporter(out: (text: string) => void): Reporter {
  const lookups = new Map<string, SourceLookup>();
  return {
    onStart() {},
    onProgress() {},
    onFile(report, lookup) {
      lookups.set(report.file, lookup);
    },
    onFinish(reports) {
      const files = reports.map((report) => toJson(report, lookups.get(report.file) ?? (() => undefined)));
      out(JSON.stringify({ version: JSON_SCHEMA_VERSION, tool: "faultline", files }, null, 2) + "\n");
    },
  };
}

function toJson(report: FileReport, lookup: SourceLookup): unknown {
  const r = report.result;
  const random = r ? randomOf(r) : undefined;
  return {
    file: report.file,
    exitCode: report.exitCode,
    outcome: r?.outcome ?? "spec-error",
    ...(r?.limit ? { limit: r.limit } : {}),
    diagnostics: report.diagnostics.map((d) => diagnosticJson(d, lookup)),
    ...(r ? { stats: r.stats, coverage: r.coverage } : {}),
    ...(random ? { random } : {}),
    ...(r?.violation
      ? {
          violation: {
            property: r.violation.property,
            kind: r.violation.kind,
            replay: r.violation.token,
            ...(report.explanation !== undefined ? { explanation: report.explanation } : {}),
          },
        }
      : {}),
    ...(r?.error
      ? {
          error: {
            code: r.error.code,
            message: r.error.message,
            replay: r.error.token,
            ...(r.error.action !== undefined ? { action: r.error.action } : {}),
            ...(report.failureSpan ? { span: spanJson(report.failureSpan, lookup) } : {}),
          },
        }
      : {}),
    ...(r?.unreached ? { unreached: r.unreached } : {}),
    ...(report.trace ? { trace: report.trace } : {}),
    ...(report.replayCommand ? { replayCommand: report.replayCommand } : {}),
    ...(report.rerunCommand ? { rerunCommand: report.rerunCommand } : {}),
  };
}

function diagnosticJson(d: Diagnostic, lookup: SourceLookup): unknown {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.span ? { span: spanJson(d.span, lookup) } : {}),
    ...(d.notes ? { notes: d.notes.map((n) => noteJson(n, lookup)) } : {}),
  };
}

function noteJson(note: Note, lookup: SourceLookup): unknown {
  return { message: note.message, ...(note.span ? { span: spanJson(note.span, lookup) } : {}) };
}

/** The span's offsets, plus 1-based lines and UTF-16 columns (end exclusive) when the source is known. */
function spanJson(span: Span, lookup: SourceLookup): unknown {
  const source = lookup(span.file);
  if (!source) return { file: span.file, start: span.start, end: span.end };
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  return { file: span.file, start: span.start, end: span.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The random-search figures of a result from `--random` (a RandomResult), if it is one. */
function randomOf(result: CheckResult): RandomStats | undefined {
  return "random" in result ? (result.random as RandomStats) : undefined;
}

