// The abstract syntax tree of a spec: node unions discriminated on `kind`. Every node has a
// numeric `id` (unique within one parse, assigned in source order) and a `span`.
// Built by syntax/to-ast.ts, printed back to source by ast/print.ts, read by check/ and compile/.

import type { Span } from "../diagnostics/diagnostic.js";

export type NodeId = number;

interface Base {
  readonly id: NodeId;
  readonly span: Span;
}

/** A name as written, with its own span (for carets under just the name). */
export interface Ident extends Base {
  readonly kind: "Ident";
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Spec and declarations
// ---------------------------------------------------------------------------------------------

export interface Spec extends Base {
  readonly kind: "Spec";
  /** `spec Name` header; optional. */
  readonly name: Ident | undefined;
  readonly decls: readonly Decl[];
}

export type Decl =
  | ConstDecl
  | EnumDecl
  | TypeDecl
  | MessageDecl
  | NodeDecl
  | VarDecl
  | ActionDecl
  | NetworkDecl
  | FaultsDecl
  | ClockDecl
  | EffectDecl
  | HistoryDecl
  | PropertyDecl
  | EndDecl;

/** `const N = 3`. The value is a constant expression (int or bool); `--const N=5` overrides it. */
export interface ConstDecl extends Base {
  readonly kind: "ConstDecl";
  readonly name: Ident;
  readonly value: Expr;
}

/** `enum Role { Follower, Candidate, Leader }` */
export interface EnumDecl extends Base {
  readonly kind: "EnumDecl";
  readonly name: Ident;
  readonly members: readonly Ident[];
}

/** `type Term = 0..MAX_TERM` */
export interface TypeDecl extends Base {
  readonly kind: "TypeDecl";
  readonly name: Ident;
  readonly type: TypeExpr;
}

/** `message Vote { term: Term }` or `message Commit` (no fields). */
export interface MessageDecl extends Base {
  readonly kind: "MessageDecl";
  readonly name: Ident;
  readonly fields: readonly FieldDecl[];
}

export interface FieldDecl extends Base {
  readonly kind: "FieldDecl";
  readonly name: Ident;
  readonly type: TypeExpr;
}

/**
 * `node Server[N] symmetric { ... }` or `node TM { ... }` (a family of one: `count` undefined).
 * Members are vars, handlers and actions (ActionDecl with node scope).
 */
export interface NodeDecl extends Base {
  readonly kind: "NodeDecl";
  readonly name: Ident;
  readonly count: Expr | undefined;
  readonly symmetric: boolean;
  readonly members: readonly NodeMember[];
}

export type NodeMember = VarDecl | HandlerDecl | ActionDecl;

/**
 * `var x: T = init` or `durable var x: T = init`; `= init` may be left out (the type's default:
 * false, the lowest integer of a range, the first enum member, the first node, an empty set or
 * sequence, a map or record of defaults). At the top level a var belongs to the spec (clients,
 * environment); inside a node, to each node of the family.
 */
export interface VarDecl extends Base {
  readonly kind: "VarDecl";
  readonly durable: boolean;
  readonly name: Ident;
  readonly type: TypeExpr;
  readonly init: Expr | undefined;
}

/**
 * `on Vote(m) from v when guard { body }`: delivery of a message (binder and sender optional),
 * or `on timeout when guard { body }` (trigger "timeout", no message).
 * `from v: Server` may name the sender's family; otherwise it is inferred from who sends it.
 */
export interface HandlerDecl extends Base {
  readonly kind: "HandlerDecl";
  /** The message type name, or undefined for `on timeout`. */
  readonly message: Ident | undefined;
  readonly binder: Ident | undefined;
  readonly from: Ident | undefined;
  readonly fromType: Ident | undefined;
  readonly guard: Expr | undefined;
  readonly body: Block;
}

/**
 * `action Name(p: T, q: U) when guard { body }`: a guarded step, one per choice of parameters.
 * Inside a node it is an internal step of each node; at the top level a spec-level action.
 */
export interface ActionDecl extends Base {
  readonly kind: "ActionDecl";
  readonly name: Ident;
  readonly params: readonly Param[];
  readonly guard: Expr | undefined;
  readonly body: Block;
}

export interface Param extends Base {
  readonly kind: "Param";
  readonly name: Ident;
  readonly type: TypeExpr;
}

export type NetworkKind = "unordered" | "ordered" | "duplicating";

/**
 * `network unordered`, `network ordered`, `network unordered duplicating`; each may end with
 * `capacity K` (the most messages in flight, default 8; per link for `ordered`).
 */
export interface NetworkDecl extends Base {
  readonly kind: "NetworkDecl";
  readonly network: NetworkKind;
  readonly capacity: Expr | undefined;
}

export type FaultKind = "drop" | "duplicate" | "partition" | "cut" | "crash" | "skew";

/** `faults { drop <= 2  duplicate <= 1  partition <= 1  cut <= 1  crash <= 1  skew <= 2 }` */
export interface FaultsDecl extends Base {
  readonly kind: "FaultsDecl";
  readonly budgets: readonly FaultBudget[];
}

export interface FaultBudget extends Base {
  readonly kind: "FaultBudget";
  readonly fault: FaultKind;
  readonly bound: Expr;
}

/** `clock ticks <= 5`: a global time 0..5 advanced by `tick` steps; nodes read `now`. */
export interface ClockDecl extends Base {
  readonly kind: "ClockDecl";
  readonly ticks: Expr;
}

/** `effect charge(order: 0..2)`: a recorded side effect; `atmostonce charge` checks it. */
export interface EffectDecl extends Base {
  readonly kind: "EffectDecl";
  readonly name: Ident;
  readonly params: readonly Param[];
}

/**
 * `history kv(key: 0..1, version: 0..3)`: acknowledged writes and observed reads of versioned
 * keys; `ack kv(k, v)` and `observe kv(k, v)` record them; `nolostwrites kv` checks them.
 * Exactly two params: the key (any finite type) and the version (an integer range).
 */
export interface HistoryDecl extends Base {
  readonly kind: "HistoryDecl";
  readonly name: Ident;
  readonly params: readonly Param[];
}

export type PropertyKind = "invariant" | "reachable" | "transition" | "atmostonce" | "nolostwrites";

/**
 * `invariant Name = expr`, `reachable Name = expr`, `transition Name = expr` (may use primes),
 * `atmostonce charge` (target names an effect), `nolostwrites kv` (target names a history).
 * For the last two, `name` is the target and `expr` is undefined.
 */
export interface PropertyDecl extends Base {
  readonly kind: "PropertyDecl";
  readonly property: PropertyKind;
  readonly name: Ident;
  readonly expr: Expr | undefined;
}

/** `end when expr`: states where no step is enabled and expr holds are allowed ends, not deadlocks. */
export interface EndDecl extends Base {
  readonly kind: "EndDecl";
  readonly expr: Expr;
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type TypeExpr = NamedType | RangeType | SetType | MapType | SeqType | RecordType;

/** `bool`, `int`-free: an enum, a node family, an alias, or `bool`. */
export interface NamedType extends Base {
  readonly kind: "NamedType";
  readonly name: Ident;
}

/** `lo..hi` with constant expressions. */
export interface RangeType extends Base {
  readonly kind: "RangeType";
  readonly low: Expr;
  readonly high: Expr;
}

/** `set<T>` */
export interface SetType extends Base {
  readonly kind: "SetType";
  readonly element: TypeExpr;
}

/** `map<K, V>`: total over K; every key holds a value (initially V's default). */
export interface MapType extends Base {
  readonly kind: "MapType";
  readonly key: TypeExpr;
  readonly value: TypeExpr;
}

/** `seq<T, 4>`: sequences of at most 4 elements. */
export interface SeqType extends Base {
  readonly kind: "SeqType";
  readonly element: TypeExpr;
  readonly max: Expr;
}

/** `{ key: 0..1, ver: 0..3 }` */
export interface RecordType extends Base {
  readonly kind: "RecordType";
  readonly fields: readonly FieldDecl[];
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export interface Block extends Base {
  readonly kind: "Block";
  readonly statements: readonly Stmt[];
}

export type Stmt =
  | AssignStmt
  | LetStmt
  | IfStmt
  | ForStmt
  | SendStmt
  | BroadcastStmt
  | ReplyStmt
  | EffectStmt
  | AckStmt
  | ObserveStmt;

/** `target = value` where target is a name, `x.f`, `m[k]` or a chain of them. */
export interface AssignStmt extends Base {
  readonly kind: "AssignStmt";
  readonly target: Expr;
  readonly value: Expr;
}

/** `let x = e`: a local, immutable, visible to the end of the block. */
export interface LetStmt extends Base {
  readonly kind: "LetStmt";
  readonly name: Ident;
  readonly value: Expr;
}

/** `if c { } else if d { } else { }`; `elseBranch` is a Block or a nested IfStmt. */
export interface IfStmt extends Base {
  readonly kind: "IfStmt";
  readonly condition: Expr;
  readonly then: Block;
  readonly elseBranch: Block | IfStmt | undefined;
}

/** `for x in S { }`: S is a set-valued expression, a range or a finite type name (as an Expr). */
export interface ForStmt extends Base {
  readonly kind: "ForStmt";
  readonly name: Ident;
  readonly domain: Expr;
  readonly body: Block;
}

/** `send Vote { term: t } to dest` */
export interface SendStmt extends Base {
  readonly kind: "SendStmt";
  readonly message: MessageLit;
  readonly to: Expr;
}

/** `broadcast Vote { term: t }` (to every other node of the sender's family) or `... to Family`. */
export interface BroadcastStmt extends Base {
  readonly kind: "BroadcastStmt";
  readonly message: MessageLit;
  readonly to: Ident | undefined;
}

/** `reply Ack { ... }`: send to the sender of the message being handled. */
export interface ReplyStmt extends Base {
  readonly kind: "ReplyStmt";
  readonly message: MessageLit;
}

/** `effect charge(order)` */
export interface EffectStmt extends Base {
  readonly kind: "EffectStmt";
  readonly name: Ident;
  readonly args: readonly Expr[];
}

/** `ack kv(key, version)` */
export interface AckStmt extends Base {
  readonly kind: "AckStmt";
  readonly name: Ident;
  readonly args: readonly Expr[];
}

/** `observe kv(key, version)` */
export interface ObserveStmt extends Base {
  readonly kind: "ObserveStmt";
  readonly name: Ident;
  readonly args: readonly Expr[];
}

/** `Vote { term: t }` or `Commit` (a message with no fields). */
export interface MessageLit extends Base {
  readonly kind: "MessageLit";
  readonly name: Ident;
  readonly fields: readonly FieldInit[];
}

export interface FieldInit extends Base {
  readonly kind: "FieldInit";
  readonly name: Ident;
  readonly value: Expr;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | IntLit
  | BoolLit
  | NameExpr
  | SelfExpr
  | NowExpr
  | UnaryExpr
  | BinaryExpr
  | FieldExpr
  | IndexExpr
  | CallExpr
  | SetLit
  | SeqLit
  | RecordLit
  | RangeExpr
  | QuantExpr
  | CondExpr
  | PrimeExpr;

export interface IntLit extends Base {
  readonly kind: "IntLit";
  readonly value: number;
}

export interface BoolLit extends Base {
  readonly kind: "BoolLit";
  readonly value: boolean;
}

/**
 * A bare name: a const, var, param, let, binder, enum member, quantified variable, or a node
 * family name (a singleton family's only node, or a family used as a domain: `forall a in Server`).
 */
export interface NameExpr extends Base {
  readonly kind: "NameExpr";
  readonly name: string;
}

export interface SelfExpr extends Base {
  readonly kind: "SelfExpr";
}

/** `now`: the local clock of the current node (global time plus its skew offset). */
export interface NowExpr extends Base {
  readonly kind: "NowExpr";
}

export type UnaryOp = "not" | "-";

export interface UnaryExpr extends Base {
  readonly kind: "UnaryExpr";
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/**
 * Precedence, loosest first: implies (right assoc) < or < and < comparison (==, !=, <, <=, >, >=,
 * in, not in; non-associative) < +, - (sets: union, difference) < *, /, % < unary < postfix.
 */
export type BinaryOp =
  | "implies"
  | "or"
  | "and"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "in"
  | "notin"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";

export interface BinaryExpr extends Base {
  readonly kind: "BinaryExpr";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `e.f`: a record or message field, or a node's variable when `e` is a node id (`a.role`). */
export interface FieldExpr extends Base {
  readonly kind: "FieldExpr";
  readonly target: Expr;
  readonly field: Ident;
}

/** `e[i]`: a map lookup, a sequence element, or `Server[i]` (the node with index i). */
export interface IndexExpr extends Base {
  readonly kind: "IndexExpr";
  readonly target: Expr;
  readonly index: Expr;
}

/** Built-in functions: size, len, head, tail, append, min, max, abs. */
export interface CallExpr extends Base {
  readonly kind: "CallExpr";
  readonly callee: Ident;
  readonly args: readonly Expr[];
}

/** `{a, b}` or `{}` */
export interface SetLit extends Base {
  readonly kind: "SetLit";
  readonly elements: readonly Expr[];
}

/** `[a, b]` or `[]` */
export interface SeqLit extends Base {
  readonly kind: "SeqLit";
  readonly elements: readonly Expr[];
}

/** `{ key: 1, ver: 2 }` (at least one field; `{}` is the empty set). */
export interface RecordLit extends Base {
  readonly kind: "RecordLit";
  readonly fields: readonly FieldInit[];
}

/** `lo..hi` as a value: the set of integers from lo to hi (a quantifier or `for` domain). */
export interface RangeExpr extends Base {
  readonly kind: "RangeExpr";
  readonly low: Expr;
  readonly high: Expr;
}

/** `forall a, b in D: body` / `exists a in D: body` (D: a set, a range, a type or family name). */
export interface QuantExpr extends Base {
  readonly kind: "QuantExpr";
  readonly quantifier: "forall" | "exists";
  readonly names: readonly Ident[];
  readonly domain: Expr;
  readonly body: Expr;
}

/** `if c then a else b` */
export interface CondExpr extends Base {
  readonly kind: "CondExpr";
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

/** `e'`: e evaluated in the next state (transition properties only). */
export interface PrimeExpr extends Base {
  readonly kind: "PrimeExpr";
  readonly operand: Expr;
}

export type AstNode =
  | Spec
  | Decl
  | Ident
  | FieldDecl
  | Param
  | FaultBudget
  | NodeMember
  | TypeExpr
  | Block
  | Stmt
  | MessageLit
  | FieldInit
  | Expr;
