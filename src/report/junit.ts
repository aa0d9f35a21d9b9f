// JUnit XML reporter for CI: one <testsuite> per spec file, one <testcase> per property. A
// violated property is a <failure> carrying the trace as text; spec errors and searches that
// could not finish (limits, evaluation errors) are <error>s. Written once, in onFinish.

import { renderDiagnostics, type SourceLookup } from "../diagnostics/render.js";
import type { CheckResult } from "../explore/result.js";
import type { FileReport, PropertyEntry, Reporter } from "./reporter.js";
import { PLAIN_STYLE, renderResult } from "./text.js";
import { limitWords } from "./format.js";

/** One <testcase>: passed when it has neither failure, error nor skipped. */
export interface JunitCase {
  readonly name: string;
  readonly failure?: { readonly type: string; readonly message: string; readonly text: string };
  readonly error?: { readonly type: string; readonly message: string; readonly text: string };
  readonly skipped?: string;
}

/** One <testsuite>: a spec file. */
export interface JunitSuite {
  readonly name: string;
  readonly seconds: number;
  readonly cases: readonly JunitCase[];
  /** Rendered warnings, written to <system-err>. */
  readonly warnings: string;
}

/**
 * Writes one JUnit XML document through `out` once every file is done. Testcases come in the
 * order of `FileReport.properties` (declaration order); without it, only the properties the
 * result names are listed (plus "all properties" for a clean run).
 */
export function createJunitReporter(out: (text: string) => void): Reporter {
  const suites: JunitSuite[] = [];
  return {
    onStart() {},
    onProgress() {},
    onFile(report, lookup) {
      suites.push(toSuite(report, lookup));
    },
    onFinish() {
      out(renderJunit(suites));
    },
  };
}

/** Builds the suite of one file (rendering its diagnostics now, while `lookup` knows the file). */
export function toSuite(report: FileReport, lookup: SourceLookup): JunitSuite {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  const warnings = renderDiagnostics(report.diagnostics.filter((d) => d.severity === "warning"), lookup);
  const name = report.file === "" ? "faultline" : report.file;
  const r = report.result;
  if (!r) {
    const message = `${errors.length} error${errors.length === 1 ? "" : "s"} in the spec`;
    const text = renderDiagnostics(errors, lookup);
    return { name, seconds: 0, warnings, cases: [{ name: "spec", error: { type: "spec-error", message, text } }] };
  }
  return { name, seconds: r.stats.seconds, warnings, cases: propertyCases(report, r) };
}

function propertyCases(report: FileReport, r: CheckResult): JunitCase[] {
  const properties: PropertyEntry[] = [...(report.properties ?? fallbackProperties(r))];
  const v = r.violation;
  if (v && !properties.some((p) => p.name === v.property && p.kind === v.kind)) {
    properties.push({ name: v.property, kind: v.kind });
  }
  const story = (): string => renderResult(report, r, PLAIN_STYLE);
  const cases: JunitCase[] = properties.map((p) => {
    const name = caseName(p);
    if (v && p.name === v.property && p.kind === v.kind) {
      const steps = v.path.length - 1;
      const what = v.kind === "deadlock" ? "deadlock reached" : `${v.kind} ${v.property} violated`;
      return { name, failure: { type: v.kind, message: `${what} after ${steps} step${steps === 1 ? "" : "s"}`, text: story() } };
    }
    if (p.kind === "reachable" && r.outcome === "unreached" && r.unreached?.includes(p.name)) {
      return { name, failure: { type: "reachable", message: `reachable ${p.name} never reached (exhaustive search)`, text: story() } };
    }
    if (r.outcome === "ok" || r.outcome === "unreached") return { name };
    return { name, skipped: skipReason(r) };
  });
  if (r.outcome === "limit") {
    const message = `${limitWords(r.limit)}: no violation found so far, NOT exhaustive`;
    cases.push({ name: "exhaustive search", error: { type: r.limit === "interrupted" ? "interrupted" : "limit", message, text: story() } });
  }
  if (r.outcome === "error" && r.error) {
    cases.push({ name: "evaluation", error: { type: r.error.code, message: r.error.message, text: story() } });
  }
  return cases;
}

/** Without the model's list: the properties the result names, or one case for a clean run. */
function fallbackProperties(r: CheckResult): PropertyEntry[] {
  const named: PropertyEntry[] = (r.unreached ?? []).map((name) => ({ name, kind: "reachable" }));
  if (r.violation) named.push({ name: r.violation.property, kind: r.violation.kind });
  if (named.length === 0 && (r.outcome === "ok" || r.outcome === "unreached")) named.push({ name: "all properties", kind: "" });
  return named;
}

function caseName(p: PropertyEntry): string {
  return p.kind === "deadlock" || p.kind === "" ? p.name : `${p.kind} ${p.name}`;
}

function skipReason(r: CheckResult): string {
  switch (r.outcome) {
    case "violation":
    case "deadlock":
      return "not decided: the search stopped at the first violation";
    case "error":
      return "not decided: the search stopped at an evaluation error";
    default:
      return `not decided: ${limitWords(r.limit)} before the search was exhaustive`;
  }
}

/** The whole document: XML declaration, <testsuites> with totals, then each suite. */
export function renderJunit(suites: readonly JunitSuite[]): string {
  const total = counts(suites.flatMap((s) => s.cases));
  const seconds = suites.reduce((sum, s) => sum + s.seconds, 0);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="faultline" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${time(seconds)}">`,
  ];
  for (const suite of suites) lines.push(...renderSuite(suite));
  lines.push(`</testsuites>`);
  return lines.join("\n") + "\n";
}

function renderSuite(suite: JunitSuite): string[] {
  const c = counts(suite.cases);
  const name = escapeXmlAttribute(suite.name);
  const lines = [
    `  <testsuite name="${name}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${time(suite.seconds)}">`,
  ];
  for (const tc of suite.cases) {
    const open = `    <testcase name="${escapeXmlAttribute(tc.name)}" classname="${name}"`;
    const problem = tc.failure ? ["failure", tc.failure] as const : tc.error ? ["error", tc.error] as const : undefined;
    if (problem) {
      const [tag, p] = problem;
      lines.push(`${open}>`, `      <${tag} type="${escapeXmlAttribute(p.type)}" message="${escapeXmlAttribute(p.message)}">${escapeXmlText(p.text)}</${tag}>`, `    </testcase>`);
    } else if (tc.skipped !== undefined) {
      lines.push(`${open}>`, `      <skipped message="${escapeXmlAttribute(tc.skipped)}"/>`, `    </testcase>`);
    } else {
      lines.push(`${open}/>`);
    }
  }
  if (suite.warnings !== "") lines.push(`    <system-err>${escapeXmlText(suite.warnings)}</system-err>`);
  lines.push(`  </testsuite>`);
  return lines;
}

function counts(cases: readonly JunitCase[]): { tests: number; failures: number; errors: number; skipped: number } {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => !c.failure && !c.error && c.skipped !== undefined).length,
  };
}

function time(seconds: number): string {
  return seconds.toFixed(3);
}

/** Characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF) and ANSI escapes. */
const FORBIDDEN = /\u001b\[[0-9;]*[A-Za-z]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes character data (element text). */
export function escapeXmlText(s: string): string {
  return s.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value written between double quotes (newlines kept as character references). */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
