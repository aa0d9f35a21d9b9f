// JSON reporter: one document for the whole run, with a schema version, for CI and tools.
// Stable field names; a consumer checks `version` before reading anything else.

import type { FileReport, Reporter } from "./reporter.js";

/** Bumped whenever a field changes meaning or disappears (adding fields keeps the version). */
export const JSON_SCHEMA_VERSION = 1;

export function createJsonReporter(out: (text: string) => void): Reporter {
  return {
    onStart() {},
    onProgress() {},
    onFile() {},
    onFinish(reports) {
      out(JSON.stringify({ version: JSON_SCHEMA_VERSION, tool: "faultline", files: reports.map(toJson) }, null, 2) + "\n");
    },
  };
}

function toJson(report: FileReport): unknown {
  const r = report.result;
  return {
    file: report.file,
    exitCode: report.exitCode,
    outcome: r?.outcome ?? "spec-error",
    ...(r?.limit ? { limit: r.limit } : {}),
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.span ? { span: d.span } : {}),
      ...(d.notes ? { notes: d.notes } : {}),
    })),
    ...(r ? { stats: r.stats, coverage: r.coverage } : {}),
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
    ...(r?.error ? { error: { code: r.error.code, message: r.error.message, replay: r.error.token } } : {}),
    ...(r?.unreached ? { unreached: r.unreached } : {}),
    ...(report.trace ? { trace: report.trace } : {}),
    ...(report.replayCommand ? { replayCommand: report.replayCommand } : {}),
  };
}
