import { describe, expect, it } from "vitest";
import type { AstNode, Expr } from "../../../src/ast/nodes.js";
import { childrenOf, deepestNode, walk } from "../../../src/ast/walk.js";
import { parseOk } from "../../helpers/ast-shape.js";

const SOURCE = `spec S
node A[2] {
  var x: 0..3 = 0
  on M(m) from s when m.ok { x = x + 1 }
}
invariant I = forall a in A: a.x >= 0`;

describe("walk", () => {
  it("visits every node in source order, enter before children and exit after", () => {
    const spec = parseOk(SOURCE);
    const events: string[] = [];
    walk(spec, {
      enter: (node) => void events.push(`+${node.kind}`),
      exit: (node) => void events.push(`-${node.kind}`),
    });
    expect(events.slice(0, 8)).toEqual(["+Spec", "+Ident", "-Ident", "+NodeDecl", "+Ident", "-Ident", "+IntLit", "-IntLit"]);
    expect(events.at(-1)).toBe("-Spec");
    expect(events.filter((e) => e.startsWith("+"))).toHaveLength(events.length / 2);
  });

  it("gives each node its parent, and visits nodes in increasing start offset", () => {
    const spec = parseOk(SOURCE);
    let lastStart = -1;
    walk(spec, {
      enter(node, parent) {
        expect(parent === undefined).toBe(node === spec);
        if (parent) expect(childrenOf(parent)).toContain(node);
        expect(node.span.start).toBeGreaterThanOrEqual(lastStart);
        lastStart = node.span.start;
      },
    });
  });

  it("skips a node's children (and its exit) when enter returns false", () => {
    const spec = parseOk(SOURCE);
    const kinds: string[] = [];
    const exits: string[] = [];
    walk(spec, {
      enter(node) {
        kinds.push(node.kind);
        return node.kind !== "NodeDecl";
      },
      exit: (node) => void exits.push(node.kind),
    });
    expect(kinds).not.toContain("HandlerDecl");
    expect(exits).not.toContain("NodeDecl");
  });

  it("walks very deep trees without recursion", () => {
    const span = { file: "deep", start: 0, end: 0 };
    let expr: Expr = { kind: "IntLit", id: 0, span, value: 1 };
    for (let i = 0; i < 200_000; i++) expr = { kind: "UnaryExpr", id: 0, span, op: "-", operand: expr };
    let count = 0;
    walk(expr as AstNode, { enter: () => void count++ });
    expect(count).toBe(200_001);
    expect(deepestNode(expr).depth).toBe(200_001);
  });
});
