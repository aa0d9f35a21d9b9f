// Shared state of JavaScript code generation: the module being generated (hoisted functions,
// constants, range-error sites, fresh identifiers) and the lexical environment of an expression
// (which state array it reads, `self`, the message being handled, bound locals).

import type * as ast from "../ast/nodes.js";
import type { CheckedSpec, SymbolRef } from "../check/checked.js";
import type { SetType, Type } from "../check/types.js";
import { typeToString } from "../check/types.js";
import { domainSize } from "./flat-value.js";
import { type NodeNamer } from "./readable-value.js";
import type { FamilyLayout, Layout } from "./layout.js";
import type { MessageCoding } from "./message-codec.js";
import type { RangeSite } from "./runtime.js";
import type { Span } from "../diagnostics/diagnostic.js";

/** The generated module: hoisted functions and constant tables, in creation order. */
export class CodeModule {
  private readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  readonly sites: RangeSite[] = [];
  private readonly siteIndex = new Map<string, number>();
  private counter = 0;

  /** A new identifier `${prefix}${n}`, unique within the module. */
  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** Adds a top-level function declaration. */
  addFunction(source: string): void {
    this.functions.push(source);
  }

  /** An identifier bound to `value` in the module (`K3`). */
  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  /** The index of the range-error site (target text, type, where), shared between equal sites. */
  site(target: string, type: Type | string, span: Span | undefined): number {
    const typeText = typeof type === "string" ? type : typeToString(type);
    const key = `${target}\u0000${typeText}\u0000${span?.start ?? -1}:${span?.end ?? -1}`;
    let index = this.siteIndex.get(key);
    if (index === undefined) {
      index = this.sites.length;
      this.sites.push(span === undefined ? { target, type: typeText } : { target, type: typeText, span });
      this.siteIndex.set(key, index);
    }
    return index;
  }

  /** All hoisted functions, in the order they were added. */
  functionsSource(): string {
    return this.functions.join("\n");
  }
}

/** What code generation for one spec needs. */
export interface CompileContext {
  readonly checked: CheckedSpec;
  readonly layout: Layout;
  readonly mod: CodeModule;
  readonly name: NodeNamer;
}

/** The node a body runs on: JS names of its family index, global id and block base slot. */
export interface SelfRef {
  readonly family: FamilyLayout;
  readonly idx: string;
  readonly gid: string;
  readonly base: string;
}

/** The sender of the message being handled: JS names of its family index and global id. */
export interface SenderRef {
  readonly family: FamilyLayout;
  readonly idx: string;
  readonly gid: string;
}

/** The message being handled: its coding and the JS name of its field ordinal. */
export interface BinderRef {
  readonly coding: MessageCoding;
  readonly ord: string;
}

/** A local (param, let, bound variable): its JS name and type. */
export interface Local {
  readonly js: string;
  readonly type: Type;
}

/** The environment an expression is compiled in. */
export interface Env {
  readonly cx: CompileContext;
  /** JS name of the state array that variable reads use: `s` (guards), `n` (bodies). */
  readonly state: string;
  /** JS name of the next state for primed expressions (transition properties). */
  readonly prime: string | undefined;
  readonly self: SelfRef | undefined;
  readonly binder: BinderRef | undefined;
  readonly sender: SenderRef | undefined;
  /** Locals by the id of their declaring node (Param, LetStmt, bound Ident). */
  readonly locals: ReadonlyMap<ast.NodeId, Local>;
  /** Every JS identifier in scope, passed on to hoisted functions (quantifiers). */
  readonly names: readonly string[];
}

/** A new environment that reads `state`; `names` starts with the state arrays. */
export function createEnv(cx: CompileContext, state: string, prime?: string): Env {
  return {
    cx,
    state,
    prime,
    self: undefined,
    binder: undefined,
    sender: undefined,
    locals: new Map(),
    names: prime === undefined ? [state] : [state, prime],
  };
}

/** The same environment reading state array `state` (a body's `n` instead of a guard's `s`). */
export function withState(env: Env, state: string): Env {
  return { ...env, state, names: env.names.map((x) => (x === env.state ? state : x)) };
}

export function withSelf(env: Env, self: SelfRef): Env {
  return { ...env, self, names: [...env.names, self.idx, self.gid, self.base] };
}

export function withMessage(env: Env, binder: BinderRef, sender: SenderRef): Env {
  return { ...env, binder, sender, names: [...env.names, binder.ord, sender.idx, sender.gid] };
}

export function withLocal(env: Env, id: ast.NodeId, local: Local): Env {
  const locals = new Map(env.locals);
  locals.set(id, local);
  return { ...env, locals, names: [...env.names, local.js] };
}

/** The checked type of an expression (an internal error if the checker left it out). */
export function typeOf(env: Env, e: ast.Expr): Type {
  const type = env.cx.checked.types.get(e.id);
  if (type === undefined) throw new Error(`internal: no type for ${e.kind} #${e.id}`);
  return type;
}

/** What a NameExpr refers to (an internal error if the checker left it out). */
export function symbolOf(env: Env, e: ast.NameExpr): SymbolRef {
  const symbol = env.cx.checked.symbols.get(e.id);
  if (symbol === undefined) throw new Error(`internal: unresolved name \`${e.name}\` #${e.id}`);
  return symbol;
}

/** How a set value is held: bit b stands for the element with ordinal b; ints start at `low`. */
export interface SetRep {
  readonly elem: Type;
  readonly low: number;
  /** Number of possible elements (bits). */
  readonly n: number;
}

/** The representation of a set type; sets of unbounded ints are held as 0..30. */
export function repOf(type: SetType): SetRep {
  const elem = type.element;
  if (elem.kind === "int") {
    if (!Number.isFinite(elem.low) || !Number.isFinite(elem.high)) return { elem, low: 0, n: 31 };
    return { elem, low: elem.low, n: Math.min(31, elem.high - elem.low + 1) };
  }
  return { elem, low: 0, n: Math.min(31, domainSize(elem)) };
}

/** `a + b` with numeric constants folded. */
export function addOffset(a: string, b: number | string): string {
  if (typeof b === "number") {
    if (b === 0) return a;
    if (/^-?\d+$/.test(a)) return String(Number(a) + b);
    return `${a} + ${b}`;
  }
  if (a === "0") return b;
  return `${a} + ${b}`;
}
