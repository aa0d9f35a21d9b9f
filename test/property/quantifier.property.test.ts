// A quantifier over several names (`forall a, b in D: body`) tests the leading terms of its body
// in the outer loops (ops.ts, genQuant). On random bodies built from `and`, `or`, `implies` and
// `not` over atoms that read a, b, c, a global or none of them, some of which fail (division by
// zero), and random states and domains (an empty set among them), it must give the value or the
// evaluation error of the same quantifier written as nested one-name quantifiers, which is never
// split. FC_SEED=<seed> replays a failure.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluationError } from "../../src/compile/model.js";
import { compileSource } from "../helpers/compile-source.js";

const NAMES = ["a", "b", "c"] as const;

/** Atoms reading the names up to `names` (exclusive), the global g, or nothing. */
function atom(names: number): fc.Arbitrary<string> {
  const name = fc.constantFrom(...NAMES.slice(0, names));
  const k = fc.integer({ min: 0, max: 3 });
  return fc.oneof(
    fc.tuple(name, k).map(([n, v]) => `xs[${n}] == ${v}`),
    fc.tuple(name, k).map(([n, v]) => `xs[${n}] < ${v}`),
    fc.tuple(name, name).map(([m, n]) => `xs[${m}] == xs[${n}]`),
    fc.tuple(name, k).map(([n, v]) => `${v + 1} / xs[${n}] == 1`),
    k.map((v) => `g == ${v}`),
    fc.constantFrom("true", "false"),
  );
}

/** Bodies over `names` names, as source text. */
function body(names: number): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      atom(names),
      tie("tree").map((t) => `not (${t})`),
      fc.tuple(tie("tree"), fc.constantFrom("and", "or", "implies"), tie("tree")).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    ),
  }));
  return tree;
}

interface Case {
  readonly quantifier: "forall" | "exists";
  readonly names: number;
  readonly body: string;
  readonly xs: number[];
  readonly g: number;
  /** Undefined: the domain is the range 0..2; else the set `ds` with these members. */
  readonly set: number[] | undefined;
}

const cases: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 3 }).chain((names) =>
  fc.record({
    quantifier: fc.constantFrom("forall" as const, "exists" as const),
    names: fc.constant(names),
    body: body(names),
    xs: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    g: fc.integer({ min: 0, max: 3 }),
    set: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), { nil: undefined }),
  }),
);

/** The value `t` takes, or the code of the evaluation error, when `expr` is assigned to it. */
function evaluate(c: Case, expr: string): boolean | string {
  const domainDecl = c.set === undefined ? "" : `var ds: set<0..2> = {${c.set.join(", ")}}\n`;
  const source = `var xs: seq<0..3, 3> = [${c.xs.join(", ")}]\nvar g: 0..3 = ${c.g}\n${domainDecl}var t: bool = false\nvar done: bool = false\naction go when not done {\nt = ${expr}\ndone = true\n}\nend when true\n`;
  const model = compileSource(source);
  let next: Int32Array | undefined;
  try {
    model.successors(model.initialStates()[0]!, (_, n) => (next ??= n.slice()));
  } catch (error) {
    if (error instanceof EvaluationError) return error.code;
    throw error;
  }
  return model.decode(next!).t as boolean;
}

function texts(c: Case): { split: string; nested: string } {
  const domain = c.set === undefined ? "0..2" : "ds";
  const names = NAMES.slice(0, c.names);
  const split = `(${c.quantifier} ${names.join(", ")} in ${domain}: ${c.body})`;
  const nested = names.reduceRight((inner, n) => `(${c.quantifier} ${n} in ${domain}: ${inner})`, c.body);
  return { split, nested };
}

describe("quantifiers over several names", () => {
  it("give the value or error of nested one-name quantifiers", () => {
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    fc.assert(
      fc.property(cases, (c) => {
        const { split, nested } = texts(c);
        expect(evaluate(c, split)).toEqual(evaluate(c, nested));
      }),
      { numRuns: 300, seed },
    );
  });

  it("test a leading term that reads only the outer name in the outer loop", () => {
    const model = compileSource(
      "enum St { Working, Aborted, Committed }\nnode RM[3] { var state: St = Working }\ninvariant Consistent = forall a, b in RM: not (a.state == Aborted and b.state == Committed)\nend when true\n",
    );
    const quant = /function Q\d+\(s\) \{\n(.*?)\nreturn true;\n\}/s.exec(model.generatedSource)?.[1] ?? "";
    const [outer, inner] = quant.split(/\nfor \(/);
    expect(outer).toMatch(/^for \(let B\d+ = 0;.*\n.*continue;$/);
    expect(inner).not.toContain("continue");
  });
});
