// Scopes (nesting, shadowing, duplicates) and "did you mean" suggestions.

import { describe, expect, it } from "vitest";
import { Scope } from "../../../src/check/scopes.js";
import { editDistance, suggest } from "../../../src/util/edit-distance.js";
import type * as ast from "../../../src/ast/nodes.js";

const span = (start: number) => ({ file: "t.fl", start, end: start + 1 });
const ident = (name: string, at: number): ast.Ident => ({ kind: "Ident", id: at, span: span(at), name });

describe("Scope", () => {
  it("finds names in enclosing scopes and lets inner ones shadow them", () => {
    const outer = new Scope();
    outer.declare("x", { kind: "bound", ident: ident("x", 1) }, span(1));
    const inner = new Scope(outer);
    expect(inner.lookup("x")?.kind).toBe("bound");
    inner.declare("x", { kind: "bound", ident: ident("x", 5) }, span(5));
    expect(inner.declarationSpan("x")).toEqual(span(5));
    expect(outer.declarationSpan("x")).toEqual(span(1));
    expect(inner.lookup("y")).toBeUndefined();
  });

  it("reports the first declaration of a duplicate in the same scope", () => {
    const scope = new Scope();
    expect(scope.declare("x", { kind: "bound", ident: ident("x", 1) }, span(1))).toBeUndefined();
    expect(scope.declare("x", { kind: "bound", ident: ident("x", 9) }, span(9))).toEqual(span(1));
    expect(scope.declarationSpan("x")).toEqual(span(1));
  });

  it("lists visible names innermost first, each once", () => {
    const outer = new Scope();
    outer.declare("a", { kind: "bound", ident: ident("a", 1) }, span(1));
    outer.declare("b", { kind: "bound", ident: ident("b", 2) }, span(2));
    const inner = new Scope(outer);
    inner.declare("b", { kind: "bound", ident: ident("b", 3) }, span(3));
    inner.declare("c", { kind: "bound", ident: ident("c", 4) }, span(4));
    expect(inner.visibleNames()).toEqual(["b", "c", "a"]);
  });
});

describe("suggest", () => {
  it("measures edits, counting a swap of neighbours as one", () => {
    expect(editDistance("term", "term")).toBe(0);
    expect(editDistance("trem", "term")).toBe(1);
    expect(editDistance("leader", "leaders")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("offers the closest plausible name, or none", () => {
    expect(suggest("leader", ["leaders", "term", "role"])).toBe("leaders");
    expect(suggest("Rol", ["Role", "Server"])).toBe("Role");
    expect(suggest("xyz", ["leaders", "term"])).toBeUndefined();
    expect(suggest("x", ["x"])).toBeUndefined();
    expect(suggest("SERVER", ["Server", "Serve"])).toBe("Server");
  });

  it("breaks ties alphabetically, whatever the order of candidates", () => {
    expect(suggest("ab", ["ac", "aa"])).toBe("aa");
    expect(suggest("ab", ["aa", "ac"])).toBe("aa");
  });
});
