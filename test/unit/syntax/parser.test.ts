import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AstNode, Decl, Expr, NodeDecl, Stmt } from "../../../src/ast/nodes.js";
import { walk } from "../../../src/ast/walk.js";
import { parse } from "../../../src/syntax/index.js";
import { codesAndSpans, parseExpr, parseOk, shapeOf } from "../../helpers/ast-shape.js";

const SPECS = join(import.meta.dirname, "..", "..", "..", "specs");

/** A compact Lisp-like rendering of an expression, to assert on grouping. */
function sexpr(e: Expr): string {
  switch (e.kind) {
    case "IntLit":
      return String(e.value);
    case "BoolLit":
      return String(e.value);
    case "NameExpr":
      return e.name;
    case "SelfExpr":
      return "self";
    case "NowExpr":
      return "now";
    case "UnaryExpr":
      return `(${e.op} ${sexpr(e.operand)})`;
    case "BinaryExpr":
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case "RangeExpr":
      return `(.. ${sexpr(e.low)} ${sexpr(e.high)})`;
    case "FieldExpr":
      return `(. ${sexpr(e.target)} ${e.field.name})`;
    case "IndexExpr":
      return `([] ${sexpr(e.target)} ${sexpr(e.index)})`;
    case "PrimeExpr":
      return `(' ${sexpr(e.operand)})`;
    case "CallExpr":
      return `(${e.callee.name}${e.args.map((a) => ` ${sexpr(a)}`).join("")})`;
    case "SetLit":
      return `{${e.elements.map(sexpr).join(" ")}}`;
    case "SeqLit":
      return `[${e.elements.map(sexpr).join(" ")}]`;
    case "RecordLit":
      return `{${e.fields.map((f) => `${f.name.name}: ${sexpr(f.value)}`).join(", ")}}`;
    case "QuantExpr":
      return `(${e.quantifier} ${e.names.map((n) => n.name).join(" ")} ${sexpr(e.domain)} ${sexpr(e.body)})`;
    case "CondExpr":
      return `(if ${sexpr(e.condition)} ${sexpr(e.then)} ${sexpr(e.otherwise)})`;
  }
}

const grouping = (source: string): string => sexpr(parseExpr(source));

function firstNode(text: string): NodeDecl {
  const decl = parseOk(text).decls.find((d): d is NodeDecl => d.kind === "NodeDecl");
  if (!decl) throw new Error("no node");
  return decl;
}

/** The statements of the first handler of `node A { on timeout { <body> } }`. */
function statements(body: string): readonly Stmt[] {
  const member = firstNode(`node A { on timeout { ${body} } }`).members[0];
  if (member?.kind !== "HandlerDecl") throw new Error("no handler");
  return member.body.statements;
}

function diagnosticsOf(text: string) {
  const result = parse(text, "t.fl");
  expect(result.ast).toBeUndefined();
  return result.diagnostics;
}

describe("parse: the example specs", () => {
  for (const file of readdirSync(SPECS).filter((f) => f.endsWith(".fl"))) {
    it(`${file} parses with no diagnostics`, () => {
      const spec = parseOk(readFileSync(join(SPECS, file), "utf8"), file);
      expect(spec.decls.length).toBeGreaterThan(0);
    });
  }

  it("numbers ids 0, 1, 2, ... in walk order, with spans inside the file", () => {
    const text = readFileSync(join(SPECS, "two-phase.fl"), "utf8");
    const spec = parseOk(text);
    const ids: number[] = [];
    walk(spec, {
      enter(node, parent) {
        ids.push(node.id);
        expect(node.span.start).toBeGreaterThanOrEqual(parent?.span.start ?? 0);
        expect(node.span.end).toBeLessThanOrEqual(parent?.span.end ?? text.length);
      },
    });
    expect(ids).toEqual(ids.map((_, i) => i));
  });
});

describe("parse: declarations", () => {
  it("reads the header and constant, enum, type and message declarations", () => {
    const spec = parseOk(`spec S
      const N = 3; const B = true
      enum Role { A, B, C, }
      enum Empty {}
      type Term = 0..N
      message Vote { term: Term, ok: bool, }
      message Commit`);
    expect(spec.name?.name).toBe("S");
    expect(shapeOf(spec.decls.map((d) => d.kind))).toEqual([
      "ConstDecl", "ConstDecl", "EnumDecl", "EnumDecl", "TypeDecl", "MessageDecl", "MessageDecl",
    ]);
    const [, , role, empty, term, vote, commit] = spec.decls as Decl[];
    expect(role?.kind === "EnumDecl" && role.members.map((m) => m.name)).toEqual(["A", "B", "C"]);
    expect(empty?.kind === "EnumDecl" && empty.members).toEqual([]);
    expect(term?.kind === "TypeDecl" && term.type.kind).toBe("RangeType");
    expect(vote?.kind === "MessageDecl" && vote.fields.map((f) => [f.name.name, f.type.kind])).toEqual([
      ["term", "NamedType"],
      ["ok", "NamedType"],
    ]);
    expect(commit?.kind === "MessageDecl" && commit.fields).toEqual([]);
  });

  it("reads node families, singletons, members and handlers", () => {
    const node = firstNode(`node Server[N + 1] symmetric {
      var role: Role = Follower
      durable var term: 0..3
      action step(i: 0..2, j: bool) when i > 0 { x = i }
      action tick { }
      on timeout when now > 2 { }
      on Vote(m) from v: Server when m.ok { }
      on Ping from p { }
      on Commit { }
    }`);
    expect(node.name.name).toBe("Server");
    expect(node.symmetric).toBe(true);
    expect(node.count && sexpr(node.count)).toBe("(+ N 1)");
    const [role, term, step, tick, timeout, vote, ping, commit] = node.members;
    expect(role?.kind === "VarDecl" && [role.durable, role.init?.kind]).toEqual([false, "NameExpr"]);
    expect(term?.kind === "VarDecl" && [term.durable, term.init]).toEqual([true, undefined]);
    expect(step?.kind === "ActionDecl" && step.params.map((p) => p.name.name)).toEqual(["i", "j"]);
    expect(step?.kind === "ActionDecl" && step.guard?.kind).toBe("BinaryExpr");
    expect(tick?.kind === "ActionDecl" && [tick.params, tick.guard, tick.body.statements]).toEqual([[], undefined, []]);
    expect(timeout?.kind === "HandlerDecl" && [timeout.message, timeout.guard?.kind]).toEqual([undefined, "BinaryExpr"]);
    expect(
      vote?.kind === "HandlerDecl" && [vote.message?.name, vote.binder?.name, vote.from?.name, vote.fromType?.name],
    ).toEqual(["Vote", "m", "v", "Server"]);
    expect(ping?.kind === "HandlerDecl" && [ping.binder, ping.from?.name, ping.fromType]).toEqual([undefined, "p", undefined]);
    expect(commit?.kind === "HandlerDecl" && [commit.message?.name, commit.from, commit.guard]).toEqual([
      "Commit",
      undefined,
      undefined,
    ]);
    const singleton = firstNode("node TM { }");
    expect([singleton.count, singleton.symmetric, singleton.members]).toEqual([undefined, false, []]);
  });

  it("reads spec-level vars and actions, network, faults, clock, effects and histories", () => {
    const spec = parseOk(`var inbox: seq<0..3, 4> = []
      action client(k: 0..1) { ack kv(k, 1) }
      network unordered duplicating capacity 4
      faults { drop <= 2  duplicate <= 1, partition <= 1; cut <= 1 crash <= 1 skew <= 2 }
      clock ticks <= 5
      effect charge(order: 0..2)
      effect ping
      history kv(key: 0..1, version: 0..3)`);
    const [inbox, client, network, faults, clock, charge, ping, kv] = spec.decls;
    expect(inbox?.kind === "VarDecl" && inbox.type.kind).toBe("SeqType");
    expect(client?.kind === "ActionDecl" && client.params.length).toBe(1);
    expect(network?.kind === "NetworkDecl" && [network.network, network.capacity?.kind]).toEqual(["duplicating", "IntLit"]);
    expect(faults?.kind === "FaultsDecl" && faults.budgets.map((b) => b.fault)).toEqual([
      "drop", "duplicate", "partition", "cut", "crash", "skew",
    ]);
    expect(clock?.kind === "ClockDecl" && clock.ticks.kind).toBe("IntLit");
    expect(charge?.kind === "EffectDecl" && charge.params.map((p) => p.name.name)).toEqual(["order"]);
    expect(ping?.kind === "EffectDecl" && ping.params).toEqual([]);
    expect(kv?.kind === "HistoryDecl" && kv.params.map((p) => p.name.name)).toEqual(["key", "version"]);
    const ordered = parseOk("network ordered").decls[0];
    expect(ordered?.kind === "NetworkDecl" && [ordered.network, ordered.capacity]).toEqual(["ordered", undefined]);
    const unordered = parseOk("network unordered").decls[0];
    expect(unordered?.kind === "NetworkDecl" && unordered.network).toBe("unordered");
  });

  it("reads properties and end states", () => {
    const spec = parseOk(`invariant Safe = x >= 0
      reachable Done = x == 3
      transition Grows = s.term' >= s.term
      atmostonce charge
      nolostwrites kv
      end when x == 3`);
    expect(spec.decls.map((d) => (d.kind === "PropertyDecl" ? [d.property, d.name.name, d.expr?.kind] : d.kind))).toEqual([
      ["invariant", "Safe", "BinaryExpr"],
      ["reachable", "Done", "BinaryExpr"],
      ["transition", "Grows", "BinaryExpr"],
      ["atmostonce", "charge", undefined],
      ["nolostwrites", "kv", undefined],
      "EndDecl",
    ]);
    const grows = spec.decls[2];
    expect(grows?.kind === "PropertyDecl" && grows.expr && sexpr(grows.expr)).toBe("(>= (' (. s term)) (. s term))");
  });

  it("reads every type form", () => {
    const spec = parseOk(`type A = bool
      type B = Role
      type C = -1..N * 2
      type D = set<set<Server>>
      type E = map<0..1, { key: 0..1, ver: seq<bool, N> }>
      type F = {}`);
    const types = spec.decls.map((d) => (d.kind === "TypeDecl" ? shapeOf(d.type) : undefined));
    expect(types[0]).toEqual({ kind: "NamedType", name: { kind: "Ident", name: "bool" } });
    expect(types[1]).toEqual({ kind: "NamedType", name: { kind: "Ident", name: "Role" } });
    const c = spec.decls[2];
    expect(c?.kind === "TypeDecl" && c.type.kind === "RangeType" && [sexpr(c.type.low), sexpr(c.type.high)]).toEqual([
      "(- 1)",
      "(* N 2)",
    ]);
    expect(types[3]).toMatchObject({ kind: "SetType", element: { kind: "SetType", element: { kind: "NamedType" } } });
    expect(types[4]).toMatchObject({
      kind: "MapType",
      key: { kind: "RangeType" },
      value: { kind: "RecordType", fields: [{ name: { name: "key" } }, { type: { kind: "SeqType" } }] },
    });
    expect(types[5]).toEqual({ kind: "RecordType", fields: [] });
  });
});

describe("parse: statements", () => {
  it("reads assignments to names, fields, indexes and chains", () => {
    const [a, b, c] = statements("x = 1 r.f = 2; m[k].g[0] = 3");
    expect(a?.kind === "AssignStmt" && sexpr(a.target)).toBe("x");
    expect(b?.kind === "AssignStmt" && sexpr(b.target)).toBe("(. r f)");
    expect(c?.kind === "AssignStmt" && sexpr(c.target)).toBe("([] (. ([] m k) g) 0)");
  });

  it("reads let, if / else if / else, and for", () => {
    const [letStmt, ifStmt, forStmt] = statements(`
      let y = x + 1
      if a { x = 1 } else if b { x = 2 } else { x = 3 }
      for i in 0..N { x = i }`);
    expect(letStmt?.kind === "LetStmt" && letStmt.name.name).toBe("y");
    expect(ifStmt?.kind === "IfStmt" && ifStmt.elseBranch?.kind).toBe("IfStmt");
    const inner = ifStmt?.kind === "IfStmt" && ifStmt.elseBranch?.kind === "IfStmt" ? ifStmt.elseBranch : undefined;
    expect(inner?.elseBranch?.kind).toBe("Block");
    expect(forStmt?.kind === "ForStmt" && sexpr(forStmt.domain)).toBe("(.. 0 N)");
  });

  it("reads send, broadcast, reply, effect, ack and observe", () => {
    const stmts = statements(`
      send Vote { term: t, ok: true } to c
      send Commit to TM
      broadcast RequestVote { term: t }
      broadcast Abort to RM
      reply Ack {}
      effect charge(order)
      ack kv(k, v)
      observe kv(k, 2)`);
    expect(stmts.map((s) => s.kind)).toEqual([
      "SendStmt", "SendStmt", "BroadcastStmt", "BroadcastStmt", "ReplyStmt", "EffectStmt", "AckStmt", "ObserveStmt",
    ]);
    const [send, sendBare, bcast, bcastTo, reply, effect] = stmts;
    expect(send?.kind === "SendStmt" && send.message.fields.map((f) => f.name.name)).toEqual(["term", "ok"]);
    expect(sendBare?.kind === "SendStmt" && [sendBare.message.fields, sexpr(sendBare.to)]).toEqual([[], "TM"]);
    expect(bcast?.kind === "BroadcastStmt" && bcast.to).toBeUndefined();
    expect(bcastTo?.kind === "BroadcastStmt" && bcastTo.to?.name).toBe("RM");
    expect(reply?.kind === "ReplyStmt" && reply.message.name.name).toBe("Ack");
    expect(effect?.kind === "EffectStmt" && effect.args.map(sexpr)).toEqual(["order"]);
  });
});

describe("parse: expressions", () => {
  it("reads literals, names and built-in calls", () => {
    expect(grouping("42")).toBe("42");
    expect(grouping("true")).toBe("true");
    expect(grouping("false")).toBe("false");
    expect(grouping("self")).toBe("self");
    expect(grouping("now")).toBe("now");
    expect(grouping("size(votes)")).toBe("(size votes)");
    expect(grouping("append(s, 1)")).toBe("(append s 1)");
    expect(grouping("{}")).toBe("{}");
    expect(grouping("{a, b,}")).toBe("{a b}");
    expect(grouping("[]")).toBe("[]");
    expect(grouping("[1, 2]")).toBe("[1 2]");
    expect(grouping("{ key: 1, ver: 2 }")).toBe("{key: 1, ver: 2}");
    expect(grouping("Server[1].role")).toBe("(. ([] Server 1) role)");
  });

  it("follows the precedence table, loosest first", () => {
    expect(grouping("a implies b implies c")).toBe("(implies a (implies b c))");
    expect(grouping("a or b and c")).toBe("(or a (and b c))");
    expect(grouping("a and b or c")).toBe("(or (and a b) c)");
    expect(grouping("not a == b")).toBe("(not (== a b))");
    expect(grouping("not a and b")).toBe("(and (not a) b)");
    expect(grouping("a and not b")).toBe("(and a (not b))");
    expect(grouping("a == b + c * d")).toBe("(== a (+ b (* c d)))");
    expect(grouping("a - b - c")).toBe("(- (- a b) c)");
    expect(grouping("a / b % c")).toBe("(% (/ a b) c)");
    expect(grouping("-a * b")).toBe("(* (- a) b)");
    expect(grouping("- -a")).toBe("(- (- a))");
    expect(grouping("x not in S")).toBe("(notin x S)");
    expect(grouping("x in S and y")).toBe("(and (in x S) y)");
    expect(grouping("(a or b) and c")).toBe("(and (or a b) c)");
    expect(grouping("a.b[c]'")).toBe("(' ([] (. a b) c))");
  });

  it("lets forall, exists and if-then-else extend as far right as possible", () => {
    expect(grouping("forall a, b in S: a == b or c")).toBe("(forall a b S (or (== a b) c))");
    expect(grouping("exists i in 0..N - 1: f(i)")).toBe("(exists i (.. 0 (- N 1)) (f i))");
    expect(grouping("x and forall a in S: p")).toBe("(and x (forall a S p))");
    expect(grouping("(forall a in S: p) and q")).toBe("(and (forall a S p) q)");
    expect(grouping("if c then 1 else 2 + 3")).toBe("(if c 1 (+ 2 3))");
    expect(grouping("1 + if c then 1 else 2")).toBe("(+ 1 (if c 1 2))");
  });

  it("ends an expression at `{`, so that guards need no parentheses", () => {
    const node = firstNode("node A { on timeout when x == y { x = {1} } }");
    const handler = node.members[0];
    expect(handler?.kind === "HandlerDecl" && handler.guard && sexpr(handler.guard)).toBe("(== x y)");
  });

  it("gives operator nodes spans that include parenthesized operands", () => {
    const text = "const X = (a + b) * c";
    const value = parseOk(text).decls[0];
    const expr = value?.kind === "ConstDecl" ? value.value : undefined;
    expect(expr && text.slice(expr.span.start, expr.span.end)).toBe("(a + b) * c");
    const left = expr?.kind === "BinaryExpr" ? expr.left : undefined;
    expect(left && text.slice(left.span.start, left.span.end)).toBe("a + b");
  });
});

describe("parse: errors", () => {
  it("reports every syntax error in a file, with codes and spans", () => {
    const text = [
      "const = 3", // 0: a name is missing
      "const Y 4", // 10: `=` is missing
      "node S { var x: bool when }", // 20: `when` (at 41) is not a member
      "invariant I = a +", // 48: the expression is cut short by the next line
      "enum E { A B }", // 66
    ].join("\n");
    const diagnostics = diagnosticsOf(text);
    expect(codesAndSpans(diagnostics)).toEqual([
      ["FL1002", 6, 7],
      ["FL1002", 18, 19],
      ["FL1002", 41, 45],
      ["FL1002", 66, 70],
      ["FL1002", 77, 78],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "expected a name but found `=`",
      "expected `=` but found `4`",
      "expected `}` or a member (`var`, `durable var`, `action`, `on`) but found `when`",
      "expected an expression but found `enum`",
      "expected `}` but found `B`",
    ]);
  });

  it("reports a reserved word used as a name, with a note", () => {
    const [diagnostic] = diagnosticsOf("var in: bool");
    expect(diagnostic?.code).toBe("FL1002");
    expect(diagnostic?.message).toBe("expected a name but found `in`");
    expect(diagnostic?.notes?.[0]?.message).toMatch(/reserved word/);
  });

  it("reports the end of the file (FL1003) with an empty span just after the last token", () => {
    const text = "node A { on timeout { x = 1 // the end\n";
    const diagnostics = diagnosticsOf(text);
    expect(codesAndSpans(diagnostics)).toEqual([["FL1003", 27, 27]]);
    expect(diagnostics[0]!.message).toBe("unexpected end of file: expected `}` or a statement");
  });

  it("reports leftover input at the top level once per run (FL1006) and goes on", () => {
    const diagnostics = diagnosticsOf("x = 1 y = 2\nconst A = 1\n} }\nconst B = ");
    expect(codesAndSpans(diagnostics).map(([code, start]) => [code, start])).toEqual([
      ["FL1006", 0],
      ["FL1006", 24],
      ["FL1003", 37],
    ]);
    expect(diagnostics[0]!.message).toBe("expected a declaration but found `x`");
  });

  it("reports a file without declarations (FL1007)", () => {
    for (const text of ["", "   \n", "// only a comment\n/* and a block */", "spec Empty", ";;"]) {
      expect(codesAndSpans(diagnosticsOf(text))).toEqual([["FL1007", 0, 0]]);
    }
  });

  it("reports constructs in the wrong place (FL1008)", () => {
    const cases: [string, string][] = [
      ["node A { const N = 1 }", "a `const` declaration is not allowed here"],
      ["node A { node B { } }", "a `node` declaration is not allowed here"],
      ["on timeout { }", "an `on` handler is not allowed here"],
      ["const A = 1 spec S", "a `spec` header is not allowed here"],
      ["invariant I = a < b < c", "a chained comparison is not allowed here"],
      ["invariant I = a == b != c", "a chained comparison is not allowed here"],
      ["const R = 0..3", "a range `lo..hi` is not allowed here"],
      ["invariant I = forall x in (0..3): x > 0", "a range `lo..hi` is not allowed here"],
      ["node A { on timeout { x' = 1 } }", "a prime (`'`) in an assignment target is not allowed here"],
    ];
    for (const [text, message] of cases) {
      const diagnostics = diagnosticsOf(text);
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["FL1008", message]]);
      expect(diagnostics[0]!.notes?.length).toBe(1);
    }
  });

  it("points FL1008 at the offending part", () => {
    const text = "invariant I = a < b < c";
    expect(codesAndSpans(diagnosticsOf(text))).toEqual([["FL1008", 20, 21]]);
    expect(codesAndSpans(diagnosticsOf("node A { const N = 1 }"))).toEqual([["FL1008", 9, 14]]);
  });

  it("reports an expression where a type belongs (FL1002)", () => {
    const diagnostics = diagnosticsOf("var x: 3 + 1 = 2");
    expect(codesAndSpans(diagnostics)).toEqual([["FL1002", 7, 12]]);
    expect(diagnostics[0]!.message).toBe("expected a type but found `3 + 1`");
  });

  it("stops at nesting too deep for the parser (FL1009) without throwing", () => {
    const deep = `const X = ${"(".repeat(5000)}1${")".repeat(5000)}`;
    const diagnostics = diagnosticsOf(deep);
    expect(diagnostics.map((d) => d.code)).toEqual(["FL1009"]);
    const chain = `const X = 1${" + 1".repeat(1000)}`;
    expect(diagnosticsOf(chain).map((d) => d.code)).toEqual(["FL1009"]);
    expect(parseOk(`const X = ${"(".repeat(100)}1${")".repeat(100)}`).decls).toHaveLength(1);
  });

  it("stops after too many errors (FL1010) and stays usable", () => {
    const diagnostics = diagnosticsOf("const = = = ; ".repeat(500));
    expect(diagnostics.length).toBeLessThanOrEqual(102);
    expect(diagnostics.at(-1)!.code).toBe("FL1010");
    expect(parseOk("const A = 1").decls).toHaveLength(1);
  });

  it("refuses a single huge declaration (FL1011) but parses the rest", () => {
    const text = `const A = 1\nconst X = ${"[".repeat(120_000)}${"]".repeat(120_000)}\nconst B = `;
    const diagnostics = diagnosticsOf(text);
    expect(diagnostics.map((d) => d.code)).toEqual(["FL1011", "FL1003"]);
  });

  it("reports lexical and syntax errors together, in order", () => {
    const diagnostics = diagnosticsOf("const A = 1 @\nconst B = 99999999999\nconst C");
    expect(diagnostics.map((d) => d.code)).toEqual(["FL1001", "FL1005", "FL1003"]);
  });

  it("never throws, and keeps every span inside the text", () => {
    const inputs = ["{", "}", "(((", "node", "on", "if", "a..", "'", "\u0000", "node A { on X(", "spec spec spec"];
    for (const text of inputs) {
      const result = parse(text, "t.fl");
      expect(result.ast).toBeUndefined();
      for (const d of result.diagnostics) {
        expect(d.span!.start).toBeGreaterThanOrEqual(0);
        expect(d.span!.end).toBeLessThanOrEqual(text.length);
        expect(d.span!.start).toBeLessThanOrEqual(d.span!.end);
      }
    }
  });

  it("returns no AST when there are errors, and a complete one otherwise", () => {
    expect(parse("const A = ", "t.fl").ast).toBeUndefined();
    const ast = parse("const A = 1", "t.fl").ast;
    const kinds: AstNode["kind"][] = [];
    walk(ast!, { enter: (n) => void kinds.push(n.kind) });
    expect(kinds).toEqual(["Spec", "ConstDecl", "Ident", "IntLit"]);
  });
});
