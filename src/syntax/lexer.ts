// Turns source text into tokens for the parser, reporting unexpected characters (FL1001),
// unterminated block comments (FL1004) and integers out of range (FL1005). Never throws.

import { Lexer, type IToken } from "chevrotain";
import { makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import { allTokens, IntLiteral } from "./tokens.js";

/** At most this many FL1001 diagnostics per file; then one FL1010. */
export const MAX_LEXICAL_ERRORS = 100;

/** The largest integer literal (2^31 - 1). */
export const MAX_INT = 2147483647;

const lexer = new Lexer([...allTokens], {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});

export interface LexResult {
  /** Tokens in source order, without whitespace and comments. */
  readonly tokens: IToken[];
  /** Lexical problems in source order. */
  readonly diagnostics: Diagnostic[];
}

/** Splits `text` into tokens; spans in diagnostics are UTF-16 offsets into `text`. */
export function lex(text: string, fileName: string): LexResult {
  const result = lexer.tokenize(text);
  // "onlyOffset" tokens carry no endOffset; the parser's CST locations need it (inclusive).
  for (const token of result.tokens) token.endOffset = token.startOffset + token.image.length - 1;
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const span = { file: fileName, start: error.offset, end: error.offset + error.length };
    diagnostics.push(makeDiagnostic("FL1001", span, { text: describeCharacter(text, error.offset) }));
  }
  diagnostics.push(...invalidCharacters(result.groups["invalid"] ?? [], text, fileName));
  for (const comment of result.groups["unterminated"] ?? []) {
    const span = { file: fileName, start: comment.startOffset, end: comment.startOffset + 2 };
    diagnostics.push(
      makeDiagnostic("FL1004", span, { what: "block comment" }, [
        { message: "a block comment that starts with `/*` must end with `*/`" },
      ]),
    );
  }
  for (const token of result.tokens) {
    if (token.tokenType === IntLiteral && !fitsInt(token.image)) {
      diagnostics.push(
        makeDiagnostic("FL1005", tokenSpan(token, fileName), { text: shorten(token.image), max: MAX_INT }),
      );
    }
  }
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { tokens: result.tokens, diagnostics };
}

/** The span of a lexed token (chevrotain's endOffset is inclusive). */
export function tokenSpan(token: IToken, fileName: string): Span {
  return { file: fileName, start: token.startOffset, end: token.startOffset + token.image.length };
}

/**
 * FL1001 for each run of invalid characters (adjacent invalid tokens merge), at most
 * MAX_LEXICAL_ERRORS of them, then FL1010.
 */
function invalidCharacters(tokens: readonly IToken[], text: string, fileName: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let run: { start: number; end: number } | undefined;
  const flush = (): boolean => {
    if (!run) return true;
    if (diagnostics.length === MAX_LEXICAL_ERRORS) {
      diagnostics.push(makeDiagnostic("FL1010", { file: fileName, ...run }, { limit: MAX_LEXICAL_ERRORS }));
      return false;
    }
    diagnostics.push(makeDiagnostic("FL1001", { file: fileName, ...run }, { text: describeCharacter(text, run.start) }));
    return true;
  };
  for (const token of tokens) {
    const end = token.startOffset + token.image.length;
    if (run && run.end === token.startOffset) {
      run.end = end;
      continue;
    }
    if (!flush()) return diagnostics;
    run = { start: token.startOffset, end };
  }
  flush();
  return diagnostics;
}

/** Shortens long token text for messages: at most 24 characters, with an ellipsis. */
export function shorten(image: string): string {
  return image.length <= 24 ? image : `${image.slice(0, 23)}…`;
}

function fitsInt(digits: string): boolean {
  const trimmed = digits.replace(/^0+(?=.)/, "");
  return trimmed.length < 10 || (trimmed.length === 10 && Number(trimmed) <= MAX_INT);
}

/** The first code point at `offset` as text; spaces, controls and the backtick as U+XXXX. */
function describeCharacter(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  const char = String.fromCodePoint(code);
  const isPrintable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(char) && char !== "`";
  return isPrintable ? char : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
