// Turns chevrotain's parse errors into FL1xxx diagnostics. The parser's errorMessageProvider
// returns only the *expected* part ("`}`", "an expression"); toSyntaxDiagnostics adds what was found.
// It also caps the number of errors per parse, so that garbage input stays fast.

import {
  EOF,
  tokenLabel,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import { makeDiagnostic, type Diagnostic, type Note, type Span } from "../diagnostics/diagnostic.js";
import { shorten } from "./lexer.js";
import { KeywordCategory } from "./tokens.js";

/** Parsing stops after this many syntax errors (FL1010). */
export const MAX_SYNTAX_ERRORS = 100;

/** Thrown past chevrotain's recovery when a parse reaches MAX_SYNTAX_ERRORS. */
export class TooManySyntaxErrors extends Error {
  constructor() {
    super("too many syntax errors");
    this.name = "TooManySyntaxErrors";
  }
}

/** The expected-description of leftover input at the top level (maps to FL1006). */
const DECLARATION = "a declaration";

/** What a failed alternation in each rule was looking for. */
const RULE_EXPECTS: Readonly<Record<string, string>> = {
  item: DECLARATION,
  statement: "a statement",
  primary: "an expression",
  typeExpr: "a type",
  handlerDecl: "`timeout` or a message name",
  networkDecl: "`unordered` or `ordered`",
  propertyDecl: "a property",
  comparisonOp: "a comparison",
  postfixOp: "`.`, `[` or `'`",
  eventStmt: "`effect`, `ack` or `observe`",
};

/** Better wording for a missing closer after a repetition: "`}` or a statement". */
const CLOSER_EXPECTS: Readonly<Record<string, string>> = {
  "nodeDecl:RCurly": "`}` or a member (`var`, `durable var`, `action`, `on`)",
  "block:RCurly": "`}` or a statement",
  "faultsDecl:RCurly": "`}` or a fault budget (`drop <= 1`, ...)",
};

let errorsThisParse = 0;

/** Call before each parse: resets the per-parse error budget. */
export function resetErrorBudget(): void {
  errorsThisParse = 0;
}

function countError(): void {
  errorsThisParse++;
  if (errorsThisParse > MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
}

function labelOf(type: TokenType): string {
  return type === EOF ? "end of file" : tokenLabel(type);
}

/** Lists the distinct first tokens of the given paths: "`a`, `b` or `c`". */
function describeFirstTokens(paths: readonly (readonly TokenType[])[]): string {
  const labels = [...new Set(paths.flatMap((path) => (path[0] ? [labelOf(path[0])] : [])))];
  if (labels.length === 0) return "something else";
  if (labels.length > 6) return `${labels.slice(0, 5).join(", ")}, ...`;
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** The parser's errorMessageProvider: each message is the expected part only. */
export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    countError();
    if (expected === EOF) return DECLARATION;
    return CLOSER_EXPECTS[`${ruleName}:${expected.name}`] ?? labelOf(expected);
  },
  buildNotAllInputParsedMessage() {
    countError();
    return DECLARATION;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    countError();
    return RULE_EXPECTS[ruleName] ?? describeFirstTokens(expectedPathsPerAlt.flat());
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    countError();
    return RULE_EXPECTS[ruleName] ?? describeFirstTokens(expectedIterationPaths);
  },
};

/** How a found token reads in a message: its text in backticks. */
export function describeToken(token: IToken): string {
  return token.tokenType === EOF ? "end of file" : `\`${shorten(token.image)}\``;
}

function isEof(token: IToken): boolean {
  return token.tokenType === EOF || Number.isNaN(token.startOffset);
}

/**
 * Converts parse errors to diagnostics, in the parser's order: FL1003 at the end of the file,
 * FL1006 for leftover input at the top level, FL1002 otherwise. Spans cover the found token;
 * at the end of the file, an empty span just after the last token.
 */
export function toSyntaxDiagnostics(
  errors: readonly IRecognitionException[],
  fileName: string,
  textLength: number,
): Diagnostic[] {
  return errors.map((error) => {
    const token = error.token;
    const expected = error.message;
    if (isEof(token)) {
      // Just after the last token, where the missing part belongs (not after trailing comments).
      const previous = (error as { previousToken?: IToken }).previousToken;
      const at = previous && !isEof(previous) ? previous.startOffset + previous.image.length : textLength;
      return makeDiagnostic("FL1003", { file: fileName, start: at, end: at }, { expected });
    }
    const span: Span = { file: fileName, start: token.startOffset, end: token.startOffset + token.image.length };
    const found = describeToken(token);
    const notes: Note[] = [];
    if (tokenMatcher(token, KeywordCategory) && expected === "a name") {
      notes.push({ message: `\`${token.image}\` is a reserved word and cannot be used as a name` });
    }
    if (expected === DECLARATION) return makeDiagnostic("FL1006", span, { found }, notes);
    return makeDiagnostic("FL1002", span, { expected, found }, notes);
  });
}
