// Test helpers for ASTs: compare trees without ids and spans, and parse small snippets.

import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Expr, Spec } from "../../src/ast/nodes.js";
import { parse } from "../../src/syntax/index.js";

/** A deep copy of an AST (or any value) without `id` and `span` keys, for structural comparison. */
export function shapeOf(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "id" || key === "span" ? undefined : v)));
}

/** Parses `text` and fails the test when there is any diagnostic. */
export function parseOk(text: string, fileName = "test.fl"): Spec {
  const result = parse(text, fileName);
  expect(result.diagnostics).toEqual([]);
  expect(result.ast).toBeDefined();
  return result.ast!;
}

/** Parses `const X = <source>` and returns the expression. */
export function parseExpr(source: string): Expr {
  const spec = parseOk(`const X = ${source}`);
  const decl = spec.decls[0];
  if (decl?.kind !== "ConstDecl") throw new Error("expected a const declaration");
  return decl.value;
}

/** Code, start and end of each diagnostic: the structure tests assert on. */
export function codesAndSpans(diagnostics: readonly Diagnostic[]): [string, number, number][] {
  return diagnostics.map((d) => [d.code, d.span?.start ?? -1, d.span?.end ?? -1]);
}
