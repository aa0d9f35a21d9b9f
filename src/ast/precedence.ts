// Operator precedence and associativity of the expression language, shared by the parser's
// operator resolution (syntax/operators.ts) and the printer (ast/print.ts), so they cannot disagree.

import type { BinaryOp, Expr } from "./nodes.js";

/** Binding strength, loosest first; a node binds its operands at its own level or tighter. */
export const Precedence = {
  /** `forall`, `exists`, `if then else`: they extend as far right as possible. */
  open: 0,
  implies: 1,
  or: 2,
  and: 3,
  /** Prefix `not`: looser than comparison, so `not a == b` is `not (a == b)`. */
  not: 4,
  comparison: 5,
  range: 6,
  additive: 7,
  multiplicative: 8,
  /** Prefix `-`. */
  negate: 9,
  postfix: 10,
  primary: 11,
} as const;

/** The binary operators and `..` (which builds a RangeExpr). */
export type InfixOp = BinaryOp | "..";

/** The precedence level of a binary operator or `..`. */
export function infixPrecedence(op: InfixOp): number {
  switch (op) {
    case "implies":
      return Precedence.implies;
    case "or":
      return Precedence.or;
    case "and":
      return Precedence.and;
    case "..":
      return Precedence.range;
    case "+":
    case "-":
      return Precedence.additive;
    case "*":
    case "/":
    case "%":
      return Precedence.multiplicative;
    default:
      return Precedence.comparison;
  }
}

/** `implies` groups to the right: `a implies b implies c` is `a implies (b implies c)`. */
export function isRightAssociative(op: InfixOp): boolean {
  return op === "implies";
}

/** Comparisons and `..` do not chain: `a < b < c` is an error. */
export function isNonAssociative(op: InfixOp): boolean {
  const level = infixPrecedence(op);
  return level === Precedence.comparison || level === Precedence.range;
}

/** The precedence level of an expression node (how tightly it holds together when printed). */
export function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case "QuantExpr":
    case "CondExpr":
      return Precedence.open;
    case "BinaryExpr":
      return infixPrecedence(expr.op);
    case "RangeExpr":
      return Precedence.range;
    case "UnaryExpr":
      return expr.op === "not" ? Precedence.not : Precedence.negate;
    case "FieldExpr":
    case "IndexExpr":
    case "PrimeExpr":
      return Precedence.postfix;
    default:
      return Precedence.primary;
  }
}
