// The syntax phase: source text -> AST plus FL1xxx diagnostics. Lexes, parses with recovery (every
// syntax error is reported, up to a cap), converts the CST to the AST, and never throws.

import { EOF, type IToken } from "chevrotain";
import { hasErrors, makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import type { Spec } from "../ast/nodes.js";
import { deepestNode } from "../ast/walk.js";
import type { SpecCstNode } from "./cst.generated.js";
import { lex, tokenSpan } from "./lexer.js";
import { MAX_RULE_DEPTH, NestingTooDeep, RULES_PER_NESTING_LEVEL } from "./parser-expressions.js";
import { parser } from "./parser.js";
import { chunkTokens, MAX_DECLARATION_TOKENS } from "./chunks.js";
import { MAX_SYNTAX_ERRORS, resetErrorBudget, toSyntaxDiagnostics, TooManySyntaxErrors } from "./syntax-errors.js";
import { createAstAssembler, type AstAssembler } from "./to-ast.js";

/** The deepest AST accepted (operator chains count one level per operator). */
export const MAX_AST_DEPTH = 256;

export interface ParseResult {
  /**
   * The AST, only when there are no errors; undefined whenever `diagnostics` holds an error.
   * Node ids are 0, 1, 2, ... in walk order (pre-order, source order).
   */
  readonly ast: Spec | undefined;
  /** FL1xxx diagnostics (FL9001 on an internal bug) sorted by span start; spans lie in the text. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses one spec file. Never throws: an internal failure becomes FL9001. Deterministic: the
 * same text and file name give the same result.
 */
export function parse(text: string, fileName: string): ParseResult {
  try {
    return parseOrThrow(text, fileName);
  } catch (error) {
    return { ast: undefined, diagnostics: [failure(error, fileName)] };
  }
}

function parseOrThrow(text: string, fileName: string): ParseResult {
  const lexed = lex(text, fileName);
  const diagnostics = [...lexed.diagnostics];
  const assembler = createAstAssembler(fileName, text);
  const chunks = chunkTokens(lexed.tokens);
  let hasParseErrors = false;
  resetErrorBudget();
  for (const [i, chunk] of chunks.entries()) {
    const following = chunks[i + 1];
    const next = following ? lexed.tokens[following.start] : undefined;
    const tokens = lexed.tokens.slice(chunk.start, chunk.end);
    const parsed = parseChunk(tokens, chunk.isTooLarge, next, fileName, text.length);
    diagnostics.push(...parsed.diagnostics);
    hasParseErrors ||= parsed.diagnostics.length > 0;
    if (parsed.cst) addChunk(assembler, parsed.cst, hasParseErrors);
    if (parsed.isAborted) break;
  }
  const converted = finishAst(assembler, hasParseErrors);
  diagnostics.push(...converted.diagnostics);
  const ast = converted.spec;
  if (ast && diagnostics.length === 0) diagnostics.push(...checkShape(ast, fileName));
  const result = finish(diagnostics, text.length);
  return { ast: hasErrors(result) ? undefined : ast, diagnostics: result };
}

/** Converts a chunk; after parse errors a failure only means recovery left too little to convert. */
function addChunk(assembler: AstAssembler, cst: SpecCstNode, isTolerant: boolean): void {
  try {
    assembler.add(cst, isTolerant);
  } catch (error) {
    if (!isTolerant) throw error;
  }
}

function finishAst(assembler: AstAssembler, isTolerant: boolean): { spec: Spec | undefined; diagnostics: Diagnostic[] } {
  try {
    return assembler.finish();
  } catch (error) {
    if (isTolerant) return { spec: undefined, diagnostics: [] };
    throw error;
  }
}

interface ChunkResult {
  readonly cst: SpecCstNode | undefined;
  readonly diagnostics: Diagnostic[];
  /** Parsing stopped: too many errors or nesting too deep. */
  readonly isAborted: boolean;
}

/**
 * Parses one chunk of whole declarations. `next` is the first token of the next chunk: an error
 * at the chunk's end reports it as found, as a parse of the whole file would.
 */
function parseChunk(
  tokens: IToken[],
  isTooLarge: boolean,
  next: IToken | undefined,
  fileName: string,
  textLength: number,
): ChunkResult {
  const first = tokens[0];
  if (isTooLarge && first) {
    const span = tokenSpan(first, fileName);
    const diagnostic = makeDiagnostic("FL1011", span, { size: tokens.length, limit: MAX_DECLARATION_TOKENS });
    return { cst: undefined, diagnostics: [diagnostic], isAborted: false };
  }
  parser.input = tokens;
  let aborted: Diagnostic | undefined;
  let cst: SpecCstNode | undefined;
  try {
    cst = parser.spec() as SpecCstNode;
  } catch (error) {
    aborted = abortDiagnostic(error, fileName, textLength);
  }
  // A rule that stopped early leaves input behind: not an error of its own when aborted.
  const errors = parser.errors
    .filter((e) => !aborted || e.name !== "NotAllInputParsedException")
    .map((e) => (next && isEof(e.token) ? Object.assign(e, { token: next }) : e));
  parser.input = [];
  const diagnostics = toSyntaxDiagnostics(errors, fileName, textLength);
  return { cst, diagnostics: aborted ? [...diagnostics, aborted] : diagnostics, isAborted: aborted !== undefined };
}

function isEof(token: IToken): boolean {
  return token.tokenType === EOF || Number.isNaN(token.startOffset);
}

/** The diagnostic for an exception that stopped the parser; rethrows one that is a bug. */
function abortDiagnostic(error: unknown, fileName: string, textLength: number): Diagnostic {
  const levels = Math.floor(MAX_RULE_DEPTH / RULES_PER_NESTING_LEVEL);
  if (error instanceof NestingTooDeep) return tooDeep(tokenSpan(error.token, fileName), levels);
  if (error instanceof TooManySyntaxErrors) {
    const span = tokenSpanAtEnd(parser.errors.at(-1)?.token, fileName, textLength);
    return makeDiagnostic("FL1010", span, { limit: MAX_SYNTAX_ERRORS });
  }
  if (isStackOverflow(error)) return tooDeep({ file: fileName, start: 0, end: 0 }, levels);
  throw error;
}

function tokenSpanAtEnd(token: IToken | undefined, fileName: string, textLength: number): Span {
  if (!token || Number.isNaN(token.startOffset)) return { file: fileName, start: textLength, end: textLength };
  return tokenSpan(token, fileName);
}

/** FL1007 for a spec without declarations; FL1009 for an AST too deep for later phases. */
function checkShape(ast: Spec, fileName: string): Diagnostic[] {
  if (ast.decls.length === 0) return [makeDiagnostic("FL1007", { file: fileName, start: 0, end: 0 })];
  const deepest = deepestNode(ast);
  return deepest.depth > MAX_AST_DEPTH ? [tooDeep(deepest.node.span, MAX_AST_DEPTH)] : [];
}

function tooDeep(span: Span, limit: number): Diagnostic {
  return makeDiagnostic("FL1009", span, { limit });
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function failure(error: unknown, fileName: string): Diagnostic {
  const span = { file: fileName, start: 0, end: 0 };
  if (isStackOverflow(error)) return tooDeep(span, Math.floor(MAX_RULE_DEPTH / RULES_PER_NESTING_LEVEL));
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return makeDiagnostic("FL9001", span, { detail: `parse failed: ${detail}` });
}

/** Clamps spans into the text, drops exact duplicates, and sorts by position (stable). */
function finish(diagnostics: readonly Diagnostic[], textLength: number): Diagnostic[] {
  const seen = new Set<string>();
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const span = d.span && clamp(d.span, textLength);
    const key = `${d.code}:${span?.start}:${span?.end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(span ? { ...d, span } : d);
  }
  return result.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

function clamp(span: Span, textLength: number): Span {
  const fix = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.min(textLength, n)) : textLength);
  const start = fix(span.start);
  return { file: span.file, start, end: Math.max(start, fix(span.end)) };
}
