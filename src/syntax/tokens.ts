// The token vocabulary of the Faultline language: keywords, identifiers, integers, operators and
// comments, as chevrotain token types. Lexing itself (and its diagnostics) is in lexer.ts.

import { createToken, Lexer, type TokenType } from "chevrotain";

/** What a keyword is for; drives the editor grammar's colouring (grammar/*.tmLanguage.json). */
export type KeywordKind =
  | "declaration"
  | "control"
  | "statement"
  | "setting"
  | "operator"
  | "constant"
  | "variable"
  | "type";

/**
 * Every reserved word with its kind, in the order of the language reference. A reserved word
 * can never be used as a name. The token for `atmostonce` is named `Atmostonce` (capitalized text).
 */
export const KEYWORD_KINDS = {
  spec: "declaration",
  const: "declaration",
  enum: "declaration",
  type: "declaration",
  message: "declaration",
  node: "declaration",
  symmetric: "declaration",
  var: "declaration",
  durable: "declaration",
  on: "control",
  from: "control",
  when: "control",
  timeout: "control",
  action: "declaration",
  network: "declaration",
  unordered: "setting",
  ordered: "setting",
  duplicating: "setting",
  capacity: "setting",
  faults: "declaration",
  drop: "setting",
  duplicate: "setting",
  partition: "setting",
  cut: "setting",
  crash: "setting",
  skew: "setting",
  clock: "declaration",
  ticks: "setting",
  effect: "declaration",
  history: "declaration",
  invariant: "declaration",
  reachable: "declaration",
  transition: "declaration",
  atmostonce: "declaration",
  nolostwrites: "declaration",
  end: "declaration",
  if: "control",
  else: "control",
  for: "control",
  in: "operator",
  let: "statement",
  send: "statement",
  to: "statement",
  broadcast: "statement",
  reply: "statement",
  ack: "statement",
  observe: "statement",
  forall: "control",
  exists: "control",
  then: "control",
  true: "constant",
  false: "constant",
  not: "operator",
  and: "operator",
  or: "operator",
  implies: "operator",
  self: "variable",
  now: "variable",
  set: "type",
  map: "type",
  seq: "type",
  bool: "type",
} as const satisfies Record<string, KeywordKind>;

export type Keyword = keyof typeof KEYWORD_KINDS;

/** The reserved words, in the order of KEYWORD_KINDS. */
export const KEYWORDS = Object.keys(KEYWORD_KINDS) as Keyword[];

// ---- skipped and grouped tokens ----

export const Whitespace = createToken({
  name: "Whitespace",
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\n\r]*/,
  group: Lexer.SKIPPED,
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
});
/** `/*` never closed: kept in its own group so that the lexer can report FL1004. */
export const UnterminatedComment = createToken({
  name: "UnterminatedComment",
  pattern: /\/\*[\s\S]*/,
  group: "unterminated",
});

/**
 * Characters that start no token (and a `!` without `=`): a token of their own, lexed last, so
 * that the lexer never enters chevrotain's slow character-by-character error recovery. The lexer
 * reports them as FL1001 and drops them.
 */
export const InvalidCharacters = createToken({
  name: "InvalidCharacters",
  pattern: /[^A-Za-z0-9_ \t\r\n\f\v\uFEFF=<>+\-*\/%.,:;{}()[\]'!]+|!/,
  group: "invalid",
  // A complement set defeats chevrotain's first-character optimization unless the start
  // characters are listed: every UTF-16 code unit that starts no other token, and `!`.
  start_chars_hint: invalidStartCodes(),
});

function invalidStartCodes(): number[] {
  const valid = /[A-Za-z0-9_ \t\r\n\f\v\uFEFF=<>+\-*\/%.,:;{}()[\]']/;
  const codes: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (!valid.test(String.fromCharCode(code))) codes.push(code);
  }
  return codes;
}

// ---- names and literals ----

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: "a name",
});
export const IntLiteral = createToken({ name: "IntLiteral", pattern: /[0-9]+/, label: "an integer" });

// ---- categories: one CONSUME matches any member, and CST children keep the members in order ----

/** Every keyword (for "`in` is a reserved word" notes). */
export const KeywordCategory = createToken({ name: "Keyword", pattern: Lexer.NA });
/** Every binary operator: `implies or and == != < <= > >= in .. + - * / %` (`not in` is two tokens). */
export const BinaryOp = createToken({ name: "BinaryOp", pattern: Lexer.NA, label: "an operator" });
/** `+ - * / %`: the operators allowed in type bounds (`0..N+1`, `seq<T, 2*N>`). */
export const ArithOp = createToken({ name: "ArithOp", pattern: Lexer.NA, label: "an arithmetic operator" });
/** `drop`, `duplicate`, `partition`, `cut`, `crash`, `skew`. */
export const FaultKindToken = createToken({ name: "FaultKind", pattern: Lexer.NA, label: "a fault" });
/** `invariant`, `reachable`, `transition`: properties with an expression. */
export const ExprPropertyToken = createToken({ name: "ExprProperty", pattern: Lexer.NA, label: "a property" });
/** `atmostonce`, `nolostwrites`: properties that name an effect or a history. */
export const TargetPropertyToken = createToken({
  name: "TargetProperty",
  pattern: Lexer.NA,
  label: "a property",
});
/** `forall` and `exists`. */
export const QuantifierToken = createToken({ name: "Quantifier", pattern: Lexer.NA, label: "a quantifier" });

const KEYWORD_CATEGORIES: Partial<Record<Keyword, TokenType[]>> = {
  in: [BinaryOp],
  and: [BinaryOp],
  or: [BinaryOp],
  implies: [BinaryOp],
  drop: [FaultKindToken],
  duplicate: [FaultKindToken],
  partition: [FaultKindToken],
  cut: [FaultKindToken],
  crash: [FaultKindToken],
  skew: [FaultKindToken],
  invariant: [ExprPropertyToken],
  reachable: [ExprPropertyToken],
  transition: [ExprPropertyToken],
  atmostonce: [TargetPropertyToken],
  nolostwrites: [TargetPropertyToken],
  forall: [QuantifierToken],
  exists: [QuantifierToken],
};

const CATEGORIES: readonly TokenType[] = [
  KeywordCategory,
  BinaryOp,
  ArithOp,
  FaultKindToken,
  ExprPropertyToken,
  TargetPropertyToken,
  QuantifierToken,
];

function keywordToken(text: Keyword): TokenType {
  return createToken({
    name: text.charAt(0).toUpperCase() + text.slice(1),
    pattern: new RegExp(text),
    longer_alt: Identifier,
    categories: [KeywordCategory, ...(KEYWORD_CATEGORIES[text] ?? [])],
    label: `\`${text}\``,
  });
}

/** Keyword token types by their text. */
export const KW = Object.fromEntries(KEYWORDS.map((k) => [k, keywordToken(k)])) as Record<
  Keyword,
  TokenType
>;

// ---- operators and punctuation (longer first where one is a prefix of another) ----

function op(name: string, text: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: text, label: `\`${text}\``, categories });
}

export const EqEq = op("EqEq", "==", [BinaryOp]);
export const NotEq = op("NotEq", "!=", [BinaryOp]);
export const LessEq = op("LessEq", "<=", [BinaryOp]);
export const GreaterEq = op("GreaterEq", ">=", [BinaryOp]);
export const Less = op("Less", "<", [BinaryOp]);
export const Greater = op("Greater", ">", [BinaryOp]);
export const Equals = op("Equals", "=");
export const Plus = op("Plus", "+", [BinaryOp, ArithOp]);
export const Minus = op("Minus", "-", [BinaryOp, ArithOp]);
export const Star = op("Star", "*", [BinaryOp, ArithOp]);
export const Slash = op("Slash", "/", [BinaryOp, ArithOp]);
export const Percent = op("Percent", "%", [BinaryOp, ArithOp]);
export const DotDot = op("DotDot", "..", [BinaryOp]);
export const Dot = op("Dot", ".");
export const Comma = op("Comma", ",");
export const Colon = op("Colon", ":");
export const Semicolon = op("Semicolon", ";");
export const LCurly = op("LCurly", "{");
export const RCurly = op("RCurly", "}");
export const LParen = op("LParen", "(");
export const RParen = op("RParen", ")");
export const LBracket = op("LBracket", "[");
export const RBracket = op("RBracket", "]");
export const Prime = op("Prime", "'");

/** Operators and punctuation in lexing order; also the vocabulary of token-soup tests. */
export const OPERATORS: readonly TokenType[] = [
  EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Equals, Plus, Minus, Star, Slash, Percent,
  DotDot, Dot, Comma, Colon, Semicolon, LCurly, RCurly, LParen, RParen, LBracket, RBracket, Prime,
];

/**
 * Every token type in lexing order: the first pattern that matches wins, so comments come before
 * `/`, and keywords come longest first (so that `in` does not claim the start of `invariant`)
 * and before Identifier (`longer_alt` hands `inbox` back to Identifier).
 */
export const allTokens: readonly TokenType[] = [
  Whitespace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  ...CATEGORIES,
  ...[...KEYWORDS].sort((a, b) => b.length - a.length).map((k) => KW[k]),
  Identifier,
  IntLiteral,
  ...OPERATORS,
  InvalidCharacters,
];
