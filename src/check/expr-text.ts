// Short source-like text of an expression, for diagnostic messages ("`x + 1` has type bool"):
// ast/print.ts's canonical printing, elided past 40 characters.

import type * as ast from "../ast/nodes.js";
import { printExpr } from "../ast/print.js";

const MAX_LENGTH = 40;

/** The expression as the user would write it, elided with `...` past 40 characters. */
export function exprText(expr: ast.Expr): string {
  const text = printExpr(expr);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}
