import { describe, expect, it } from "vitest";
import { CHUNK_TOKENS, chunkTokens, declarationStarts, MAX_DECLARATION_TOKENS } from "../../../src/syntax/chunks.js";
import { lex } from "../../../src/syntax/lexer.js";

const tokensOf = (text: string) => lex(text, "t.fl").tokens;

describe("declarationStarts", () => {
  it("splits at declaration keywords outside brackets only", () => {
    const tokens = tokensOf("const A = 1 node B { var x: bool on timeout { effect e() } } durable var y: bool end when true");
    expect(declarationStarts(tokens).map((i) => tokens[i]!.image)).toEqual(["const", "node", "durable", "end"]);
  });

  it("tolerates unbalanced closers", () => {
    const tokens = tokensOf("} } const A = 1 ) const B = 2");
    expect(declarationStarts(tokens).map((i) => tokens[i]!.image)).toEqual(["}", "const", "const"]);
  });
});

describe("chunkTokens", () => {
  it("keeps a small file in one chunk", () => {
    const tokens = tokensOf("const A = 1 const B = 2");
    expect(chunkTokens(tokens)).toEqual([{ start: 0, end: tokens.length, isTooLarge: false }]);
    expect(chunkTokens([])).toEqual([{ start: 0, end: 0, isTooLarge: false }]);
  });

  it("cuts a large file at declaration boundaries into chunks that cover it in order", () => {
    const tokens = tokensOf("const A = 1\n".repeat(CHUNK_TOKENS));
    const chunks = chunkTokens(tokens);
    expect(chunks.length).toBeGreaterThan(1);
    chunks.forEach((chunk, i) => {
      expect(chunk.start).toBe(i === 0 ? 0 : chunks[i - 1]!.end);
      expect(tokens[chunk.start]!.image).toBe("const");
    });
    expect(chunks.at(-1)!.end).toBe(tokens.length);
  });

  it("isolates a declaration that is too large", () => {
    const tokens = tokensOf(`const A = 1 const B = ${"(".repeat(MAX_DECLARATION_TOKENS)} const C = 1`);
    expect(chunkTokens(tokens).map((c) => [c.start, c.isTooLarge])).toEqual([
      [0, false],
      [4, true],
    ]);
  });
});
