import { describe, expect, it } from "vitest";
import { lex, MAX_INT, MAX_LEXICAL_ERRORS } from "../../../src/syntax/lexer.js";
import { KEYWORDS } from "../../../src/syntax/tokens.js";
import { codesAndSpans } from "../../helpers/ast-shape.js";

function kinds(text: string): string[] {
  return lex(text, "t.fl").tokens.map((t) => t.tokenType.name);
}

function images(text: string): string[] {
  return lex(text, "t.fl").tokens.map((t) => t.image);
}

describe("lex", () => {
  it("splits a declaration into tokens with offsets", () => {
    const { tokens, diagnostics } = lex("const N = 3", "t.fl");
    expect(diagnostics).toEqual([]);
    expect(tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset])).toEqual([
      ["Const", "const", 0, 4],
      ["Identifier", "N", 6, 6],
      ["Equals", "=", 8, 8],
      ["IntLiteral", "3", 10, 10],
    ]);
  });

  it("lexes every reserved word as a keyword, and longer words as identifiers", () => {
    for (const word of KEYWORDS) {
      expect(kinds(word)).toEqual([word.charAt(0).toUpperCase() + word.slice(1)]);
      expect(kinds(`${word}x`)).toEqual(["Identifier"]);
      expect(kinds(`${word}_1`)).toEqual(["Identifier"]);
    }
  });

  it("does not let a short keyword claim the start of a longer one", () => {
    expect(kinds("in invariant int inbox for forall on ordered not now")).toEqual([
      "In", "Invariant", "Identifier", "Identifier", "For", "Forall", "On", "Ordered", "Not", "Now",
    ]);
  });

  it("prefers the longest operator", () => {
    expect(images("a==b!=c<=d>=e<f>g=h..i.j")).toEqual([
      "a", "==", "b", "!=", "c", "<=", "d", ">=", "e", "<", "f", ">", "g", "=", "h", "..", "i", ".", "j",
    ]);
    expect(kinds("0..3")).toEqual(["IntLiteral", "DotDot", "IntLiteral"]);
    expect(kinds("x' + - * / % , : ; { } ( ) [ ]")).toEqual([
      "Identifier", "Prime", "Plus", "Minus", "Star", "Slash", "Percent", "Comma", "Colon", "Semicolon",
      "LCurly", "RCurly", "LParen", "RParen", "LBracket", "RBracket",
    ]);
  });

  it("skips whitespace, line comments and block comments", () => {
    const text = "\uFEFFa // comment == b\n/* block\n comment */ b\t\r\n/**/c";
    expect(images(text)).toEqual(["a", "b", "c"]);
    expect(lex(text, "t.fl").diagnostics).toEqual([]);
  });

  it("reports each run of unexpected characters once (FL1001)", () => {
    const { tokens, diagnostics } = lex("a @# b ! c $", "t.fl");
    expect(tokens.map((t) => t.image)).toEqual(["a", "b", "c"]);
    expect(codesAndSpans(diagnostics)).toEqual([
      ["FL1001", 2, 4],
      ["FL1001", 7, 8],
      ["FL1001", 11, 12],
    ]);
    expect(diagnostics[0]!.message).toBe("unexpected character `@`");
  });

  it("names invisible and non-ASCII characters readably", () => {
    expect(lex("a \u0000", "t.fl").diagnostics[0]!.message).toBe("unexpected character `U+0000`");
    expect(lex("a \u00a0", "t.fl").diagnostics[0]!.message).toBe("unexpected character `U+00A0`");
    expect(lex("a é", "t.fl").diagnostics[0]!.message).toBe("unexpected character `é`");
    expect(lex("`", "t.fl").diagnostics[0]!.message).toBe("unexpected character `U+0060`");
  });

  it("caps unexpected-character diagnostics with FL1010", () => {
    const { diagnostics } = lex("@ ".repeat(MAX_LEXICAL_ERRORS + 50), "t.fl");
    expect(diagnostics).toHaveLength(MAX_LEXICAL_ERRORS + 1);
    expect(diagnostics.at(-1)!.code).toBe("FL1010");
  });

  it("reports an unterminated block comment at its start (FL1004)", () => {
    const { tokens, diagnostics } = lex("a /* never closed\n b", "t.fl");
    expect(tokens.map((t) => t.image)).toEqual(["a"]);
    expect(codesAndSpans(diagnostics)).toEqual([["FL1004", 2, 4]]);
    expect(diagnostics[0]!.message).toBe("unterminated block comment");
  });

  it("reports integers above 2^31 - 1 (FL1005) and accepts the maximum", () => {
    expect(lex(String(MAX_INT), "t.fl").diagnostics).toEqual([]);
    expect(lex("0002147483647", "t.fl").diagnostics).toEqual([]);
    const { diagnostics } = lex("x = 2147483648", "t.fl");
    expect(codesAndSpans(diagnostics)).toEqual([["FL1005", 4, 14]]);
  });

  it("keeps UTF-16 offsets after astral characters in comments", () => {
    const { tokens } = lex("// 😀\nx", "t.fl");
    expect(tokens[0]!.startOffset).toBe("// 😀\n".length);
  });

  it("is fast on a megabyte of garbage", () => {
    const start = performance.now();
    const { diagnostics } = lex("@".repeat(1_000_000) + " #".repeat(100_000), "t.fl");
    expect(performance.now() - start).toBeLessThan(2000);
    expect(diagnostics.at(-1)!.code).toBe("FL1010");
  });
});
