// Type and statement rules of the grammar: the middle layer between the expression rules
// (parser-expressions.ts) and the declaration rules (parser.ts); never used on its own.

import type { IParserConfig } from "chevrotain";
import { ExpressionRules } from "./parser-expressions.js";
import * as T from "./tokens.js";

const { KW } = T;

export abstract class StatementRules extends ExpressionRules {
  protected constructor(config: IParserConfig) {
    super(config);
  }

  // ---- types ----

  readonly typeExpr = this.RULE("typeExpr", () => {
    this.checkDepth();
    this.OR([
      { ALT: () => this.CONSUME(KW.bool) },
      { ALT: () => this.SUBRULE(this.setType) },
      { ALT: () => this.SUBRULE(this.mapType) },
      { ALT: () => this.SUBRULE(this.seqType) },
      // `{ f: T }` is a record type; a `{` range bound (a set) would be a type error anyway.
      { ALT: () => this.SUBRULE(this.recordType), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.typeRange) },
    ]);
  });

  /** `lo..hi`, or a type name (an `arith` that is a bare name; to-ast checks). */
  readonly typeRange = this.RULE("typeRange", () => {
    this.SUBRULE(this.arith, { LABEL: "low" });
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE2(this.arith, { LABEL: "high" });
    });
  });

  readonly setType = this.RULE("setType", () => {
    this.CONSUME(KW.set);
    this.CONSUME(T.Less);
    this.SUBRULE(this.typeExpr);
    this.CONSUME(T.Greater);
  });

  readonly mapType = this.RULE("mapType", () => {
    this.CONSUME(KW.map);
    this.CONSUME(T.Less);
    this.SUBRULE(this.typeExpr, { LABEL: "key" });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.typeExpr, { LABEL: "value" });
    this.CONSUME(T.Greater);
  });

  readonly seqType = this.RULE("seqType", () => {
    this.CONSUME(KW.seq);
    this.CONSUME(T.Less);
    this.SUBRULE(this.typeExpr);
    this.CONSUME(T.Comma);
    this.SUBRULE(this.arith);
    this.CONSUME(T.Greater);
  });

  readonly recordType = this.RULE("recordType", () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.fieldList);
    this.CONSUME(T.RCurly);
  });

  /** `f: T, g: U` with an optional trailing comma; may be empty. */
  readonly fieldList = this.RULE("fieldList", () => {
    this.OPTION(() => {
      this.SUBRULE(this.field);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.field);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
  });

  readonly field = this.RULE("field", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  // ---- statements ----

  readonly block = this.RULE("block", () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(T.RCurly);
  });

  readonly statement = this.RULE("statement", () => {
    this.checkDepth();
    this.OR([
      { ALT: () => this.SUBRULE(this.assignStmt) },
      { ALT: () => this.SUBRULE(this.letStmt) },
      { ALT: () => this.SUBRULE(this.ifStmt) },
      { ALT: () => this.SUBRULE(this.forStmt) },
      { ALT: () => this.SUBRULE(this.sendStmt) },
      { ALT: () => this.SUBRULE(this.broadcastStmt) },
      { ALT: () => this.SUBRULE(this.replyStmt) },
      { ALT: () => this.SUBRULE(this.eventStmt) },
      { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
  });

  /** `x = e`, `a.f[i] = e`: to-ast rejects a prime in the target (FL1008). */
  readonly assignStmt = this.RULE("assignStmt", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.postfixOp));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  readonly letStmt = this.RULE("letStmt", () => {
    this.CONSUME(KW.let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  readonly ifStmt = this.RULE("ifStmt", () => {
    this.checkDepth();
    this.CONSUME(KW.if);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block, { LABEL: "then" });
    this.OPTION(() => {
      this.CONSUME(KW.else);
      this.OR([
        { ALT: () => this.SUBRULE(this.ifStmt, { LABEL: "elseIf" }) },
        { ALT: () => this.SUBRULE2(this.block, { LABEL: "otherwise" }) },
      ]);
    });
  });

  readonly forStmt = this.RULE("forStmt", () => {
    this.CONSUME(KW.for);
    this.CONSUME(T.Identifier);
    this.CONSUME(KW.in);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block);
  });

  readonly sendStmt = this.RULE("sendStmt", () => {
    this.CONSUME(KW.send);
    this.SUBRULE(this.messageLit);
    this.CONSUME(KW.to);
    this.SUBRULE(this.expression);
  });

  readonly broadcastStmt = this.RULE("broadcastStmt", () => {
    this.CONSUME(KW.broadcast);
    this.SUBRULE(this.messageLit);
    this.OPTION(() => {
      this.CONSUME(KW.to);
      this.CONSUME(T.Identifier);
    });
  });

  readonly replyStmt = this.RULE("replyStmt", () => {
    this.CONSUME(KW.reply);
    this.SUBRULE(this.messageLit);
  });

  /** `effect name(args)`, `ack name(args)`, `observe name(args)`. */
  readonly eventStmt = this.RULE("eventStmt", () => {
    this.OR([
      { ALT: () => this.CONSUME(KW.effect) },
      { ALT: () => this.CONSUME(KW.ack) },
      { ALT: () => this.CONSUME(KW.observe) },
    ]);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.argList);
    this.CONSUME(T.RParen);
  });

  /** `Vote { term: t }` or `Commit`. */
  readonly messageLit = this.RULE("messageLit", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.OPTION2(() => {
        this.SUBRULE(this.fieldInit);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.fieldInit);
        });
        this.OPTION3(() => this.CONSUME2(T.Comma));
      });
      this.CONSUME(T.RCurly);
    });
  });
}
