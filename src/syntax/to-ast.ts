// CST -> AST for declarations (types, statements, expressions: to-ast-statements.ts and
// to-ast-expressions.ts): reports misplaced constructs (FL1008), numbers ids in source order,
// and after parse errors converts what it can. Files arrive in chunks of whole declarations.

import type { CstNode, IToken } from "chevrotain";
import { makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import type * as A from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import type * as C from "./cst.generated.js";
import { shorten } from "./lexer.js";
import { Incomplete, one } from "./to-ast-expressions.js";
import { StatementBuilder } from "./to-ast-statements.js";

/** What an item of a spec or a node body turned into. */
type Item =
  | { readonly kind: "header"; readonly name: A.Ident; readonly first: IToken }
  | { readonly kind: "decl"; readonly decl: A.Decl | A.HandlerDecl; readonly first: IToken }
  | undefined;

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/** "a `const` declaration", "an `on` handler": how a misplaced item reads in FL1008. */
function describeItem(first: IToken): string {
  const word = first.image === "durable" ? "durable var" : first.image;
  const what = word === "on" ? "handler" : word === "spec" ? "header" : "declaration";
  return `${article(word)} \`${word}\` ${what}`;
}

class AstBuilder extends StatementBuilder implements C.ICstNodeVisitor<undefined, unknown> {
  private name: A.Ident | undefined;
  private readonly decls: A.Decl[] = [];
  private itemCount = 0;
  /** True after parse errors: skip items that recovery left incomplete. */
  private isTolerant = false;

  constructor(
    fileName: string,
    private readonly text: string,
  ) {
    super(fileName);
    this.validateVisitor();
  }

  /** Converts each item, skipping (when tolerant) those that recovery left incomplete. */
  private items(nodes: readonly C.ItemCstNode[]): Item[] {
    return nodes.map((node) => {
      try {
        return this.item(node.children);
      } catch (error) {
        if (this.isTolerant) return undefined;
        throw error;
      }
    });
  }

  /** Adds the items of one chunk of the file (chunks come in source order). */
  addChunk(cst: C.SpecCstNode, isTolerant: boolean): void {
    this.isTolerant = isTolerant;
    this.spec(cst.children);
  }

  /** The spec of every chunk added so far. */
  finish(): A.Spec {
    const span = { file: this.fileName, start: 0, end: this.text.length };
    return { kind: "Spec", id: 0, span, name: this.name, decls: this.decls };
  }

  /** Adds a chunk's items to the spec being built (see addChunk and finish). */
  spec(c: C.SpecCstChildren): void {
    for (const item of this.items(c.item ?? [])) {
      const isFirst = this.itemCount++ === 0;
      if (item?.kind === "header") {
        if (isFirst) this.name = item.name;
        else this.misplaced(item.first, "the `spec Name` header must come first in the file");
      } else if (item?.decl.kind === "HandlerDecl") {
        this.misplaced(item.first, "handlers (`on Message`, `on timeout`) belong inside a `node` declaration");
      } else if (item) {
        this.decls.push(item.decl);
      }
    }
  }

  private misplaced(first: IToken, note: string): void {
    this.report(this.tokenSpan(first), describeItem(first), note);
  }

  item(c: C.ItemCstChildren): Item {
    if (c.Semicolon) return undefined;
    if (c.specHeader) {
      const header = one(c.specHeader).children;
      return { kind: "header", name: this.specHeader(header), first: one(header.Spec) };
    }
    let node: CstNode | undefined;
    for (const key in c) {
      const child = (c as Record<string, (CstNode | IToken)[]>)[key]![0];
      if (child && "children" in child) node = child;
    }
    if (!node) throw new Incomplete();
    const decl = this.declaration(node);
    return { kind: "decl", decl, first: this.firstToken(node) };
  }

  private declaration(node: CstNode): A.Decl | A.HandlerDecl {
    const method = (this as unknown as Record<string, (c: unknown) => A.Decl | A.HandlerDecl>)[node.name];
    if (typeof method !== "function") throw new Error(`no conversion for rule ${node.name}`);
    return method.call(this, node.children);
  }

  /** The first token of a declaration: every declaration rule starts with a keyword token. */
  private firstToken(node: CstNode): IToken {
    let best: IToken | undefined;
    for (const key in node.children) {
      const child = node.children[key]![0];
      if (child && !("children" in child) && (!best || child.startOffset < best.startOffset)) best = child;
    }
    if (!best) throw new Incomplete();
    return best;
  }

  specHeader(c: C.SpecHeaderCstChildren): A.Ident {
    return this.ident(one(c.Identifier));
  }

  constDecl(c: C.ConstDeclCstChildren): A.ConstDecl {
    const value = this.expression(one(c.expression).children);
    return { kind: "ConstDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), value };
  }

  enumDecl(c: C.EnumDeclCstChildren): A.EnumDecl {
    one(c.RCurly);
    const members = (c.member ?? []).map((t) => this.ident(t));
    return { kind: "EnumDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.name)), members };
  }

  typeDecl(c: C.TypeDeclCstChildren): A.TypeDecl {
    const type = this.typeExpr(one(c.typeExpr).children);
    return { kind: "TypeDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), type };
  }

  messageDecl(c: C.MessageDeclCstChildren): A.MessageDecl {
    if (c.LCurly) one(c.RCurly);
    const fields = c.fieldList ? this.fieldList(one(c.fieldList).children) : [];
    return { kind: "MessageDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), fields };
  }

  nodeDecl(c: C.NodeDeclCstChildren): A.NodeDecl {
    const members: A.NodeMember[] = [];
    for (const item of this.items(c.item ?? [])) {
      if (item?.kind === "header") {
        this.misplaced(item.first, "the `spec Name` header must come first in the file");
      } else if (item?.decl.kind === "VarDecl" || item?.decl.kind === "ActionDecl" || item?.decl.kind === "HandlerDecl") {
        members.push(item.decl);
      } else if (item) {
        this.misplaced(item.first, "a node holds only `var`, `durable var`, `action` and `on` members");
      }
    }
    one(c.RCurly);
    if (c.LBracket) one(c.RBracket);
    const count = c.expression ? this.expression(one(c.expression).children) : undefined;
    const name = this.ident(one(c.Identifier));
    return { kind: "NodeDecl", id: 0, span: this.spanOf(c), name, count, symmetric: c.Symmetric !== undefined, members };
  }

  varDecl(c: C.VarDeclCstChildren): A.VarDecl {
    const type = this.typeExpr(one(c.typeExpr).children);
    const init = c.Equals ? this.expression(one(c.expression).children) : undefined;
    const name = this.ident(one(c.Identifier));
    return { kind: "VarDecl", id: 0, span: this.spanOf(c), durable: c.Durable !== undefined, name, type, init };
  }

  actionDecl(c: C.ActionDeclCstChildren): A.ActionDecl {
    if (c.LParen) one(c.RParen);
    const params = c.paramList ? this.paramList(one(c.paramList).children) : [];
    const guard = c.When ? this.expression(one(c.expression).children) : undefined;
    const body = this.block(one(c.block).children);
    return { kind: "ActionDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), params, guard, body };
  }

  handlerDecl(c: C.HandlerDeclCstChildren): A.HandlerDecl {
    if (c.LParen) one(c.RParen);
    const opt = (tokens: IToken[] | undefined): A.Ident | undefined => (tokens ? this.ident(one(tokens)) : undefined);
    const message = c.Timeout ? undefined : this.ident(one(c.message));
    const guard = c.When ? this.expression(one(c.expression).children) : undefined;
    const body = this.block(one(c.block).children);
    return {
      kind: "HandlerDecl",
      id: 0,
      span: this.spanOf(c),
      message,
      binder: opt(c.binder),
      from: opt(c.sender),
      fromType: opt(c.senderFamily),
      guard,
      body,
    };
  }

  networkDecl(c: C.NetworkDeclCstChildren): A.NetworkDecl {
    const network = c.Ordered ? "ordered" : c.Duplicating ? "duplicating" : "unordered";
    const capacity = c.Capacity ? this.expression(one(c.expression).children) : undefined;
    return { kind: "NetworkDecl", id: 0, span: this.spanOf(c), network, capacity };
  }

  faultsDecl(c: C.FaultsDeclCstChildren): A.FaultsDecl {
    one(c.RCurly);
    const budgets = (c.faultBudget ?? []).map((b) => this.faultBudget(b.children));
    return { kind: "FaultsDecl", id: 0, span: this.spanOf(c), budgets };
  }

  faultBudget(c: C.FaultBudgetCstChildren): A.FaultBudget {
    const fault = one(c.FaultKind).image as A.FaultKind;
    const bound = this.expression(one(c.expression).children);
    return { kind: "FaultBudget", id: 0, span: this.spanOf(c), fault, bound };
  }

  clockDecl(c: C.ClockDeclCstChildren): A.ClockDecl {
    const ticks = this.expression(one(c.expression).children);
    return { kind: "ClockDecl", id: 0, span: this.spanOf(c), ticks };
  }

  effectDecl(c: C.EffectDeclCstChildren): A.EffectDecl {
    if (c.LParen) one(c.RParen);
    const params = c.paramList ? this.paramList(one(c.paramList).children) : [];
    return { kind: "EffectDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), params };
  }

  historyDecl(c: C.HistoryDeclCstChildren): A.HistoryDecl {
    one(c.RParen);
    const params = c.param.map((p) => this.param(p.children));
    return { kind: "HistoryDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), params };
  }

  propertyDecl(c: C.PropertyDeclCstChildren): A.PropertyDecl {
    const keyword = one(c.ExprProperty ?? c.TargetProperty);
    const property = keyword.image as A.PropertyKind;
    const expr = c.ExprProperty ? this.expression(one(c.expression).children) : undefined;
    return { kind: "PropertyDecl", id: 0, span: this.spanOf(c), property, name: this.ident(one(c.Identifier)), expr };
  }

  endDecl(c: C.EndDeclCstChildren): A.EndDecl {
    return { kind: "EndDecl", id: 0, span: this.spanOf(c), expr: this.expression(one(c.expression).children) };
  }

  /** A type written as an expression (`3`, `a.b`): FL1002. */
  protected override notAType(span: Span): void {
    const found = `\`${shorten(this.text.slice(span.start, span.end))}\``;
    this.diagnostics.push(makeDiagnostic("FL1002", span, { expected: "a type", found }));
  }
}

/** Numbers every node in walk order (pre-order, source order): 0, 1, 2, ... */
function assignIds(spec: A.Spec): void {
  let next = 0;
  walk(spec, {
    enter(node) {
      (node as { id: number }).id = next++;
    },
  });
}

/** Builds one spec's AST from the CSTs of its chunks, in source order. */
export interface AstAssembler {
  /** Converts a chunk; `isTolerant` (after parse errors) drops items recovery left incomplete. */
  add(cst: C.SpecCstNode, isTolerant: boolean): void;
  /** The spec with ids numbered 0, 1, 2, ... in walk order, and the FL1002/FL1008 found. */
  finish(): { spec: A.Spec; diagnostics: Diagnostic[] };
}

/** Starts an AST for `text`. Methods throw only on internal bugs (never when tolerant). */
export function createAstAssembler(fileName: string, text: string): AstAssembler {
  const builder = new AstBuilder(fileName, text);
  return {
    add: (cst, isTolerant) => builder.addChunk(cst, isTolerant),
    finish: () => {
      const spec = builder.finish();
      assignIds(spec);
      return { spec, diagnostics: builder.diagnostics };
    },
  };
}
