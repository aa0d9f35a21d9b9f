// A generic walker over the AST: visits every node depth-first, children in source order.
// Iterative (an explicit stack), so that deep trees cannot overflow the JavaScript stack.

import type { AstNode } from "./nodes.js";

/** Callbacks for walk(). `enter` may return false to skip the node's children (and its exit). */
export interface Visitor {
  enter?(node: AstNode, parent: AstNode | undefined): boolean | void;
  exit?(node: AstNode, parent: AstNode | undefined): void;
}

function present<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** The direct children of a node, in source order. */
export function childrenOf(node: AstNode): AstNode[] {
  switch (node.kind) {
    case "Spec":
      return [...present(node.name), ...node.decls];
    case "ConstDecl":
      return [node.name, node.value];
    case "EnumDecl":
      return [node.name, ...node.members];
    case "TypeDecl":
      return [node.name, node.type];
    case "MessageDecl":
      return [node.name, ...node.fields];
    case "FieldDecl":
    case "Param":
      return [node.name, node.type];
    case "NodeDecl":
      return [node.name, ...present(node.count), ...node.members];
    case "VarDecl":
      return [node.name, node.type, ...present(node.init)];
    case "HandlerDecl":
      return [
        ...present(node.message),
        ...present(node.binder),
        ...present(node.from),
        ...present(node.fromType),
        ...present(node.guard),
        node.body,
      ];
    case "ActionDecl":
      return [node.name, ...node.params, ...present(node.guard), node.body];
    case "NetworkDecl":
      return present(node.capacity);
    case "FaultsDecl":
      return [...node.budgets];
    case "FaultBudget":
      return [node.bound];
    case "ClockDecl":
      return [node.ticks];
    case "EffectDecl":
    case "HistoryDecl":
      return [node.name, ...node.params];
    case "PropertyDecl":
      return [node.name, ...present(node.expr)];
    case "EndDecl":
      return [node.expr];
    case "NamedType":
      return [node.name];
    case "RangeType":
    case "RangeExpr":
      return [node.low, node.high];
    case "SetType":
      return [node.element];
    case "MapType":
      return [node.key, node.value];
    case "SeqType":
      return [node.element, node.max];
    case "RecordType":
      return [...node.fields];
    case "Block":
      return [...node.statements];
    case "AssignStmt":
      return [node.target, node.value];
    case "LetStmt":
      return [node.name, node.value];
    case "IfStmt":
      return [node.condition, node.then, ...present(node.elseBranch)];
    case "ForStmt":
      return [node.name, node.domain, node.body];
    case "SendStmt":
      return [node.message, node.to];
    case "BroadcastStmt":
      return [node.message, ...present(node.to)];
    case "ReplyStmt":
      return [node.message];
    case "EffectStmt":
    case "AckStmt":
    case "ObserveStmt":
      return [node.name, ...node.args];
    case "MessageLit":
      return [node.name, ...node.fields];
    case "FieldInit":
      return [node.name, node.value];
    case "UnaryExpr":
    case "PrimeExpr":
      return [node.operand];
    case "BinaryExpr":
      return [node.left, node.right];
    case "FieldExpr":
      return [node.target, node.field];
    case "IndexExpr":
      return [node.target, node.index];
    case "CallExpr":
      return [node.callee, ...node.args];
    case "SetLit":
    case "SeqLit":
      return [...node.elements];
    case "RecordLit":
      return [...node.fields];
    case "QuantExpr":
      return [...node.names, node.domain, node.body];
    case "CondExpr":
      return [node.condition, node.then, node.otherwise];
    case "Ident":
    case "IntLit":
    case "BoolLit":
    case "NameExpr":
    case "SelfExpr":
    case "NowExpr":
      return [];
  }
}

interface Frame {
  readonly node: AstNode;
  readonly parent: AstNode | undefined;
  readonly children: AstNode[];
  next: number;
}

/**
 * Visits `root` and every node below it depth-first: `enter` before a node's children, `exit`
 * after them, children in source order (the order of childrenOf). Deterministic.
 */
export function walk(root: AstNode, visitor: Visitor): void {
  const stack: Frame[] = [];
  const push = (node: AstNode, parent: AstNode | undefined): void => {
    if (visitor.enter?.(node, parent) === false) return;
    stack.push({ node, parent, children: childrenOf(node), next: 0 });
  };
  push(root, undefined);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child !== undefined) {
      push(child, frame.node);
    } else {
      stack.pop();
      visitor.exit?.(frame.node, frame.parent);
    }
  }
}

/** The depth of the deepest node under `root` (root alone: 1), and that node. Iterative. */
export function deepestNode(root: AstNode): { depth: number; node: AstNode } {
  let depth = 0;
  let best = { depth: 0, node: root };
  walk(root, {
    enter(node) {
      depth++;
      if (depth > best.depth) best = { depth, node };
    },
    exit() {
      depth--;
    },
  });
  return best;
}
