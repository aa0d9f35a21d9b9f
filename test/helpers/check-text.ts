// Parses and checks a spec given as text, for checker tests: fails loudly on syntax errors so a
// test never silently checks nothing, and offers the source text under each diagnostic's span.

import { check, type CheckResult } from "../../src/check/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { parse } from "../../src/syntax/index.js";

export interface CheckedText extends CheckResult {
  readonly text: string;
  /** Codes of all diagnostics, in order. */
  readonly codes: string[];
  /** The source text under a diagnostic's span. */
  spanText(d: Diagnostic | undefined): string | undefined;
}

/** Parses `text` (which must be free of syntax errors) and checks it. */
export function checkText(text: string, constants: Record<string, string> = {}, fileName = "test.fl"): CheckedText {
  const parsed = parse(text, fileName);
  if (!parsed.ast) {
    throw new Error(`syntax errors in test spec: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  }
  const result = check(parsed.ast, { constants });
  return {
    ...result,
    text,
    codes: result.diagnostics.map((d) => d.code),
    spanText: (d) => (d?.span ? text.slice(d.span.start, d.span.end) : undefined),
  };
}

/** A spec with one node family around `body` (members of `node Server[3]`) and `extra` decls. */
export function nodeSpec(body: string, extra = ""): string {
  return `spec T\nconst N = 3\nenum Role { Follower, Candidate, Leader }\nmessage Vote { term: 0..3 }\n${extra}\nnode Server[N] {\n  var role: Role = Follower\n  var term: 0..3 = 0\n  var votes: set<Server> = {}\n${body}\n}\n`;
}
