// Splits a token stream into chunks of whole top-level declarations, so that a huge file is parsed
// (and its concrete syntax tree freed) a chunk at a time. A declaration starts at a declaration
// keyword outside all brackets; small files are a single chunk.

import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";

/** Chunks hold at least this many tokens (all but the last). */
export const CHUNK_TOKENS = 20_000;

/** A single top-level declaration larger than this is not parsed (FL1011). */
export const MAX_DECLARATION_TOKENS = 200_000;

const STARTER_WORDS = [
  "spec", "const", "enum", "type", "message", "node", "var", "durable", "action", "on", "network",
  "faults", "clock", "effect", "history", "invariant", "reachable", "transition", "atmostonce",
  "nolostwrites", "end",
] as const;

const STARTERS: ReadonlySet<TokenType> = new Set(STARTER_WORDS.map((k) => T.KW[k]));

const OPENERS: ReadonlySet<TokenType> = new Set([T.LCurly, T.LParen, T.LBracket]);
const CLOSERS: ReadonlySet<TokenType> = new Set([T.RCurly, T.RParen, T.RBracket]);

function isStarter(token: IToken, previous: IToken | undefined): boolean {
  return STARTERS.has(token.tokenType) && previous?.tokenType !== T.KW.durable;
}

/** Token indices where top-level declarations start (0 first); brackets are balanced loosely. */
export function declarationStarts(tokens: readonly IToken[]): number[] {
  const starts = [0];
  let depth = 0;
  tokens.forEach((token, i) => {
    if (OPENERS.has(token.tokenType)) depth++;
    else if (CLOSERS.has(token.tokenType)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > 0 && isStarter(token, tokens[i - 1])) starts.push(i);
  });
  return starts;
}

/** A run of whole declarations: tokens[start, end). `isTooLarge` marks one oversized declaration. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly isTooLarge: boolean;
}

/** Groups declarations into chunks of at least CHUNK_TOKENS tokens, in order, covering all tokens. */
export function chunkTokens(tokens: readonly IToken[]): Chunk[] {
  const starts = declarationStarts(tokens);
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  const close = (end: number): void => {
    if (end > chunkStart) chunks.push({ start: chunkStart, end, isTooLarge: false });
    chunkStart = end;
  };
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? tokens.length;
    if (end - start > MAX_DECLARATION_TOKENS) {
      close(start);
      chunks.push({ start, end, isTooLarge: true });
      chunkStart = end;
    } else if (end - chunkStart >= CHUNK_TOKENS) {
      close(end);
    }
  });
  close(tokens.length);
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, isTooLarge: false });
  return chunks;
}
