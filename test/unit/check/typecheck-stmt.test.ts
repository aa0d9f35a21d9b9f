// Statements: what may be assigned (FL3002), where messages may be sent (FL3012), and the types
// of assignments, sends, effects and history records.

import { describe, expect, it } from "vitest";
import { checkText, nodeSpec } from "../../helpers/check-text.js";

function expectFirst(text: string, code: string, spanText: string): void {
  const result = checkText(text);
  expect(result.codes[0], result.diagnostics.map((d) => d.message).join("\n")).toBe(code);
  expect(result.spanText(result.diagnostics[0])).toBe(spanText);
}

function expectClean(text: string): void {
  const result = checkText(text);
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.checked).toBeDefined();
}

describe("assignments", () => {
  it("accepts own vars, spec vars, and fields and elements of them", () => {
    expectClean(
      nodeSpec(
        "var r: { a: 0..3, b: bool }\n var m: map<Server, 0..3>\n var s: seq<bool, 2>\n" +
          "on timeout { term = 1\n r.a = 2\n m[self] = term\n s[0] = true\n count = count + 1 }",
        "var count: 0..9 = 0",
      ),
    );
  });

  it("FL3002: constants, enum members, params, lets, binders, senders, bound variables", () => {
    expectFirst(nodeSpec("on timeout { N = 1 }"), "FL3002", "N");
    expectFirst(nodeSpec("on timeout { Leader = Follower }"), "FL3002", "Leader");
    expectFirst(nodeSpec("action a(p: bool) { p = true }"), "FL3002", "p");
    expectFirst(nodeSpec("on timeout { let x = 1\n x = 2 }"), "FL3002", "x");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote(m) { m = m }"), "FL3002", "m");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote(m) { m.term = 1 }"), "FL3002", "m");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: 1 } }\n on Vote from v { v = self }"), "FL3002", "v");
    expectFirst(nodeSpec("on timeout { for i in 0..2 { i = 1 } }"), "FL3002", "i");
    expectFirst(nodeSpec("on timeout { Server[0] = self }"), "FL3002", "Server[0]");
  });

  it("FL3002: another node's vars from inside a node; allowed from spec-level actions", () => {
    expectFirst(nodeSpec("on timeout { Server[1].term = 2 }"), "FL3002", "Server[1].term");
    expectFirst(nodeSpec("on timeout { for s in votes { s.term = 0 } }"), "FL3002", "s.term");
    expectClean(nodeSpec("", "action reset { Server[1].term = 0 }"));
    expectClean(nodeSpec("", "action resetAll(s: Server) { s.role = Follower }"));
  });

  it("FL3001: assigning a value of another type; FL3007: a constant out of range", () => {
    expectFirst(nodeSpec("on timeout { role = 1 }"), "FL3001", "1");
    expectFirst(nodeSpec("on timeout { votes = {role} }"), "FL3001", "role");
    expectFirst(nodeSpec("on timeout { term = 4 }"), "FL3007", "4");
  });
});

describe("messages and records", () => {
  it("checks send targets and message field types", () => {
    expectClean(nodeSpec("on timeout { send Vote { term: term } to Server[0] }\n on Vote { }"));
    expectFirst(nodeSpec("on timeout { send Vote { term: 1 } to term }"), "FL3001", "term");
    expectFirst(nodeSpec("on timeout { broadcast Vote { term: role } }"), "FL3001", "role");
  });

  it("FL3012: send, broadcast and reply from spec-level actions", () => {
    expectFirst(nodeSpec("on Vote { }", "action a { send Vote { term: 1 } to Server[0] }"), "FL3012", "send Vote { term: 1 } to Server[0]");
    expectFirst(nodeSpec("on Vote { }", "action a { broadcast Vote { term: 1 } to Server }"), "FL3012", "broadcast Vote { term: 1 } to Server");
    expectFirst(nodeSpec("on Vote { }", "action a { reply Vote { term: 1 } }"), "FL3012", "reply Vote { term: 1 }");
  });

  it("allows reply in a message handler", () => {
    expectClean(nodeSpec("on timeout { broadcast Vote { term: 0 } }\n on Vote(m) when m.term < 3 { reply Vote { term: m.term + 1 } }"));
  });

  it("checks effects and history records against their declarations", () => {
    const extra = "effect charge(order: 0..2)\nhistory kv(key: Server, version: 0..3)\natmostonce charge\nnolostwrites kv";
    expectClean(nodeSpec("on timeout { effect charge(1)\n ack kv(self, term)\n observe kv(self, 0) }", extra));
    expectFirst(nodeSpec("on timeout { effect charge(1, 2) }", extra), "FL3006", "effect charge(1, 2)");
    expectFirst(nodeSpec("on timeout { ack kv(self) }", extra), "FL3006", "ack kv(self)");
    expectFirst(nodeSpec("on timeout { observe kv(term, 0) }", extra), "FL3001", "term");
    expectFirst(nodeSpec("on timeout { effect charge(3) }", extra), "FL3007", "3");
    expectFirst(nodeSpec("", `${extra}\naction spend { effect charge(9) }`), "FL3007", "9");
  });
});
