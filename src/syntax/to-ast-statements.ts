// CST -> AST for types and statements: the middle layer of AstBuilder (to-ast.ts), above the
// expression conversions (to-ast-expressions.ts). Ids are left at 0 and numbered in to-ast.ts.

import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "../ast/nodes.js";
import type * as C from "./cst.generated.js";
import { ExpressionBuilder, Incomplete, one } from "./to-ast-expressions.js";

export abstract class StatementBuilder extends ExpressionBuilder {
  /** Reports a type written as an expression (`var x: 3`). */
  protected abstract notAType(span: Span): void;

  // ---- types ----

  typeExpr(c: C.TypeExprCstChildren): A.TypeExpr {
    if (c.Bool) {
      const name = this.ident(one(c.Bool));
      return { kind: "NamedType", id: 0, span: name.span, name };
    }
    if (c.setType) return this.setType(one(c.setType).children);
    if (c.mapType) return this.mapType(one(c.mapType).children);
    if (c.seqType) return this.seqType(one(c.seqType).children);
    if (c.recordType) return this.recordType(one(c.recordType).children);
    return this.typeRange(one(c.typeRange).children);
  }

  /** `lo..hi` is a RangeType; a bare name is a NamedType; anything else is not a type (FL1002). */
  typeRange(c: C.TypeRangeCstChildren): A.TypeExpr {
    const span = this.spanOf(c);
    const low = this.arith(one(c.low).children);
    if (c.DotDot) return { kind: "RangeType", id: 0, span, low, high: this.arith(one(c.high).children) };
    if (low.kind !== "NameExpr") this.notAType(span);
    const name: A.Ident = { kind: "Ident", id: 0, span, name: low.kind === "NameExpr" ? low.name : "?" };
    return { kind: "NamedType", id: 0, span, name };
  }

  setType(c: C.SetTypeCstChildren): A.SetType {
    one(c.Greater);
    return { kind: "SetType", id: 0, span: this.spanOf(c), element: this.typeExpr(one(c.typeExpr).children) };
  }

  mapType(c: C.MapTypeCstChildren): A.MapType {
    one(c.Greater);
    const key = this.typeExpr(one(c.key).children);
    return { kind: "MapType", id: 0, span: this.spanOf(c), key, value: this.typeExpr(one(c.value).children) };
  }

  seqType(c: C.SeqTypeCstChildren): A.SeqType {
    one(c.Greater);
    const element = this.typeExpr(one(c.typeExpr).children);
    return { kind: "SeqType", id: 0, span: this.spanOf(c), element, max: this.arith(one(c.arith).children) };
  }

  recordType(c: C.RecordTypeCstChildren): A.RecordType {
    one(c.RCurly);
    return { kind: "RecordType", id: 0, span: this.spanOf(c), fields: this.fieldList(one(c.fieldList).children) };
  }

  fieldList(c: C.FieldListCstChildren): A.FieldDecl[] {
    return (c.field ?? []).map((f) => this.field(f.children));
  }

  field(c: C.FieldCstChildren): A.FieldDecl {
    const type = this.typeExpr(one(c.typeExpr).children);
    return { kind: "FieldDecl", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), type };
  }

  paramList(c: C.ParamListCstChildren): A.Param[] {
    return (c.param ?? []).map((p) => this.param(p.children));
  }

  param(c: C.ParamCstChildren): A.Param {
    const type = this.typeExpr(one(c.typeExpr).children);
    return { kind: "Param", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), type };
  }

  // ---- statements ----

  block(c: C.BlockCstChildren): A.Block {
    one(c.RCurly);
    const statements = (c.statement ?? []).flatMap((s) => {
      const stmt = this.statement(s.children);
      return stmt ? [stmt] : [];
    });
    return { kind: "Block", id: 0, span: this.spanOf(c), statements };
  }

  /** A statement, or undefined for a stray `;`. */
  statement(c: C.StatementCstChildren): A.Stmt | undefined {
    if (c.Semicolon) return undefined;
    if (c.assignStmt) return this.assignStmt(one(c.assignStmt).children);
    if (c.letStmt) return this.letStmt(one(c.letStmt).children);
    if (c.ifStmt) return this.ifStmt(one(c.ifStmt).children);
    if (c.forStmt) return this.forStmt(one(c.forStmt).children);
    if (c.sendStmt) return this.sendStmt(one(c.sendStmt).children);
    if (c.broadcastStmt) return this.broadcastStmt(one(c.broadcastStmt).children);
    if (c.replyStmt) return this.replyStmt(one(c.replyStmt).children);
    if (c.eventStmt) return this.eventStmt(one(c.eventStmt).children);
    throw new Incomplete();
  }

  assignStmt(c: C.AssignStmtCstChildren): A.AssignStmt {
    const name = one(c.Identifier);
    const nameSpan = this.tokenSpan(name);
    const ops = c.postfixOp ?? [];
    for (const op of ops) {
      if (op.children.Prime) {
        const note = "assign to the variable itself; primes belong in `transition` properties";
        this.report(this.cstSpan(op), "a prime (`'`) in an assignment target", note);
      }
    }
    const target = this.applyPostfix({ kind: "NameExpr", id: 0, span: nameSpan, name: name.image }, nameSpan, ops);
    const value = this.expression(one(c.expression).children);
    return { kind: "AssignStmt", id: 0, span: this.spanOf(c), target, value };
  }

  letStmt(c: C.LetStmtCstChildren): A.LetStmt {
    const value = this.expression(one(c.expression).children);
    return { kind: "LetStmt", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), value };
  }

  ifStmt(c: C.IfStmtCstChildren): A.IfStmt {
    const condition = this.expression(one(c.expression).children);
    const then = this.block(one(c.then).children);
    const elseBranch = c.elseIf
      ? this.ifStmt(one(c.elseIf).children)
      : c.otherwise
        ? this.block(one(c.otherwise).children)
        : undefined;
    if (c.Else && !elseBranch) throw new Incomplete();
    return { kind: "IfStmt", id: 0, span: this.spanOf(c), condition, then, elseBranch };
  }

  forStmt(c: C.ForStmtCstChildren): A.ForStmt {
    const domain = this.domain(one(c.expression));
    const body = this.block(one(c.block).children);
    return { kind: "ForStmt", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), domain, body };
  }

  sendStmt(c: C.SendStmtCstChildren): A.SendStmt {
    const message = this.messageLit(one(c.messageLit).children);
    const to = this.expression(one(c.expression).children);
    return { kind: "SendStmt", id: 0, span: this.spanOf(c), message, to };
  }

  broadcastStmt(c: C.BroadcastStmtCstChildren): A.BroadcastStmt {
    const message = this.messageLit(one(c.messageLit).children);
    const to = c.To ? this.ident(one(c.Identifier)) : undefined;
    return { kind: "BroadcastStmt", id: 0, span: this.spanOf(c), message, to };
  }

  replyStmt(c: C.ReplyStmtCstChildren): A.ReplyStmt {
    return { kind: "ReplyStmt", id: 0, span: this.spanOf(c), message: this.messageLit(one(c.messageLit).children) };
  }

  eventStmt(c: C.EventStmtCstChildren): A.EffectStmt | A.AckStmt | A.ObserveStmt {
    one(c.RParen);
    const kind = c.Effect ? "EffectStmt" : c.Ack ? "AckStmt" : "ObserveStmt";
    const args = this.argList(one(c.argList).children);
    return { kind, id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), args };
  }

  messageLit(c: C.MessageLitCstChildren): A.MessageLit {
    if (c.LCurly) one(c.RCurly);
    const fields = (c.fieldInit ?? []).map((f) => this.fieldInit(f.children));
    return { kind: "MessageLit", id: 0, span: this.spanOf(c), name: this.ident(one(c.Identifier)), fields };
  }
}
