// Spans of declarations whose lists are empty (`message M { }`, `action a() { }`, `{}`, `[]`):
// chevrotain 13 gives an empty list rule the location -1..-1, which must not leak into the spans
// of the nodes around it (found by the mutated-spec property test, seed 893585799).

import { describe, expect, it } from "vitest";
import { walk } from "../../../src/ast/walk.js";
import { parse } from "../../../src/syntax/index.js";

const TEXT = `spec Empty

message Ping { }
message Pong { }

node Server {
  var seen: set<0..2> = {}
  var log: seq<0..2, 2> = []
  action wake() { }
  on Ping(m) { }
}

network unordered
end when true
`;

describe("spans around empty lists", () => {
  it("every node lies inside its parent, within the file", () => {
    const result = parse(TEXT, "empty.fl");
    expect(result.diagnostics).toEqual([]);
    const bad: string[] = [];
    walk(result.ast!, {
      enter(node, parent) {
        const { start, end } = node.span;
        const inFile = 0 <= start && start <= end && end <= TEXT.length;
        const inParent = !parent || (parent.span.start <= start && end <= parent.span.end);
        if (!inFile || !inParent) bad.push(`${node.kind} ${start}..${end} in ${parent?.kind ?? "-"}`);
      },
    });
    expect(bad).toEqual([]);
  });

  it("a message with no fields spans its declaration exactly", () => {
    const result = parse(TEXT, "empty.fl");
    const ping = result.ast!.decls.find((d) => d.kind === "MessageDecl");
    expect(TEXT.slice(ping!.span.start, ping!.span.end)).toBe("message Ping { }");
  });
});
