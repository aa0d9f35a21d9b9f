// Name resolution: each FL2xxx code is reported, at the right span, for its trigger; and
// namespaces (messages apart from values; enum members with consts and types) behave.

import { describe, expect, it } from "vitest";
import { checkText, nodeSpec } from "../../helpers/check-text.js";

/** Checks `text` and expects its first diagnostic to be `code` under `spanText`. */
function expectFirst(text: string, code: string, spanText: string): void {
  const result = checkText(text);
  expect(result.codes[0], result.diagnostics.map((d) => d.message).join("\n")).toBe(code);
  expect(result.spanText(result.diagnostics[0])).toBe(spanText);
  expect(result.checked).toBeUndefined();
}

describe("name errors", () => {
  it("FL2001: an unknown name, with a suggestion note at the candidate's declaration", () => {
    const result = checkText(nodeSpec("on timeout when trm < 3 { term = term + 1 }"));
    expect(result.codes).toEqual(["FL2001"]);
    expect(result.spanText(result.diagnostics[0])).toBe("trm");
    const note = result.diagnostics[0]!.notes?.[0];
    expect(note?.message).toContain("`term`");
    expect(note?.span && result.text.slice(note.span.start, note.span.end)).toBe("term");
  });

  it("FL2001: a constant that uses a later constant", () => {
    expectFirst("const A = B\nconst B = 1\nvar x: bool", "FL2001", "B");
  });

  it("FL2001: an unknown function and an unknown family in broadcast", () => {
    expectFirst(nodeSpec("on timeout { term = sise(votes) }"), "FL2001", "sise");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } to Servers }"), "FL2001", "Servers");
  });

  it("FL2002: duplicates in one scope, with a note at the first", () => {
    const result = checkText("enum Role { A, B }\nconst B = 1\nvar x: bool");
    expect(result.codes).toEqual(["FL2002"]);
    expect(result.spanText(result.diagnostics[0])).toBe("B");
    const first = result.diagnostics[0]!.notes?.[0]?.span;
    expect(first?.start).toBe(result.text.indexOf("B"));
  });

  it("FL2002: duplicate vars, params, messages, lets, quantified names, faults and timeouts", () => {
    expectFirst(nodeSpec("var term: bool"), "FL2002", "term");
    expectFirst(nodeSpec("action a(p: bool, p: bool) { }"), "FL2002", "p");
    expectFirst("message M\nmessage M\nvar x: bool", "FL2002", "M");
    expectFirst(nodeSpec("on timeout { let a = 1\n let a = 2 }"), "FL2002", "a");
    expectFirst(nodeSpec("", "invariant I = forall a, a in Server: true"), "FL2002", "a");
    expectFirst("var x: bool\nfaults { drop <= 1 drop <= 2 }", "FL2002", "drop <= 2");
    expectFirst(nodeSpec("on timeout { }\n on timeout { }"), "FL2002", "on timeout { }");
    expectFirst("invariant I = true\nreachable I = true\nvar x: bool", "FL2002", "I");
  });

  it("allows shadowing in inner scopes and same names in different families", () => {
    const ok = checkText(nodeSpec("on timeout { let term = 2\n role = Leader }"));
    expect(ok.codes).toEqual([]);
    const two = checkText("node A { var state: bool }\nnode B { var state: bool }");
    expect(two.codes).toEqual([]);
  });

  it("FL2003: an unknown message in a handler or literal", () => {
    expectFirst(nodeSpec("on Vot(m) { }"), "FL2003", "Vot");
    expectFirst(nodeSpec("on timeout { broadcast Vot { term: 1 } }"), "FL2003", "Vot");
  });

  it("FL2004: unknown fields of messages, records and nodes", () => {
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote(m) when m.trem > 0 { }"), "FL2004", "trem");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1, x: 2 } }"), "FL2004", "x");
    expectFirst(nodeSpec("", "invariant I = forall s in Server: s.rol == Leader"), "FL2004", "rol");
    expectFirst(nodeSpec("var r: { a: bool }\n on timeout { r.b = true }"), "FL2004", "b");
    expectFirst(nodeSpec("on timeout { term = term.x }"), "FL2004", "x");
  });

  it("FL2005: unknown types, including the family in `from v: F`", () => {
    expectFirst(nodeSpec("var x: Rol"), "FL2005", "Rol");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote from v: Srv { }"), "FL2005", "Srv");
  });

  it("FL2006: a name of the wrong kind", () => {
    expectFirst(nodeSpec("var x: N"), "FL2006", "N");
    expectFirst(nodeSpec("var x: Vote"), "FL2006", "Vote");
    expectFirst(nodeSpec("on timeout { term = Role }"), "FL2006", "Role");
    expectFirst(nodeSpec("on timeout { send Vote { term: 1 } to Server }"), "FL2006", "Server");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } to Role }"), "FL2006", "Role");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote from v: Role { }"), "FL2006", "Role");
  });

  it("FL2007: self and now outside nodes", () => {
    expectFirst(nodeSpec("", "invariant I = self == self"), "FL2007", "self");
    expectFirst(nodeSpec("", "var t: 0..3\naction a { t = now }"), "FL2007", "now");
    expectFirst(nodeSpec("", "end when now > 1"), "FL2007", "now");
  });

  it("FL2008: unknown effects and histories", () => {
    expectFirst(nodeSpec("on timeout { effect pay(1) }", "effect charge(o: 0..2)"), "FL2008", "pay");
    expectFirst(nodeSpec("on timeout { ack kv(0, 1) }"), "FL2008", "kv");
    expectFirst(nodeSpec("", "atmostonce charge"), "FL2008", "charge");
    expectFirst(nodeSpec("", "nolostwrites kv"), "FL2008", "kv");
  });

  it("FL2009 and FL2010: missing and repeated fields of message literals", () => {
    expectFirst(nodeSpec("on timeout { broadcast Vote }"), "FL2009", "Vote");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1, term: 2 } }"), "FL2010", "term");
    expectFirst(nodeSpec("var r: { a: bool }\n on timeout { r = { a: true, a: false } }"), "FL2010", "a");
  });

  it("FL2011: reply outside a message handler", () => {
    expectFirst(nodeSpec("on timeout { reply Vote { term: 1 } }"), "FL2011", "reply Vote { term: 1 }");
    expectFirst(nodeSpec("action a { reply Vote { term: 1 } }"), "FL2011", "reply Vote { term: 1 }");
  });

  it("FL2012: alias cycles", () => {
    expectFirst("type A = set<A>\nvar x: bool", "FL2012", "A");
    expectFirst("type A = B\ntype B = map<bool, A>\nvar x: bool", "FL2012", "A");
  });
});
