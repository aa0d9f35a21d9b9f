// Properties of the syntax phase: lex and parse never throw (random text, token soups, mutated
// specs); every diagnostic span lies inside the text; every AST node's span lies inside the file
// and nests in its parent's; print/parse round-trips the specs and random expressions.
// FC_SEED=<seed> replays a failure that fast-check reported.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOp, Expr, Ident, Spec } from "../../src/ast/nodes.js";
import { print } from "../../src/ast/print.js";
import { walk } from "../../src/ast/walk.js";
import { parse } from "../../src/syntax/index.js";
import { lex } from "../../src/syntax/lexer.js";
import { KEYWORDS, OPERATORS } from "../../src/syntax/tokens.js";
import { shapeOf } from "../helpers/ast-shape.js";

const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
const SPEC_DIR = join(import.meta.dirname, "..", "..", "specs");
const SPECS = readdirSync(SPEC_DIR)
  .filter((f) => f.endsWith(".fl"))
  .sort()
  .map((f) => readFileSync(join(SPEC_DIR, f), "utf8"));

/** Parses `text` and checks the invariants that hold for any input. */
function checkParse(text: string): Spec | undefined {
  const lexed = lex(text, "p.fl");
  for (const d of lexed.diagnostics) expect(d.span!.end).toBeLessThanOrEqual(text.length);
  const result = parse(text, "p.fl");
  for (const d of result.diagnostics) {
    expect(d.code).not.toBe("FL9001");
    expect(d.span).toBeDefined();
    expect(0 <= d.span!.start && d.span!.start <= d.span!.end && d.span!.end <= text.length).toBe(true);
  }
  if (result.ast) checkSpans(result.ast, text.length);
  return result.ast;
}

/** Every node's span lies in [0, length] and inside its parent's span; ids follow walk order. */
function checkSpans(spec: Spec, length: number): void {
  let next = 0;
  walk(spec, {
    enter(node, parent) {
      expect(node.id).toBe(next++);
      expect(0 <= node.span.start && node.span.start <= node.span.end && node.span.end <= length).toBe(true);
      if (parent) expect(parent.span.start <= node.span.start && node.span.end <= parent.span.end).toBe(true);
    },
  });
}

const vocabulary = [
  ...KEYWORDS,
  ...OPERATORS.map((t) => String(t.PATTERN)),
  "x", "y", "Server", "m", "0", "1", "42", "2147483648", "@", "/*", "*/", "//",
];
const separator = fc.constantFrom(" ", " ", "\n", "", "\t");
const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), separator), { maxLength: 80 })
  .map((parts) => parts.map(([t, s]) => t + s).join(""));

/** A spec with a slice deleted, inserted from elsewhere, or duplicated. */
const mutatedSpec = fc
  .record({
    spec: fc.constantFrom(...SPECS),
    op: fc.constantFrom("delete", "insert", "duplicate"),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.nat(),
  })
  .map(({ spec, op, a, b, c }) => {
    const i = a % (spec.length + 1);
    const j = Math.min(spec.length, i + (b % 40));
    const k = c % (spec.length + 1);
    if (op === "delete") return spec.slice(0, i) + spec.slice(j);
    if (op === "insert") return spec.slice(0, k) + spec.slice(i, j) + spec.slice(k);
    return spec.slice(0, j) + spec.slice(i, j) + spec.slice(j);
  });

// ---- random expressions (names avoid keywords; literal values are non-negative) ----
const span = { file: "gen.fl", start: 0, end: 0 };
const ident = (name: string): Ident => ({ kind: "Ident", id: 0, span, name });
const NAMES = ["a", "b", "c", "S", "N"];
const BINARY: BinaryOp[] = ["implies", "or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "notin", "+", "-", "*", "/", "%"];

const { expr } = fc.letrec<{ expr: Expr; leaf: Expr }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(...NAMES).map((name): Expr => ({ kind: "NameExpr", id: 0, span, name })),
    fc.nat(100).map((value): Expr => ({ kind: "IntLit", id: 0, span, value })),
    fc.boolean().map((value): Expr => ({ kind: "BoolLit", id: 0, span, value })),
    fc.constant<Expr>({ kind: "SelfExpr", id: 0, span }),
  ),
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.record({ op: fc.constantFrom(...BINARY), left: tie("expr"), right: tie("expr") }).map(
      ({ op, left, right }): Expr => ({ kind: "BinaryExpr", id: 0, span, op, left, right }),
    ),
    fc.record({ op: fc.constantFrom("not" as const, "-" as const), operand: tie("expr") }).map(
      ({ op, operand }): Expr => ({ kind: "UnaryExpr", id: 0, span, op, operand }),
    ),
    tie("expr").map((target): Expr => ({ kind: "FieldExpr", id: 0, span, target, field: ident("f") })),
    fc.tuple(tie("expr"), tie("expr")).map(([target, index]): Expr => ({ kind: "IndexExpr", id: 0, span, target, index })),
    tie("expr").map((operand): Expr => ({ kind: "PrimeExpr", id: 0, span, operand })),
    fc.array(tie("expr"), { maxLength: 3 }).map((args): Expr => ({ kind: "CallExpr", id: 0, span, callee: ident("size"), args })),
    fc.array(tie("expr"), { maxLength: 3 }).map((elements): Expr => ({ kind: "SetLit", id: 0, span, elements })),
    fc.array(tie("expr"), { maxLength: 3 }).map((elements): Expr => ({ kind: "SeqLit", id: 0, span, elements })),
    fc.record({ quantifier: fc.constantFrom("forall" as const, "exists" as const), low: tie("expr"), high: tie("expr"), body: tie("expr"), isRange: fc.boolean() }).map(
      ({ quantifier, low, high, body, isRange }): Expr => ({
        kind: "QuantExpr", id: 0, span, quantifier, names: [ident("q")], body,
        domain: isRange ? { kind: "RangeExpr", id: 0, span, low, high } : low,
      }),
    ),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([condition, then, otherwise]): Expr => ({
      kind: "CondExpr", id: 0, span, condition, then, otherwise,
    })),
  ),
}));

describe("parse: properties", () => {
  it("never throws on random text, and keeps spans inside it", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => void checkParse(text)), {
      ...seed,
      numRuns: 300,
    });
  });

  it("never throws on token soups of the language's vocabulary", () => {
    fc.assert(fc.property(tokenSoup, (text) => void checkParse(text)), { ...seed, numRuns: 400 });
  });

  it("never throws on mutated specs; what still parses nests its spans and round-trips", () => {
    fc.assert(
      fc.property(mutatedSpec, (text) => {
        const ast = checkParse(text);
        if (ast) expect(shapeOf(parse(print(ast), "p.fl").ast)).toEqual(shapeOf(ast));
      }),
      { ...seed, numRuns: 400 },
    );
  });

  it("round-trips every spec through print", () => {
    for (const text of SPECS) {
      const ast = checkParse(text);
      expect(ast).toBeDefined();
      const printed = print(ast!);
      const again = checkParse(printed);
      expect(shapeOf(again)).toEqual(shapeOf(ast));
      expect(print(again!)).toBe(printed);
    }
  });

  it("round-trips random expressions through print (parentheses by precedence)", () => {
    fc.assert(
      fc.property(expr, (value) => {
        const spec: Spec = {
          kind: "Spec", id: 0, span, name: undefined,
          decls: [{ kind: "ConstDecl", id: 0, span, name: ident("X"), value }],
        };
        const text = print(spec);
        const result = parse(text, "gen.fl");
        expect(result.diagnostics).toEqual([]);
        expect(shapeOf(result.ast)).toEqual(shapeOf(spec));
      }),
      { ...seed, numRuns: 300 },
    );
  });
});
