// Splits a guard `a and b and c` into the conjuncts that can be tested before choosing a
// message or parameters (hoisted out of the inner loop) and the rest. Hoisting never changes
// which steps are enabled, nor which evaluation errors are raised.

import type * as ast from "../ast/nodes.js";
import type { SymbolRef } from "../check/checked.js";

/** The guard's conjuncts, split into those evaluated early and those evaluated per choice. */
export interface SplitGuard {
  readonly outer: readonly ast.Expr[];
  readonly inner: readonly ast.Expr[];
}

/**
 * Splits `guard` so that `outer` holds no conjunct for which `depends` holds anywhere inside it.
 * A conjunct that may raise an evaluation error moves out only when `alwaysChosen` (there is
 * always at least one choice: parameters range over non-empty types) and every conjunct before
 * it moves out too; so errors and results are exactly those of evaluating per choice, left to
 * right. Message handlers pass false: with no message in flight the guard is never evaluated.
 */
export function splitGuard(
  guard: ast.Expr | undefined,
  symbols: ReadonlyMap<ast.NodeId, SymbolRef>,
  depends: (symbol: SymbolRef) => boolean,
  alwaysChosen: boolean,
): SplitGuard {
  const outer: ast.Expr[] = [];
  const inner: ast.Expr[] = [];
  let prefix = alwaysChosen;
  for (const c of conjuncts(guard)) {
    const free = !someNode(c, (e) => e.kind === "NameExpr" && isDependent(symbols.get(e.id), depends));
    if (free && (prefix || !someNode(c, mayThrow))) outer.push(c);
    else {
      inner.push(c);
      prefix = false;
    }
  }
  return { outer, inner };
}

function isDependent(symbol: SymbolRef | undefined, depends: (symbol: SymbolRef) => boolean): boolean {
  return symbol !== undefined && depends(symbol);
}

/** The conjuncts of `a and (b and c)`, left to right. */
export function conjuncts(e: ast.Expr | undefined): ast.Expr[] {
  if (!e) return [];
  if (e.kind === "BinaryExpr" && e.op === "and") return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

/** Operations that may raise an evaluation error (division, indexing, sequence and set calls). */
function mayThrow(e: ast.Expr): boolean {
  if (e.kind === "BinaryExpr") return e.op === "/" || e.op === "%";
  if (e.kind === "IndexExpr") return true;
  if (e.kind === "CallExpr") return e.callee.name !== "size" && e.callee.name !== "len" && e.callee.name !== "abs";
  return false;
}

/** True when `pred` holds for `e` or any expression inside it. */
export function someNode(e: ast.Expr, pred: (e: ast.Expr) => boolean): boolean {
  if (pred(e)) return true;
  return children(e).some((c) => someNode(c, pred));
}

function children(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case "UnaryExpr":
      return [e.operand];
    case "BinaryExpr":
      return [e.left, e.right];
    case "FieldExpr":
      return [e.target];
    case "IndexExpr":
      return [e.target, e.index];
    case "CallExpr":
      return [...e.args];
    case "SetLit":
    case "SeqLit":
      return [...e.elements];
    case "RecordLit":
      return e.fields.map((f) => f.value);
    case "RangeExpr":
      return [e.low, e.high];
    case "QuantExpr":
      return [e.domain, e.body];
    case "CondExpr":
      return [e.condition, e.then, e.otherwise];
    case "PrimeExpr":
      return [e.operand];
    default:
      return [];
  }
}
