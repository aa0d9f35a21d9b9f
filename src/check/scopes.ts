// Symbol tables: what a name in scope is bound to (Binding), lexical scopes that chain to their
// parent, and "did you mean" suggestions by edit distance. Type information lives elsewhere.

import type * as ast from "../ast/nodes.js";
import type { Span } from "../diagnostics/diagnostic.js";

/** What a name is bound to in a scope, before types are attached. */
export type Binding =
  | { readonly kind: "const"; readonly decl: ast.ConstDecl; readonly order: number }
  | { readonly kind: "enum"; readonly decl: ast.EnumDecl }
  | { readonly kind: "enumMember"; readonly decl: ast.EnumDecl; readonly index: number }
  | { readonly kind: "alias"; readonly decl: ast.TypeDecl }
  | { readonly kind: "family"; readonly decl: ast.NodeDecl }
  | { readonly kind: "specVar"; readonly decl: ast.VarDecl }
  | { readonly kind: "nodeVar"; readonly family: string; readonly decl: ast.VarDecl }
  | { readonly kind: "param"; readonly decl: ast.Param }
  | { readonly kind: "let"; readonly decl: ast.LetStmt }
  | { readonly kind: "binder"; readonly handler: ast.HandlerDecl; readonly ident: ast.Ident }
  | { readonly kind: "sender"; readonly handler: ast.HandlerDecl; readonly ident: ast.Ident }
  | { readonly kind: "bound"; readonly ident: ast.Ident };

/** A noun phrase for a binding, for messages like "`x` is a constant, not a type". */
export function describeBinding(binding: Binding): string {
  switch (binding.kind) {
    case "const":
      return "constant";
    case "enum":
    case "alias":
      return "type";
    case "enumMember":
      return `member of enum ${binding.decl.name.name}`;
    case "family":
      return "node family";
    case "specVar":
      return "spec variable";
    case "nodeVar":
      return "node variable";
    case "param":
      return "parameter";
    case "let":
      return "`let` binding";
    case "binder":
      return "message binder";
    case "sender":
      return "message sender";
    case "bound":
      return "bound variable";
  }
}

/** True for bindings that name a type (usable in type positions and as quantifier domains). */
export function isTypeBinding(binding: Binding): boolean {
  return binding.kind === "enum" || binding.kind === "alias" || binding.kind === "family";
}

interface Entry {
  readonly binding: Binding;
  readonly span: Span;
}

/**
 * A lexical scope: names declared in it, and a parent to fall back to. Declaration order is
 * kept, so suggestions and iteration are deterministic.
 */
export class Scope {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly parent: Scope | undefined = undefined) {}

  /** Declares `name`; returns the span of an earlier declaration in this same scope, if any. */
  declare(name: string, binding: Binding, span: Span): Span | undefined {
    const previous = this.entries.get(name);
    if (previous) return previous.span;
    this.entries.set(name, { binding, span });
    return undefined;
  }

  /** The binding of `name` here or in an enclosing scope. */
  lookup(name: string): Binding | undefined {
    return this.lookupEntry(name)?.binding;
  }

  /** The span where `name` (as seen from here) was declared. */
  declarationSpan(name: string): Span | undefined {
    return this.lookupEntry(name)?.span;
  }

  /** Every visible name, innermost scope first, each once. */
  visibleNames(filter: (binding: Binding) => boolean = () => true): string[] {
    const seen = new Set<string>();
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      for (const [name, entry] of scope.entries) {
        if (!seen.has(name) && filter(entry.binding)) seen.add(name);
      }
    }
    return [...seen];
  }

  private lookupEntry(name: string): Entry | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const entry = scope.entries.get(name);
      if (entry) return entry;
    }
    return undefined;
  }
}
