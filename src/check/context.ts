// The mutable state of one `check` run, shared by the declaration, statement and expression
// checkers: collected diagnostics, the result maps of CheckedSpec, and resolved declarations.

import type * as ast from "../ast/nodes.js";
import { makeDiagnostic, type Diagnostic, type Note, type Span } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/codes.js";
import type { CheckedMessage, CheckedVar, SymbolRef } from "./checked.js";
import type { Globals } from "./resolve.js";
import type { Scope } from "./scopes.js";
import type { EnumType, NodeType, Type } from "./types.js";

/** One node family as seen while checking its members. */
export interface FamilyInfo {
  readonly decl: ast.NodeDecl;
  readonly type: NodeType;
  /** Vars by name, in declaration order (duplicates left out). */
  readonly vars: Map<string, CheckedVar>;
  /** The family's vars, nested in the global scope: the scope of its handlers and actions. */
  readonly scope: Scope;
}

/** State of a check run. Maps are filled as checking proceeds; lookups never throw. */
export interface CheckContext {
  readonly diagnostics: Diagnostic[];
  readonly globals: Globals;
  /** Expression types by node id (CheckedSpec.types). */
  readonly types: Map<ast.NodeId, Type>;
  /** NameExpr resolutions by node id (CheckedSpec.symbols). */
  readonly symbols: Map<ast.NodeId, SymbolRef>;
  /** Constant values evaluated so far (after overrides). */
  readonly constants: Map<string, number | boolean>;
  /**
   * While const declarations are evaluated: the order of the one being evaluated, so that a
   * const may refer only to earlier ones. Infinity afterwards.
   */
  constLimit: number;
  readonly enumTypes: Map<string, EnumType>;
  readonly familyInfo: Map<string, FamilyInfo>;
  /** Resolved alias types; `null` while an alias is being resolved (cycle detection). */
  readonly aliasTypes: Map<string, Type | undefined | null>;
  /**
   * Types of declarations by the id of the declaring node: VarDecl, Param, LetStmt, and the
   * Ident of a bound variable or message binder. Undefined where resolution failed.
   */
  readonly declTypes: Map<ast.NodeId, Type | undefined>;
  readonly messages: Map<string, CheckedMessage>;
  /** Sender family of each message handler, by handler id (CheckedSpec.senders). */
  readonly senders: Map<ast.NodeId, NodeType>;
  /** Families that send each message (send, broadcast, reply), in declaration order. */
  readonly sentBy: Map<string, readonly string[]>;
  /** Checked messages for each MessageLit, by node id (CheckedSpec.messageOf). */
  readonly messageOf: Map<ast.NodeId, CheckedMessage>;
}

/** Creates an empty context for `globals`. */
export function createCheckContext(globals: Globals, diagnostics: Diagnostic[]): CheckContext {
  return {
    diagnostics,
    globals,
    types: new Map(),
    symbols: new Map(),
    constants: new Map(),
    constLimit: Infinity,
    enumTypes: new Map(),
    familyInfo: new Map(),
    aliasTypes: new Map(),
    declTypes: new Map(),
    messages: new Map(),
    senders: new Map(),
    sentBy: new Map(),
    messageOf: new Map(),
  };
}

/** Adds a diagnostic from the catalog. */
export function report(
  ctx: CheckContext,
  code: Code,
  span: Span | undefined,
  args: Readonly<Record<string, string | number>> = {},
  notes: readonly Note[] = [],
): void {
  ctx.diagnostics.push(makeDiagnostic(code, span, args, notes));
}

/** A "did you mean" note, or none when there is no suggestion. */
export function didYouMean(suggestion: string | undefined, span?: Span): Note[] {
  if (suggestion === undefined) return [];
  return [span ? { message: `did you mean \`${suggestion}\`?`, span } : { message: `did you mean \`${suggestion}\`?` }];
}

/**
 * Where an expression is checked, which decides what it may use:
 * - `const`: only literals, constants, operators and min/max/abs (types, bounds, const values);
 * - `init`: a var initializer: no variables and no `now`, but `self` inside a node;
 * - `body`: guards and statements of handlers and actions;
 * - `property`: invariants, reachables and `end when` (no `self`, no primes);
 * - `transition`: transition properties (primes allowed).
 */
export type ExprMode = "const" | "init" | "body" | "property" | "transition";

/** What an expression may see: its scope, the node it runs in and the handler, if any. */
export interface ExprEnv {
  readonly scope: Scope;
  readonly mode: ExprMode;
  readonly family: FamilyInfo | undefined;
  /** The message handler being checked (with a message), for `reply` and binders. */
  readonly handler: ast.HandlerDecl | undefined;
  /** Says where a statement is, for FL3012: "a spec-level action", "a handler". */
  readonly where: string;
}

/** The same environment with another scope. */
export function withScope(env: ExprEnv, scope: Scope): ExprEnv {
  return { ...env, scope };
}
