// Renders diagnostics as text: `error[FL2001]: message`, ` --> file:line:col`, the source line,
// a caret under the span, then notes. Pure text -> text; colour is applied by the caller.

import type { Diagnostic, Span } from "./diagnostic.js";
import type { SourceFile } from "./source-file.js";

/** Looks up a source file by name, for spans in diagnostics. */
export type SourceLookup = (fileName: string) => SourceFile | undefined;

/** Renders one diagnostic. Multi-line spans are underlined on their first line only. */
export function renderDiagnostic(diagnostic: Diagnostic, lookup: SourceLookup): string {
  const lines = [`${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.message}`];
  const span = diagnostic.span;
  const frame = span ? renderFrame(span, lookup) : undefined;
  if (frame) {
    lines.push(...frame.lines);
    for (const note of diagnostic.notes ?? []) lines.push(`${frame.pad} = note: ${renderNote(note, lookup)}`);
  } else {
    if (span) lines.push(`  --> ${span.file}`);
    for (const note of diagnostic.notes ?? []) lines.push(`  = note: ${renderNote(note, lookup)}`);
  }
  return lines.join("\n");
}

/**
 * ` --> file:line:col`, the source line and a caret under `span` (on its first line), and the
 * gutter's padding for notes; undefined when the file is unknown.
 */
export function renderFrame(span: Span, lookup: SourceLookup): { lines: string[]; pad: string } | undefined {
  const file = lookup(span.file);
  if (!file) return undefined;
  const { line, column } = file.position(span.start);
  const text = file.lineText(line).replace(/\t/g, " ");
  const pad = " ".repeat(String(line).length);
  const lineEnd = span.start - (column - 1) + text.length;
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start);
  return {
    pad,
    lines: [`${pad}--> ${span.file}:${line}:${column}`, `${pad} |`, `${line} | ${text}`, `${pad} | ${" ".repeat(column - 1)}${"^".repeat(width)}`],
  };
}

function renderNote(note: NonNullable<Diagnostic["notes"]>[number], lookup: SourceLookup): string {
  if (!note.span) return note.message;
  const file = lookup(note.span.file);
  if (!file) return note.message;
  const { line, column } = file.position(note.span.start);
  return `${note.message} (${note.span.file}:${line}:${column})`;
}

/** Renders diagnostics separated by blank lines, in the order given. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], lookup: SourceLookup): string {
  return diagnostics.map((d) => renderDiagnostic(d, lookup)).join("\n\n");
}
