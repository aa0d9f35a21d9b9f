// Short source-like text of an expression, for diagnostic messages ("`x + 1` has type bool").
// Not a round-tripping printer (that is ast/print.ts): long expressions are elided.

import type * as ast from "../ast/nodes.js";

const MAX_LENGTH = 40;

/** The expression as the user would write it, elided with `...` past 40 characters. */
export function exprText(expr: ast.Expr): string {
  const text = render(expr);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}

function render(e: ast.Expr): string {
  switch (e.kind) {
    case "IntLit":
      return String(e.value);
    case "BoolLit":
      return String(e.value);
    case "NameExpr":
      return e.name;
    case "SelfExpr":
      return "self";
    case "NowExpr":
      return "now";
    case "UnaryExpr":
      return e.op === "not"
        ? `not ${wrap(e.operand, precedence(e), false)}`
        : `-${wrap(e.operand, precedence(e), false)}`;
    case "BinaryExpr": {
      const rightAssoc = e.op === "implies";
      const left = wrap(e.left, precedence(e), rightAssoc);
      const right = wrap(e.right, precedence(e), !rightAssoc);
      return `${left} ${e.op === "notin" ? "not in" : e.op} ${right}`;
    }
    case "FieldExpr":
      return `${wrap(e.target, 9, false)}.${e.field.name}`;
    case "IndexExpr":
      return `${wrap(e.target, 9, false)}[${render(e.index)}]`;
    case "CallExpr":
      return `${e.callee.name}(${e.args.map(render).join(", ")})`;
    case "SetLit":
      return `{${e.elements.map(render).join(", ")}}`;
    case "SeqLit":
      return `[${e.elements.map(render).join(", ")}]`;
    case "RecordLit":
      return `{ ${e.fields.map((f) => `${f.name.name}: ${render(f.value)}`).join(", ")} }`;
    case "RangeExpr":
      return `${render(e.low)}..${render(e.high)}`;
    case "QuantExpr":
      return `${e.quantifier} ${e.names.map((n) => n.name).join(", ")} in ${render(e.domain)}: ${render(e.body)}`;
    case "CondExpr":
      return `if ${render(e.condition)} then ${render(e.then)} else ${render(e.otherwise)}`;
    case "PrimeExpr":
      return `${wrap(e.operand, 9, false)}'`;
  }
}

/** Renders `child` of an operator with precedence `parent`, in parentheses where needed. */
function wrap(child: ast.Expr, parent: number, strictSide: boolean): string {
  const own = precedence(child);
  const text = render(child);
  return own < parent || (own === parent && strictSide) ? `(${text})` : text;
}

/** Binding strength, loosest 0 (quantifiers, conditionals) to 10 (primaries). */
function precedence(e: ast.Expr): number {
  switch (e.kind) {
    case "QuantExpr":
    case "CondExpr":
    case "RangeExpr":
      return 0;
    case "UnaryExpr":
      return e.op === "not" ? 4 : 8;
    case "BinaryExpr":
      return BINARY_PRECEDENCE[e.op];
    case "FieldExpr":
    case "IndexExpr":
    case "PrimeExpr":
      return 9;
    default:
      return 10;
  }
}

const BINARY_PRECEDENCE: Readonly<Record<ast.BinaryOp, number>> = {
  implies: 1,
  or: 2,
  and: 3,
  "==": 5,
  "!=": 5,
  "<": 5,
  "<=": 5,
  ">": 5,
  ">=": 5,
  in: 5,
  notin: 5,
  "+": 6,
  "-": 6,
  "*": 7,
  "/": 7,
  "%": 7,
};
