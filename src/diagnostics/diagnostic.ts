// Diagnostic, Span and Note: the one shape every phase uses to report a problem with user input.
// Spans are UTF-16 offsets with `end` exclusive; line and column are computed only when rendering.

import { CODES, type Code, type Severity } from "./codes.js";

/** A range of a source file: UTF-16 offsets, `start` inclusive, `end` exclusive. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A secondary message, optionally pointing at another span ("declared here", "did you mean"). */
export interface Note {
  readonly message: string;
  readonly span?: Span;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  /** Absent only for problems that belong to no file (a missing file, a bad flag). */
  readonly span?: Span;
  readonly notes?: readonly Note[];
}

/**
 * Builds a diagnostic from the catalog: `{name}` placeholders in the code's template are
 * replaced from `args`. Unknown placeholders are left as they are (a bug the golden tests catch).
 */
export function makeDiagnostic(
  code: Code,
  span: Span | undefined,
  args: Readonly<Record<string, string | number>> = {},
  notes: readonly Note[] = [],
): Diagnostic {
  const entry = CODES[code];
  const message = entry.template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in args ? String(args[key]) : whole,
  );
  const base = { code, severity: entry.severity, message };
  return {
    ...base,
    ...(span ? { span } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** True when any diagnostic is an error (warnings do not stop a phase). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** A span covering both arguments (they must be in the same file). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
