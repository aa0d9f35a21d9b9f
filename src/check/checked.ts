// CheckedSpec: what the checker hands to compile/. Every name is resolved to a Symbol, every
// expression has a Type, and every constant expression in a type or bound is evaluated.
// The contract between check/ (which builds it) and compile/ (which only reads it).

import type * as ast from "../ast/nodes.js";
import type { Type, EnumType, NodeType } from "./types.js";

/** What a NameExpr (or an assignment target's root name) refers to. */
export type SymbolRef =
  | { readonly kind: "const"; readonly name: string; readonly value: number | boolean }
  | { readonly kind: "enumMember"; readonly type: EnumType; readonly index: number }
  /** A spec-level variable (top-level `var`). */
  | { readonly kind: "specVar"; readonly decl: ast.VarDecl }
  /** A variable of the current node (`role` inside `node Server`). */
  | { readonly kind: "nodeVar"; readonly family: string; readonly decl: ast.VarDecl }
  /** A family name used as a value: a singleton family's only node, or a quantifier domain. */
  | { readonly kind: "family"; readonly type: NodeType }
  /** Enum, range or alias name used as a domain (`forall r in Role`). */
  | { readonly kind: "typeName"; readonly type: Type }
  /** Action or effect parameter. */
  | { readonly kind: "param"; readonly decl: ast.Param }
  | { readonly kind: "let"; readonly decl: ast.LetStmt }
  /** The message binder `m` in `on Vote(m)`. */
  | { readonly kind: "binder"; readonly handler: ast.HandlerDecl }
  /** The sender `v` in `from v`. */
  | { readonly kind: "sender"; readonly handler: ast.HandlerDecl; readonly type: NodeType }
  /** A variable bound by forall/exists or a `for` loop. */
  | { readonly kind: "bound"; readonly binder: ast.Ident; readonly type: Type };

export interface CheckedFamily {
  readonly decl: ast.NodeDecl;
  readonly name: string;
  readonly count: number;
  readonly symmetric: boolean;
  readonly type: NodeType;
  /** Node vars in declaration order, with their resolved types. */
  readonly vars: readonly CheckedVar[];
  readonly handlers: readonly ast.HandlerDecl[];
  readonly actions: readonly CheckedAction[];
}

export interface CheckedVar {
  readonly decl: ast.VarDecl;
  readonly name: string;
  readonly type: Type;
  readonly durable: boolean;
}

export interface CheckedAction {
  readonly decl: ast.ActionDecl;
  readonly name: string;
  /** Parameters with their finite types; the action is one step per combination, in order. */
  readonly params: readonly { readonly name: string; readonly type: Type; readonly decl: ast.Param }[];
}

export interface CheckedMessage {
  readonly decl: ast.MessageDecl;
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: Type }[];
}

export interface CheckedSpec {
  readonly ast: ast.Spec;
  readonly fileName: string;
  /** Constant values after `--const` overrides, by name. */
  readonly constants: ReadonlyMap<string, number | boolean>;
  readonly enums: ReadonlyMap<string, EnumType>;
  /** Node families in declaration order; global node ids number them family by family. */
  readonly families: readonly CheckedFamily[];
  /** Message types in declaration order. */
  readonly messages: readonly CheckedMessage[];
  readonly specVars: readonly CheckedVar[];
  readonly specActions: readonly CheckedAction[];
  readonly network: { readonly kind: ast.NetworkKind; readonly capacity: number };
  /** Budgets of declared faults (0 where not declared). */
  readonly faults: Readonly<Record<ast.FaultKind, number>>;
  /** Global time bound from `clock ticks <= T`; 0 when there is no clock. */
  readonly ticks: number;
  readonly effects: readonly { readonly decl: ast.EffectDecl; readonly name: string; readonly params: readonly Type[] }[];
  readonly histories: readonly { readonly decl: ast.HistoryDecl; readonly name: string; readonly key: Type; readonly version: Type }[];
  readonly properties: readonly ast.PropertyDecl[];
  readonly ends: readonly ast.EndDecl[];
  /** The type of every expression node, by node id. */
  readonly types: ReadonlyMap<ast.NodeId, Type>;
  /** What every NameExpr refers to, by node id. */
  readonly symbols: ReadonlyMap<ast.NodeId, SymbolRef>;
  /** For each handler: the sender family (inferred or annotated), by handler node id. */
  readonly senders: ReadonlyMap<ast.NodeId, NodeType>;
  /** For each MessageLit: the checked message, by node id. */
  readonly messageOf: ReadonlyMap<ast.NodeId, CheckedMessage>;
}
