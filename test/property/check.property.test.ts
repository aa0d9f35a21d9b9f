// check() never throws and keeps every span inside the file, on mutants of real specs: a token
// deleted, two names swapped, a name replaced, a number changed. Mutants that do not parse are
// skipped (the parser's own property covers them). FC_SEED=<seed> replays a failure.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as ast from "../../src/ast/nodes.js";
import { walk } from "../../src/ast/walk.js";
import type { CheckedSpec } from "../../src/check/checked.js";
import { check } from "../../src/check/index.js";
import type { Diagnostic, Span } from "../../src/diagnostics/diagnostic.js";
import { parse } from "../../src/syntax/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Uses most of the language, so that mutants reach most of the checker. */
const KITCHEN_SINK = `spec Sink
const N = 2
const MAX = N + 1
enum Mode { Idle, Busy }
type Slot = 0..MAX
type Entry = { key: 0..1, ver: Slot }
message Put { entry: Entry }
message Ack { ver: Slot }
effect charge(order: 0..1)
history kv(key: 0..1, version: Slot)
var requests: 0..3 = 0
var log: seq<Entry, 2> = []
node Store[N] symmetric {
  var mode: Mode = Idle
  durable var data: map<0..1, Slot>
  var seen: set<Store> = {self}
  on Put(m) from c: Store when m.entry.ver > data[m.entry.key] {
    data[m.entry.key] = m.entry.ver
    seen = seen + {c}
    reply Ack { ver: m.entry.ver }
    ack kv(m.entry.key, m.entry.ver)
  }
  on Ack(a) from s when mode == Busy { mode = Idle
    observe kv(0, a.ver) }
  on timeout when mode == Idle and now < 2 {
    mode = Busy
    let e = { key: 0, ver: min(MAX, data[0] + 1) }
    for t in Store { if t != self { send Put { entry: e } to t } else { effect charge(0) } }
  }
  action bump(k: 0..1) when data[k] < MAX { data[k] = data[k] + 1 }
}
action client when requests < 3 and len(log) < 2 {
  requests = requests + 1
  log = append(log, { key: 1, ver: 0 })
  Store[0].mode = Busy
}
network ordered capacity 4
faults { drop <= 1 duplicate <= 1 partition <= 1 cut <= 1 crash <= 1 skew <= 1 }
clock ticks <= 2
invariant Bounded = forall s in Store: forall k in 0..1: s.data[k] <= MAX
reachable Busy = exists s in Store: s.mode == Busy and size(s.seen) > 1
transition Grows = forall s in Store: s.data[0]' >= s.data[0] or s.data[0]' == 0
atmostonce charge
nolostwrites kv
end when if requests == 3 then true else head(log).ver >= 0
`;

const SOURCES: readonly string[] = [
  KITCHEN_SINK,
  ...readdirSync(join(ROOT, "specs"))
    .filter((f) => f.endsWith(".fl"))
    .map((f) => readFileSync(join(ROOT, "specs", f), "utf8")),
];

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\/\/[^\n]*|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\.\.|==|!=|<=|>=|\S/g)) {
    if (!m[0].startsWith("//")) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const isName = (t: Token): boolean => /^[A-Za-z_]/.test(t.text);
const isNumber = (t: Token): boolean => /^[0-9]/.test(t.text);

type Mutation =
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "swap"; readonly a: number; readonly b: number }
  | { readonly kind: "rename"; readonly at: number; readonly name: string }
  | { readonly kind: "number"; readonly at: number; readonly value: number }
  | { readonly kind: "copy"; readonly from: number; readonly to: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant("rename" as const),
    at: fc.nat(),
    name: fc.oneof(fc.constantFrom("x", "self", "now", "N", "Server", "Leader", "term", "bool", "size"), fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/)),
  }),
  fc.record({ kind: fc.constant("number" as const), at: fc.nat(), value: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(2147483647)) }),
  fc.record({ kind: fc.constant("copy" as const), from: fc.nat(), to: fc.nat() }),
);

/** Applies one mutation to `text`; indexes wrap around the tokens that the mutation applies to. */
function mutate(text: string, m: Mutation): string {
  const all = tokens(text);
  const pick = (list: Token[], i: number): Token | undefined => list[i % Math.max(1, list.length)];
  const splice = (t: Token, replacement: string): string => text.slice(0, t.start) + replacement + text.slice(t.end);
  switch (m.kind) {
    case "delete": {
      const t = pick(all, m.at);
      return t ? splice(t, "") : text;
    }
    case "rename": {
      const t = pick(all.filter(isName), m.at);
      return t ? splice(t, m.name) : text;
    }
    case "number": {
      const t = pick(all.filter(isNumber), m.at);
      return t ? splice(t, String(m.value)) : text;
    }
    case "swap": {
      const names = all.filter(isName);
      const a = pick(names, m.a);
      const b = pick(names, m.b);
      if (!a || !b || a.start === b.start) return text;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      return text.slice(0, first.start) + second.text + text.slice(first.end, second.start) + first.text + text.slice(second.end);
    }
    case "copy": {
      const from = pick(all, m.from);
      const to = pick(all, m.to);
      return from && to ? text.slice(0, to.start) + `${from.text} ` + text.slice(to.start) : text;
    }
  }
}

function inside(span: Span | undefined, length: number): boolean {
  return span === undefined || (span.start >= 0 && span.start <= span.end && span.end <= length);
}

function assertWellFormed(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    expect(d.code, d.message).not.toBe("FL9001");
    expect(inside(d.span, text.length), `${d.code} span`).toBe(true);
    for (const note of d.notes ?? []) expect(inside(note.span, text.length), `${d.code} note span`).toBe(true);
  }
}

const EXPR_KINDS: ReadonlySet<string> = new Set<ast.Expr["kind"]>([
  "IntLit", "BoolLit", "NameExpr", "SelfExpr", "NowExpr", "UnaryExpr", "BinaryExpr", "FieldExpr", "IndexExpr",
  "CallExpr", "SetLit", "SeqLit", "RecordLit", "RangeExpr", "QuantExpr", "CondExpr", "PrimeExpr",
]);

/** The CheckedSpec contract: every expression has a type, every name a symbol. */
function assertComplete(checked: CheckedSpec): void {
  walk(checked.ast, {
    enter(node) {
      if (!EXPR_KINDS.has(node.kind)) return;
      expect(checked.types.has(node.id), `type of ${node.kind} at ${node.span.start}`).toBe(true);
      if (node.kind === "NameExpr") expect(checked.symbols.has(node.id), `symbol of ${node.name}`).toBe(true);
    },
  });
}

/** FC_SEED=<seed> replays a failure that fast-check reported. */
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
const numRuns = Number(process.env.FC_RUNS ?? 1000);

describe("check on mutated specs", () => {
  it("the unmutated sources check clean", () => {
    for (const source of SOURCES) {
      const parsed = parse(source, "sink.fl");
      expect(parsed.diagnostics).toEqual([]);
      const result = check(parsed.ast!);
      expect(result.diagnostics.map((d) => d.message)).toEqual([]);
      assertComplete(result.checked!);
    }
  });

  it("never throws and keeps spans inside the file", () => {
    let checkedMutants = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.option(fc.record({ N: fc.constantFrom("0", "1", "5", "-1", "true", "x") }), { nil: undefined }),
        (source, mutations, constants) => {
          const text = mutations.reduce(mutate, source);
          const parsed = parse(text, "mutant.fl");
          if (!parsed.ast) return;
          checkedMutants++;
          const result = check(parsed.ast, constants ? { constants } : {});
          assertWellFormed(result.diagnostics, text);
          const errors = result.diagnostics.some((d) => d.severity === "error");
          expect(result.checked === undefined).toBe(errors);
          if (result.checked) assertComplete(result.checked);
        },
      ),
      { numRuns, ...seed },
    );
    expect(checkedMutants).toBeGreaterThan(numRuns / 8);
  });
});
