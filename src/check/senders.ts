// Which node families send which messages: every send, broadcast and reply in the handlers and
// actions of each family. Used to infer the sender family of `on M(m) from v` (FL3013) and to
// warn about handlers of messages that nobody sends (FL3015).

import type * as ast from "../ast/nodes.js";

/** Message name -> the families that send it, each once, in family declaration order. */
export function collectSenders(families: readonly ast.NodeDecl[]): Map<string, string[]> {
  const sentBy = new Map<string, string[]>();
  for (const family of families) {
    const add = (message: string): void => {
      const list = sentBy.get(message) ?? [];
      if (!list.includes(family.name.name)) list.push(family.name.name);
      sentBy.set(message, list);
    };
    for (const member of family.members) {
      if (member.kind === "HandlerDecl" || member.kind === "ActionDecl") visitBlock(member.body, add);
    }
  }
  return sentBy;
}

function visitBlock(block: ast.Block, add: (message: string) => void): void {
  for (const stmt of block.statements) visitStmt(stmt, add);
}

function visitStmt(stmt: ast.Stmt, add: (message: string) => void): void {
  switch (stmt.kind) {
    case "SendStmt":
    case "BroadcastStmt":
    case "ReplyStmt":
      add(stmt.message.name.name);
      return;
    case "IfStmt":
      visitBlock(stmt.then, add);
      if (stmt.elseBranch?.kind === "Block") visitBlock(stmt.elseBranch, add);
      else if (stmt.elseBranch) visitStmt(stmt.elseBranch, add);
      return;
    case "ForStmt":
      visitBlock(stmt.body, add);
      return;
    default:
      return;
  }
}
