// SARIF 2.1.0 reporter for code-scanning tools: one run; a result per diagnostic (rule = its FL
// code) and per violation (rule = `violation/<kind>`, `deadlock`, `limit`), located in the spec.
// Regions are computed here from spans (UTF-16 columns, end exclusive: SARIF's defaults).

import { pathToFileURL } from "node:url";
import { isAbsolute } from "node:path";
import { CODES, type Code } from "../diagnostics/codes.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { SourceLookup } from "../diagnostics/render.js";
import type { CheckResult } from "../explore/result.js";
import type { FileReport, Reporter } from "./reporter.js";
import { limitWords } from "./format.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SarifLocation {
  readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region?: SarifRegion };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: "error" | "warning" | "note";
  readonly message: { readonly text: string };
  readonly locations?: readonly SarifLocation[];
  readonly codeFlows?: readonly unknown[];
}

/** Descriptions of the rules that are not diagnostic codes. */
const RESULT_RULES: Readonly<Record<string, string>> = {
  "violation/invariant": "An invariant is false in a reachable state",
  "violation/transition": "A step breaks a transition property",
  "violation/atmostonce": "An effect happens more than once",
  "violation/nolostwrites": "An acknowledged write is lost",
  "violation/reachable": "A reachable property never holds in an exhaustive search",
  deadlock: "A state where no step is enabled and no end condition holds",
  limit: "The search stopped at a limit before it was exhaustive",
};

/** Writes one SARIF log through `out` once every file is done. Results keep the files' order. */
export function createSarifReporter(out: (text: string) => void, options: { readonly version?: string } = {}): Reporter {
  const builder = createSarifBuilder();
  return {
    onStart() {},
    onProgress() {},
    onFile(report, lookup) {
      builder.add(report, lookup);
    },
    onFinish() {
      out(JSON.stringify(builder.log(options.version), null, 2) + "\n");
    },
  };
}

/** Accumulates results and the rules they use (in first-use order, so ruleIndex is stable). */
export function createSarifBuilder(): { add(report: FileReport, lookup: SourceLookup): void; log(version?: string): unknown } {
  const rules: { id: string; shortDescription: { text: string } }[] = [];
  const results: SarifResult[] = [];
  const ruleIndex = (id: string, description: string): number => {
    let i = rules.findIndex((r) => r.id === id);
    if (i < 0) i = rules.push({ id, shortDescription: { text: description } }) - 1;
    return i;
  };
  return {
    add(report, lookup) {
      for (const d of report.diagnostics) {
        const location = d.span ? locate(d.span, lookup) : report.file !== "" ? fileOnly(report.file) : undefined;
        results.push({
          ruleId: d.code,
          ruleIndex: ruleIndex(d.code, ruleDescription(d)),
          level: d.severity,
          message: { text: diagnosticText(d) },
          ...(location ? { locations: [location] } : {}),
        });
      }
      const r = report.result;
      if (r) for (const result of resultEntries(report, r, lookup, ruleIndex)) results.push(result);
    },
    log(version) {
      const driver = { name: "faultline", ...(version ? { version } : {}), rules };
      return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [{ tool: { driver }, columnKind: "utf16CodeUnits", results }] };
    },
  };
}

function resultEntries(
  report: FileReport,
  r: CheckResult,
  lookup: SourceLookup,
  ruleIndex: (id: string, description: string) => number,
): SarifResult[] {
  const replay = report.replayCommand ? ` Replay: ${report.replayCommand}` : "";
  const flows = report.trace ? [codeFlow(report)] : undefined;
  const entry = (ruleId: string, description: string, level: SarifResult["level"], text: string, location: SarifLocation): SarifResult => ({
    ruleId,
    ruleIndex: ruleIndex(ruleId, description),
    level,
    message: { text },
    locations: [location],
    ...(flows ? { codeFlows: flows } : {}),
  });
  const out: SarifResult[] = [];
  const v = r.violation;
  if (v) {
    const steps = `${v.path.length - 1} step${v.path.length === 2 ? "" : "s"}`;
    if (v.kind === "deadlock") {
      out.push(entry("deadlock", RESULT_RULES["deadlock"]!, "error", `Deadlock reached after ${steps}.${replay}`, fileOnly(report.file)));
    } else {
      const id = `violation/${v.kind}`;
      const text = `${v.kind} ${v.property} violated after ${steps}.${replay}`;
      out.push(entry(id, RESULT_RULES[id] ?? `A ${v.kind} property fails`, "error", text, propertyLocation(report, v.property, v.kind, lookup)));
    }
  }
  if (r.outcome === "unreached") {
    for (const name of r.unreached ?? []) {
      const text = `reachable ${name} never holds in any reachable state (exhaustive search).`;
      out.push(entry("violation/reachable", RESULT_RULES["violation/reachable"]!, "error", text, propertyLocation(report, name, "reachable", lookup)));
    }
  }
  if (r.outcome === "error" && r.error) {
    const e = r.error;
    const description = e.code in CODES ? CODES[e.code as Code].template : "Evaluation failure";
    const where = report.failureSpan ? locate(report.failureSpan, lookup) : fileOnly(report.file);
    out.push(entry(e.code, description, "error", `${e.message}.${replay}`, where));
  }
  if (r.outcome === "limit") {
    const text = `${limitWords(r.limit)}: no violation found so far, but the search is NOT exhaustive.`;
    out.push(entry("limit", RESULT_RULES["limit"]!, "warning", text, fileOnly(report.file)));
  }
  return out;
}

/** The trace as one thread flow: a location per step, its message the step's words. */
function codeFlow(report: FileReport): unknown {
  const steps = report.trace!.steps;
  const locations = [
    { location: { message: { text: "initial state" } } },
    ...steps.map((s) => ({ location: { message: { text: s.step.text } } })),
  ];
  return { threadFlows: [{ locations }] };
}

/** The property's declaration: its span when the report has it, else found in the source text. */
function propertyLocation(report: FileReport, name: string, kind: string, lookup: SourceLookup): SarifLocation {
  const entry = report.properties?.find((p) => p.name === name && p.kind === kind);
  if (entry?.span) return locate(entry.span, lookup);
  const source = lookup(report.file);
  if (source) {
    const found = new RegExp(`\\b${kind}\\s+${escapeRegExp(name)}\\b`).exec(source.text);
    if (found) return locate({ file: report.file, start: found.index, end: found.index + found[0].length }, lookup);
  }
  return fileOnly(report.file);
}

function locate(span: Span, lookup: SourceLookup): SarifLocation {
  const source = lookup(span.file);
  if (!source) return fileOnly(span.file);
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  const region = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  return { physicalLocation: { artifactLocation: { uri: toUri(span.file) }, region } };
}

function fileOnly(file: string): SarifLocation {
  return { physicalLocation: { artifactLocation: { uri: toUri(file) } } };
}

/** A relative path as a URI reference (`/` separators, percent-encoded); an absolute one as a file URL. */
export function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function ruleDescription(d: Diagnostic): string {
  return CODES[d.code]?.template ?? d.message;
}

function diagnosticText(d: Diagnostic): string {
  const notes = (d.notes ?? []).map((n) => ` Note: ${n.message}.`).join("");
  return `${d.message}${notes}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
