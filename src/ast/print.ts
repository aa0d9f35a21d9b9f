// Prints an AST back to canonical source text: two-space indentation, one declaration or
// statement per line, parentheses only where precedence needs them. `parse(print(ast))` gives
// the same AST up to ids and spans (a property test checks it).

import type * as A from "./nodes.js";
import { infixPrecedence, isNonAssociative, isRightAssociative, Precedence, precedenceOf } from "./precedence.js";

const INDENT = "  ";

/** The canonical source of a spec; ends with a newline. Deterministic. */
export function print(spec: A.Spec): string {
  const parts: string[] = [];
  if (spec.name) parts.push(`spec ${spec.name.name}`);
  let previous: A.Decl | undefined;
  for (const decl of spec.decls) {
    const text = printDecl(decl, "");
    // A blank line around multi-line declarations and between groups of different kinds.
    if (parts.length > 0 && (!previous || previous.kind !== decl.kind || text.includes("\n") || isMultiLine(previous))) {
      parts.push("");
    }
    parts.push(text);
    previous = decl;
  }
  return `${parts.join("\n")}\n`;
}

function isMultiLine(decl: A.Decl): boolean {
  return decl.kind === "NodeDecl" || decl.kind === "ActionDecl";
}

/** One declaration (or node member) at the given indentation, without a trailing newline. */
export function printDecl(decl: A.Decl | A.HandlerDecl, indent: string): string {
  switch (decl.kind) {
    case "ConstDecl":
      return `${indent}const ${decl.name.name} = ${printExpr(decl.value)}`;
    case "EnumDecl": {
      const members = decl.members.map((m) => m.name).join(", ");
      return `${indent}enum ${decl.name.name} ${members === "" ? "{}" : `{ ${members} }`}`;
    }
    case "TypeDecl":
      return `${indent}type ${decl.name.name} = ${printType(decl.type)}`;
    case "MessageDecl":
      return decl.fields.length === 0
        ? `${indent}message ${decl.name.name}`
        : `${indent}message ${decl.name.name} { ${printFields(decl.fields)} }`;
    case "NodeDecl":
      return printNode(decl, indent);
    case "VarDecl": {
      const init = decl.init ? ` = ${printExpr(decl.init)}` : "";
      return `${indent}${decl.durable ? "durable " : ""}var ${decl.name.name}: ${printType(decl.type)}${init}`;
    }
    case "ActionDecl": {
      const params = decl.params.length > 0 ? `(${printParams(decl.params)})` : "";
      return `${indent}action ${decl.name.name}${params}${printGuard(decl.guard)} ${printBlock(decl.body, indent)}`;
    }
    case "HandlerDecl":
      return `${indent}on ${printTrigger(decl)}${printGuard(decl.guard)} ${printBlock(decl.body, indent)}`;
    case "NetworkDecl": {
      const kind = decl.network === "duplicating" ? "unordered duplicating" : decl.network;
      const capacity = decl.capacity ? ` capacity ${printExpr(decl.capacity)}` : "";
      return `${indent}network ${kind}${capacity}`;
    }
    case "FaultsDecl": {
      const budgets = decl.budgets.map((b) => `${b.fault} <= ${printExpr(b.bound)}`).join("  ");
      return budgets === "" ? `${indent}faults {}` : `${indent}faults { ${budgets} }`;
    }
    case "ClockDecl":
      return `${indent}clock ticks <= ${printExpr(decl.ticks)}`;
    case "EffectDecl":
      return `${indent}effect ${decl.name.name}${decl.params.length > 0 ? `(${printParams(decl.params)})` : ""}`;
    case "HistoryDecl":
      return `${indent}history ${decl.name.name}(${printParams(decl.params)})`;
    case "PropertyDecl":
      return decl.expr
        ? `${indent}${decl.property} ${decl.name.name} = ${printExpr(decl.expr)}`
        : `${indent}${decl.property} ${decl.name.name}`;
    case "EndDecl":
      return `${indent}end when ${printExpr(decl.expr)}`;
  }
}

function printNode(node: A.NodeDecl, indent: string): string {
  const count = node.count ? `[${printExpr(node.count)}]` : "";
  const head = `${indent}node ${node.name.name}${count}${node.symmetric ? " symmetric" : ""} {`;
  const lines: string[] = [head];
  node.members.forEach((member, i) => {
    const text = printDecl(member, indent + INDENT);
    const before = node.members[i - 1];
    if (before && (member.kind !== "VarDecl" || before.kind !== "VarDecl")) lines.push("");
    lines.push(text);
  });
  lines.push(`${indent}}`);
  return lines.join("\n");
}

function printTrigger(handler: A.HandlerDecl): string {
  if (!handler.message) return "timeout";
  const binder = handler.binder ? `(${handler.binder.name})` : "";
  const family = handler.fromType ? `: ${handler.fromType.name}` : "";
  const from = handler.from ? ` from ${handler.from.name}${family}` : "";
  return `${handler.message.name}${binder}${from}`;
}

function printGuard(guard: A.Expr | undefined): string {
  return guard ? ` when ${printExpr(guard)}` : "";
}

function printParams(params: readonly A.Param[]): string {
  return params.map((p) => `${p.name.name}: ${printType(p.type)}`).join(", ");
}

function printFields(fields: readonly A.FieldDecl[]): string {
  return fields.map((f) => `${f.name.name}: ${printType(f.type)}`).join(", ");
}

/** A type expression. */
export function printType(type: A.TypeExpr): string {
  switch (type.kind) {
    case "NamedType":
      return type.name.name;
    case "RangeType":
      return `${printExpr(type.low, Precedence.additive)}..${printExpr(type.high, Precedence.additive)}`;
    case "SetType":
      return `set<${printType(type.element)}>`;
    case "MapType":
      return `map<${printType(type.key)}, ${printType(type.value)}>`;
    case "SeqType":
      return `seq<${printType(type.element)}, ${printExpr(type.max, Precedence.additive)}>`;
    case "RecordType":
      return type.fields.length === 0 ? "{}" : `{ ${printFields(type.fields)} }`;
  }
}

/** A block: `{`, one statement per line one level deeper, `}` at `indent`. */
function printBlock(block: A.Block, indent: string): string {
  if (block.statements.length === 0) return "{}";
  const inner = indent + INDENT;
  return `{\n${block.statements.map((s) => printStmt(s, inner)).join("\n")}\n${indent}}`;
}

/** One statement at the given indentation. */
export function printStmt(stmt: A.Stmt, indent: string): string {
  switch (stmt.kind) {
    case "AssignStmt":
      return `${indent}${printExpr(stmt.target, Precedence.postfix)} = ${printExpr(stmt.value)}`;
    case "LetStmt":
      return `${indent}let ${stmt.name.name} = ${printExpr(stmt.value)}`;
    case "IfStmt":
      return `${indent}${printIf(stmt, indent)}`;
    case "ForStmt":
      return `${indent}for ${stmt.name.name} in ${printDomain(stmt.domain)} ${printBlock(stmt.body, indent)}`;
    case "SendStmt":
      return `${indent}send ${printMessage(stmt.message)} to ${printExpr(stmt.to)}`;
    case "BroadcastStmt":
      return `${indent}broadcast ${printMessage(stmt.message)}${stmt.to ? ` to ${stmt.to.name}` : ""}`;
    case "ReplyStmt":
      return `${indent}reply ${printMessage(stmt.message)}`;
    case "EffectStmt":
      return `${indent}effect ${stmt.name.name}(${printArgs(stmt.args)})`;
    case "AckStmt":
      return `${indent}ack ${stmt.name.name}(${printArgs(stmt.args)})`;
    case "ObserveStmt":
      return `${indent}observe ${stmt.name.name}(${printArgs(stmt.args)})`;
  }
}

function printIf(stmt: A.IfStmt, indent: string): string {
  const head = `if ${printExpr(stmt.condition)} ${printBlock(stmt.then, indent)}`;
  const otherwise = stmt.elseBranch;
  if (!otherwise) return head;
  if (otherwise.kind === "IfStmt") return `${head} else ${printIf(otherwise, indent)}`;
  return `${head} else ${printBlock(otherwise, indent)}`;
}

function printMessage(message: A.MessageLit): string {
  if (message.fields.length === 0) return message.name.name;
  return `${message.name.name} { ${printFieldInits(message.fields)} }`;
}

function printFieldInits(fields: readonly A.FieldInit[]): string {
  return fields.map((f) => `${f.name.name}: ${printExpr(f.value)}`).join(", ");
}

function printArgs(args: readonly A.Expr[]): string {
  return args.map((a) => printExpr(a)).join(", ");
}

/** The domain of `for`, `forall` or `exists`: a range prints bare, anything else as usual. */
function printDomain(domain: A.Expr): string {
  return printExpr(domain, Precedence.range);
}

/**
 * An expression, parenthesized when its precedence is looser than `minPrecedence` (the level
 * its position requires; Precedence.open accepts anything).
 */
export function printExpr(expr: A.Expr, minPrecedence: number = Precedence.open): string {
  const text = printBare(expr);
  return precedenceOf(expr) < minPrecedence ? `(${text})` : text;
}

function printBare(expr: A.Expr): string {
  switch (expr.kind) {
    case "IntLit":
      return String(expr.value);
    case "BoolLit":
      return expr.value ? "true" : "false";
    case "NameExpr":
      return expr.name;
    case "SelfExpr":
      return "self";
    case "NowExpr":
      return "now";
    case "UnaryExpr":
      return expr.op === "not"
        ? `not ${printExpr(expr.operand, Precedence.not)}`
        : `-${printExpr(expr.operand, Precedence.negate)}`;
    case "BinaryExpr":
      return printInfix(expr.op, expr.left, expr.right);
    case "RangeExpr":
      return printInfix("..", expr.low, expr.high);
    case "FieldExpr":
      return `${printExpr(expr.target, Precedence.postfix)}.${expr.field.name}`;
    case "IndexExpr":
      return `${printExpr(expr.target, Precedence.postfix)}[${printExpr(expr.index)}]`;
    case "PrimeExpr":
      return `${printExpr(expr.operand, Precedence.postfix)}'`;
    case "CallExpr":
      return `${expr.callee.name}(${printArgs(expr.args)})`;
    case "SetLit":
      return `{${printArgs(expr.elements)}}`;
    case "SeqLit":
      return `[${printArgs(expr.elements)}]`;
    case "RecordLit":
      return `{ ${printFieldInits(expr.fields)} }`;
    case "QuantExpr": {
      const names = expr.names.map((n) => n.name).join(", ");
      return `${expr.quantifier} ${names} in ${printDomain(expr.domain)}: ${printExpr(expr.body)}`;
    }
    case "CondExpr": {
      // The condition and the then-branch are closed by keywords, but an open form there reads badly.
      const condition = printExpr(expr.condition, Precedence.implies);
      const then = printExpr(expr.then, Precedence.implies);
      return `if ${condition} then ${then} else ${printExpr(expr.otherwise)}`;
    }
  }
}

function printInfix(op: A.BinaryOp | "..", left: A.Expr, right: A.Expr): string {
  const level = infixPrecedence(op);
  const isRight = isRightAssociative(op);
  const isNone = isNonAssociative(op);
  const leftMin = isRight || isNone ? level + 1 : level;
  const rightMin = isRight ? level : level + 1;
  const text = op === "notin" ? "not in" : op;
  const sep = op === ".." ? "" : " ";
  return `${printExpr(left, leftMin)}${sep}${text}${sep}${printExpr(right, rightMin)}`;
}
