// Resolves a flat operator chain (`not a + b * c == d`, as the parser reads it) into an expression
// tree by precedence: an iterative shunting-yard, so that long chains cannot overflow the stack.
// Precedence and associativity come from ast/precedence.ts; the printer uses the same table.

import type { Span } from "../diagnostics/diagnostic.js";
import type { Expr, RangeExpr, UnaryOp } from "../ast/nodes.js";
import { infixPrecedence, isNonAssociative, isRightAssociative, Precedence, type InfixOp } from "../ast/precedence.js";

/** A prefix operator token before an operand. */
export interface PrefixOp {
  readonly op: UnaryOp;
  readonly span: Span;
}

/** An operand: its prefix operators (outermost first) and the expression after them. */
export interface Operand {
  readonly prefixes: readonly PrefixOp[];
  readonly expr: Expr;
  /** The operand's text, including any parentheses around it (the expr's own span excludes them). */
  readonly span: Span;
}

export interface Infix {
  readonly op: InfixOp;
  readonly span: Span;
}

export interface OperatorTree {
  readonly expr: Expr;
  /** The whole chain's text, parentheses of the first and last operands included. */
  readonly span: Span;
  /** Every RangeExpr built, outermost last (the caller decides where ranges are allowed). */
  readonly ranges: RangeExpr[];
  /** The operator of each `a < b < c` or `a..b..c`: non-associative operators chained. */
  readonly chained: Infix[];
}

interface Value {
  readonly expr: Expr;
  readonly span: Span;
}

type Pending =
  | { readonly kind: "prefix"; readonly op: UnaryOp; readonly span: Span; readonly level: number }
  | { readonly kind: "infix"; readonly op: InfixOp; readonly span: Span; readonly level: number };

function join(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end };
}

/**
 * Builds the tree for `operands[0] ops[0] operands[1] ... `; `ops.length` must be
 * `operands.length - 1`. Ids are left at 0. Deterministic and iterative.
 */
export function buildOperatorTree(operands: readonly Operand[], ops: readonly Infix[]): OperatorTree {
  const values: Value[] = [];
  const pending: Pending[] = [];
  const ranges: RangeExpr[] = [];
  const chained: Infix[] = [];

  const reduce = (): void => {
    const top = pending.pop()!;
    const right = values.pop()!;
    if (top.kind === "prefix") {
      const span = join(top.span, right.span);
      values.push({ expr: { kind: "UnaryExpr", id: 0, span, op: top.op, operand: right.expr }, span });
      return;
    }
    const left = values.pop()!;
    const span = join(left.span, right.span);
    if (top.op === "..") {
      const range: RangeExpr = { kind: "RangeExpr", id: 0, span, low: left.expr, high: right.expr };
      ranges.push(range);
      values.push({ expr: range, span });
    } else {
      values.push({ expr: { kind: "BinaryExpr", id: 0, span, op: top.op, left: left.expr, right: right.expr }, span });
    }
  };

  operands.forEach((operand, i) => {
    for (const prefix of operand.prefixes) {
      const level = prefix.op === "not" ? Precedence.not : Precedence.negate;
      pending.push({ kind: "prefix", op: prefix.op, span: prefix.span, level });
    }
    values.push({ expr: operand.expr, span: operand.span });
    const infix = ops[i];
    if (infix === undefined) return;
    const level = infixPrecedence(infix.op);
    for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
      const isTighter = top.level > level || (top.level === level && !isRightAssociative(infix.op));
      if (!isTighter) break;
      if (top.kind === "infix" && top.level === level && isNonAssociative(infix.op)) chained.push(infix);
      reduce();
    }
    pending.push({ kind: "infix", op: infix.op, span: infix.span, level });
  });
  while (pending.length > 0) reduce();
  const result = values.pop();
  if (result === undefined || values.length > 0) throw new Error("operator chain is malformed");
  return { expr: result.expr, span: result.span, ranges, chained };
}
