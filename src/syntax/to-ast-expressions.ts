// CST -> AST for expressions (and the shared span and child helpers): resolves operator chains by
// precedence (operators.ts) and reports misplaced ranges and chained comparisons (FL1008).
// The base of AstBuilder in to-ast.ts; ids are left at 0 and numbered there.

import type { CstNode, IToken } from "chevrotain";
import { makeDiagnostic, type Diagnostic, type Note, type Span } from "../diagnostics/diagnostic.js";
import type { Expr, FieldInit, Ident } from "../ast/nodes.js";
import type { InfixOp } from "../ast/precedence.js";
import type * as C from "./cst.generated.js";
import { buildOperatorTree, type Infix, type Operand, type OperatorTree, type PrefixOp } from "./operators.js";
import { parser } from "./parser.js";

/** A required CST child is missing: the parser recovered from an error here. */
export class Incomplete extends Error {
  constructor() {
    super("incomplete syntax tree");
    this.name = "Incomplete";
  }
}

const BaseVisitor = parser.getBaseCstVisitorConstructor<undefined, unknown>();

/** The only child of a required position; throws Incomplete when recovery left it out. */
export function one<T>(items: readonly T[] | undefined): T {
  const item = items?.[0];
  if (item === undefined || (item as { isInsertedInRecovery?: boolean }).isInsertedInRecovery) {
    throw new Incomplete();
  }
  return item;
}

const INFIX_OPS: ReadonlyMap<string, InfixOp> = new Map(
  (["implies", "or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "..", "+", "-", "*", "/", "%"] as const).map(
    (op) => [op, op],
  ),
);

/** One postfix operation, applied to its target by applyPostfix. */
type PostfixStep =
  | { readonly kind: "prime" }
  | { readonly kind: "field"; readonly field: Ident }
  | { readonly kind: "index"; readonly index: Expr };

export abstract class ExpressionBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];

  constructor(protected readonly fileName: string) {
    super();
  }

  // ---- helpers ----

  protected tokenSpan(token: IToken): Span {
    if (token.isInsertedInRecovery || Number.isNaN(token.startOffset)) throw new Incomplete();
    return { file: this.fileName, start: token.startOffset, end: token.startOffset + token.image.length };
  }

  protected cstSpan(node: CstNode): Span {
    const loc = node.location;
    const end = loc?.endOffset;
    if (!loc || end === undefined || !(loc.startOffset >= 0) || !(end >= loc.startOffset)) throw new Incomplete();
    return { file: this.fileName, start: loc.startOffset, end: end + 1 };
  }

  /** The span of all of a CST node's children (tokens and nodes). */
  protected spanOf(children: object): Span {
    let start = Infinity;
    let end = -Infinity;
    for (const key in children) {
      for (const child of (children as Record<string, (CstNode | IToken)[]>)[key]!) {
        let childStart: number;
        let childEnd: number;
        if ("children" in child) {
          // An empty list rule (`()`, `{}`) has no location (NaN, or -1 in chevrotain 13); it
          // adds nothing to the span.
          const loc = child.location;
          if (loc === undefined || !(loc.startOffset >= 0)) continue;
          childStart = loc.startOffset;
          childEnd = (loc.endOffset ?? NaN) + 1;
        } else {
          if (child.isInsertedInRecovery) throw new Incomplete();
          childStart = child.startOffset;
          childEnd = child.startOffset + child.image.length;
        }
        if (!(childStart <= childEnd)) throw new Incomplete();
        if (childStart < start) start = childStart;
        if (childEnd > end) end = childEnd;
      }
    }
    if (start > end) throw new Incomplete();
    return { file: this.fileName, start, end };
  }

  protected join(a: Span, b: Span): Span {
    return { file: this.fileName, start: a.start, end: b.end };
  }

  protected ident(token: IToken): Ident {
    return { kind: "Ident", id: 0, span: this.tokenSpan(token), name: token.image };
  }

  protected report(span: Span, what: string, note: string): void {
    const notes: Note[] = [{ message: note }];
    this.diagnostics.push(makeDiagnostic("FL1008", span, { what }, notes));
  }

  // ---- expressions ----

  /** An expression in which a range `lo..hi` is misplaced (FL1008). */
  expression(c: C.ExpressionCstChildren): Expr {
    return this.chain(c, false).expr;
  }

  /** A domain of `forall`, `exists` or `for`: the whole expression may be a range. */
  protected domain(node: C.ExpressionCstNode): Expr {
    return this.chain(node.children, true).expr;
  }

  /** Resolves the operator chain and reports misplaced ranges and chained comparisons. */
  private chain(c: C.ExpressionCstChildren, isDomain: boolean): OperatorTree {
    const ops = c.op ?? [];
    if (c.prefixed.length !== ops.length + 1) throw new Incomplete();
    const tree = buildOperatorTree(
      c.prefixed.map((p) => this.operand(p.children)),
      ops.map((token) => this.infix(token)),
    );
    this.checkOperators(tree, isDomain);
    return tree;
  }

  private checkOperators(tree: OperatorTree, isDomain: boolean): void {
    for (const infix of tree.chained) {
      const what = infix.op === ".." ? "a chained range" : "a chained comparison";
      this.report(infix.span, what, "comparisons and ranges do not chain: write `a < b and b < c`, or use parentheses");
    }
    for (const range of tree.ranges) {
      if (isDomain && range === tree.expr) continue;
      const note = "ranges are only allowed as types and as the domain of `forall`, `exists` and `for`";
      this.report(range.span, "a range `lo..hi`", note);
    }
  }

  private infix(token: IToken): Infix {
    const span = this.tokenSpan(token);
    if (token.tokenType.name === "Not") return { op: "notin", span };
    const op = INFIX_OPS.get(token.image);
    if (op === undefined) throw new Incomplete();
    return { op, span };
  }

  private operand(c: C.PrefixedCstChildren): Operand {
    const prefixes = (c.prefix ?? []).map((t): PrefixOp => ({
      op: t.image === "not" ? "not" : "-",
      span: this.tokenSpan(t),
    }));
    const postfixNode = one(c.postfix);
    return { prefixes, expr: this.postfix(postfixNode.children), span: this.cstSpan(postfixNode) };
  }

  prefixed(c: C.PrefixedCstChildren): Expr {
    return buildOperatorTree([this.operand(c)], []).expr;
  }

  /** `+ - * / %` only: a range bound in a type, or a `seq` bound. */
  arith(c: C.ArithCstChildren): Expr {
    const ops = c.op ?? [];
    if (c.prefixed.length !== ops.length + 1) throw new Incomplete();
    return buildOperatorTree(
      c.prefixed.map((p) => this.operand(p.children)),
      ops.map((token) => this.infix(token)),
    ).expr;
  }

  postfix(c: C.PostfixCstChildren): Expr {
    const primaryNode = one(c.primary);
    return this.applyPostfix(this.primary(primaryNode.children), this.cstSpan(primaryNode), c.postfixOp ?? []);
  }

  /** Applies `.f`, `[i]` and `'` in order to `target`, whose text starts at `start`. */
  protected applyPostfix(target: Expr, start: Span, ops: readonly C.PostfixOpCstNode[]): Expr {
    let acc = target;
    for (const op of ops) {
      const span = this.join(start, this.cstSpan(op));
      const step = this.postfixOp(op.children);
      if (step.kind === "prime") acc = { kind: "PrimeExpr", id: 0, span, operand: acc };
      else if (step.kind === "field") acc = { kind: "FieldExpr", id: 0, span, target: acc, field: step.field };
      else acc = { kind: "IndexExpr", id: 0, span, target: acc, index: step.index };
    }
    return acc;
  }

  postfixOp(c: C.PostfixOpCstChildren): PostfixStep {
    if (c.Prime) return { kind: "prime" };
    if (c.Dot) return { kind: "field", field: this.ident(one(c.Identifier)) };
    one(c.RBracket);
    return { kind: "index", index: this.expression(one(c.expression).children) };
  }

  primary(c: C.PrimaryCstChildren): Expr {
    const token = c.IntLiteral?.[0] ?? c.True?.[0] ?? c.False?.[0] ?? c.Self?.[0] ?? c.Now?.[0];
    if (token) return this.literal(token);
    if (c.nameOrCall) return this.nameOrCall(one(c.nameOrCall).children);
    if (c.parenExpr) return this.parenExpr(one(c.parenExpr).children);
    if (c.recordLit) return this.recordLit(one(c.recordLit).children);
    if (c.setLit) return this.setLit(one(c.setLit).children);
    if (c.seqLit) return this.seqLit(one(c.seqLit).children);
    if (c.quantExpr) return this.quantExpr(one(c.quantExpr).children);
    if (c.condExpr) return this.condExpr(one(c.condExpr).children);
    throw new Incomplete();
  }

  private literal(token: IToken): Expr {
    const span = this.tokenSpan(token);
    switch (token.tokenType.name) {
      case "IntLiteral":
        return { kind: "IntLit", id: 0, span, value: Number(token.image) };
      case "True":
      case "False":
        return { kind: "BoolLit", id: 0, span, value: token.image === "true" };
      case "Self":
        return { kind: "SelfExpr", id: 0, span };
      default:
        return { kind: "NowExpr", id: 0, span };
    }
  }

  nameOrCall(c: C.NameOrCallCstChildren): Expr {
    const name = one(c.Identifier);
    if (!c.LParen) return { kind: "NameExpr", id: 0, span: this.tokenSpan(name), name: name.image };
    const span = this.join(this.tokenSpan(name), this.tokenSpan(one(c.RParen)));
    return { kind: "CallExpr", id: 0, span, callee: this.ident(name), args: this.argList(one(c.argList).children) };
  }

  argList(c: C.ArgListCstChildren): Expr[] {
    return (c.expression ?? []).map((e) => this.expression(e.children));
  }

  elementList(c: C.ElementListCstChildren): Expr[] {
    return (c.expression ?? []).map((e) => this.expression(e.children));
  }

  parenExpr(c: C.ParenExprCstChildren): Expr {
    one(c.RParen);
    return this.expression(one(c.expression).children);
  }

  /** The span from a token to the end of a CST node or token. */
  protected from(first: IToken, last: CstNode | IToken): Span {
    const end = "children" in last ? this.cstSpan(last) : this.tokenSpan(last);
    return this.join(this.tokenSpan(first), end);
  }

  recordLit(c: C.RecordLitCstChildren): Expr {
    const span = this.from(one(c.LCurly), one(c.RCurly));
    return { kind: "RecordLit", id: 0, span, fields: c.fieldInit.map((f) => this.fieldInit(f.children)) };
  }

  fieldInit(c: C.FieldInitCstChildren): FieldInit {
    const valueNode = one(c.expression);
    const name = one(c.Identifier);
    const span = this.from(name, valueNode);
    return { kind: "FieldInit", id: 0, span, name: this.ident(name), value: this.expression(valueNode.children) };
  }

  setLit(c: C.SetLitCstChildren): Expr {
    const span = this.from(one(c.LCurly), one(c.RCurly));
    return { kind: "SetLit", id: 0, span, elements: this.elementList(one(c.elementList).children) };
  }

  seqLit(c: C.SeqLitCstChildren): Expr {
    const span = this.from(one(c.LBracket), one(c.RBracket));
    return { kind: "SeqLit", id: 0, span, elements: this.elementList(one(c.elementList).children) };
  }

  quantExpr(c: C.QuantExprCstChildren): Expr {
    const span = this.from(one(c.Quantifier), one(c.body));
    const quantifier = one(c.Quantifier).image === "forall" ? "forall" : "exists";
    const names = c.Identifier.map((t) => this.ident(t));
    const domain = this.domain(one(c.domain));
    const body = this.expression(one(c.body).children);
    return { kind: "QuantExpr", id: 0, span, quantifier, names, domain, body };
  }

  condExpr(c: C.CondExprCstChildren): Expr {
    const span = this.from(one(c.If), one(c.otherwise));
    const condition = this.expression(one(c.condition).children);
    const then = this.expression(one(c.then).children);
    const otherwise = this.expression(one(c.otherwise).children);
    return { kind: "CondExpr", id: 0, span, condition, then, otherwise };
  }
}
