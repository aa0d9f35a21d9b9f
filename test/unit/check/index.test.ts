// check() on the example specs: they check clean, and the CheckedSpec describes them faithfully.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type * as ast from "../../../src/ast/nodes.js";
import { walk } from "../../../src/ast/walk.js";
import type { CheckedSpec } from "../../../src/check/checked.js";
import { typeToString } from "../../../src/check/types.js";
import { checkText } from "../../helpers/check-text.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function checkSpecFile(name: string, constants: Record<string, string> = {}): { checked: CheckedSpec; text: string } {
  const text = readFileSync(join(ROOT, "specs", name), "utf8");
  const result = checkText(text, constants, `specs/${name}`);
  expect(result.diagnostics).toEqual([]);
  if (!result.checked) throw new Error("not checked");
  return { checked: result.checked, text };
}

/** Every expression node of the spec, with its source text. */
function expressions(checked: CheckedSpec, text: string): { node: ast.Expr; source: string }[] {
  const found: { node: ast.Expr; source: string }[] = [];
  walk(checked.ast, {
    enter(node) {
      if (checked.types.has(node.id) || node.kind.endsWith("Expr") || node.kind.endsWith("Lit")) {
        found.push({ node: node as ast.Expr, source: text.slice(node.span.start, node.span.end) });
      }
    },
  });
  return found;
}

function typeOfSource(checked: CheckedSpec, text: string, source: string): string | undefined {
  const hit = expressions(checked, text).find((e) => e.source === source);
  const type = hit && checked.types.get(hit.node.id);
  return type && typeToString(type);
}

describe("specs/leader-election.fl", () => {
  const { checked, text } = checkSpecFile("leader-election.fl");

  it("has one symmetric family of N servers with its vars", () => {
    expect(checked.families.map((f) => [f.name, f.count, f.symmetric])).toEqual([["Server", 3, true]]);
    const server = checked.families[0]!;
    expect(server.vars.map((v) => [v.name, typeToString(v.type), v.durable])).toEqual([
      ["role", "Role", false],
      ["term", "0..2", true],
      ["votedFor", "set<Server>", true],
      ["votes", "set<Server>", false],
    ]);
    expect(server.handlers.map((h) => h.message?.name ?? "timeout")).toEqual(["timeout", "RequestVote", "Vote"]);
    expect(server.actions).toEqual([]);
  });

  it("resolves constants, enums, messages, network and faults", () => {
    expect([...checked.constants]).toEqual([["N", 3], ["MAX_TERM", 2]]);
    expect(checked.enums.get("Role")?.members).toEqual(["Follower", "Candidate", "Leader"]);
    expect(checked.messages.map((m) => [m.name, m.fields.map((f) => `${f.name}: ${typeToString(f.type)}`)])).toEqual([
      ["RequestVote", ["term: 0..2"]],
      ["Vote", ["term: 0..2"]],
    ]);
    expect(checked.network).toEqual({ kind: "unordered", capacity: 12 });
    expect(checked.faults).toEqual({ drop: 1, duplicate: 0, partition: 0, cut: 0, crash: 1, skew: 0 });
    expect(checked.ticks).toBe(0);
    expect(checked.properties.map((p) => [p.property, p.name.name])).toEqual([
      ["invariant", "NoSplitBrain"],
      ["reachable", "SomeLeader"],
    ]);
    expect(checked.ends).toHaveLength(1);
  });

  it("infers the sender family of every message handler", () => {
    const handlers = checked.families[0]!.handlers.filter((h) => h.message);
    expect(handlers.map((h) => checked.senders.get(h.id)?.family)).toEqual(["Server", "Server"]);
  });

  it("types expressions", () => {
    expect(typeOfSource(checked, text, "votes + {v}")).toBe("set<Server>");
    expect(typeOfSource(checked, text, "{self}")).toBe("set<Server>");
    expect(typeOfSource(checked, text, "m.term")).toBe("0..2");
    expect(typeOfSource(checked, text, "size(votes) * 2 > N")).toBe("bool");
    expect(typeOfSource(checked, text, "term + 1")).toBe("int");
    expect(typeOfSource(checked, text, "a.role")).toBe("Role");
  });

  it("records a symbol for every name", () => {
    const names = expressions(checked, text).filter((e) => e.node.kind === "NameExpr");
    expect(names.length).toBeGreaterThan(20);
    for (const { node } of names) expect(checked.symbols.has(node.id), `symbol for ${(node as ast.NameExpr).name}`).toBe(true);
    const kinds = new Set(names.map(({ node }) => `${(node as ast.NameExpr).name}:${checked.symbols.get(node.id)?.kind}`));
    expect(kinds).toContain("Leader:enumMember");
    expect(kinds).toContain("N:const");
    expect(kinds).toContain("Server:family");
    expect(kinds).toContain("term:nodeVar");
    expect(kinds).toContain("m:binder");
    expect(kinds).toContain("c:sender");
    expect(kinds).toContain("a:bound");
  });

  it("records the checked message of every message literal", () => {
    const literals = expressions(checked, text).filter((e) => e.node.kind === ("MessageLit" as string));
    expect(literals.map((l) => checked.messageOf.get(l.node.id)?.name)).toEqual(["RequestVote", "Vote"]);
  });

  it("follows --const overrides, including in dependent types", () => {
    const { checked: bigger } = checkSpecFile("leader-election.fl", { N: "5", MAX_TERM: "3" });
    expect(bigger.families[0]!.count).toBe(5);
    expect(typeToString(bigger.families[0]!.vars[1]!.type)).toBe("0..3");
    expect(bigger.constants.get("N")).toBe(5);
  });
});

describe("specs/two-phase.fl", () => {
  const { checked, text } = checkSpecFile("two-phase.fl");

  it("has K resource managers and one transaction manager", () => {
    expect(checked.families.map((f) => [f.name, f.count, f.symmetric])).toEqual([
      ["RM", 3, false],
      ["TM", 1, false],
    ]);
    expect(checked.families[0]!.actions.map((a) => a.name)).toEqual(["prepare", "chooseToAbort"]);
    expect(checked.families[1]!.actions.map((a) => a.name)).toEqual(["commit", "abort"]);
    expect(checked.network).toEqual({ kind: "duplicating", capacity: 8 });
  });

  it("infers senders: Prepared from RM, Commit and Abort from TM", () => {
    const [rm, tm] = checked.families;
    expect(rm!.handlers.map((h) => checked.senders.get(h.id)?.family)).toEqual(["TM", "TM"]);
    expect(tm!.handlers.map((h) => checked.senders.get(h.id)?.family)).toEqual(["RM"]);
  });

  it("keeps the message Prepared apart from the enum member Prepared", () => {
    const names = expressions(checked, text).filter((e) => e.source === "Prepared" && e.node.kind === "NameExpr");
    expect(names.map((n) => checked.symbols.get(n.node.id)?.kind)).toEqual(["enumMember"]);
    expect(typeOfSource(checked, text, "TM")).toBe("TM");
    expect(typeOfSource(checked, text, "prepared + {r}")).toBe("set<RM>");
  });

  it("scales with --const K", () => {
    const { checked: seven } = checkSpecFile("two-phase.fl", { K: "7" });
    expect(seven.families[0]!.count).toBe(7);
    expect(seven.constants.get("K")).toBe(7);
  });
});
