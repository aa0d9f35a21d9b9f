// The Faultline grammar as a chevrotain CstParser with error recovery: one instance, built once at
// module load. Rules are class properties in three layers: expressions (parser-expressions.ts),
// types and statements (parser-statements.ts), declarations (here). to-ast.ts builds the AST.

import { StatementRules } from "./parser-statements.js";
import { parserErrorMessages } from "./syntax-errors.js";
import * as T from "./tokens.js";

const { KW } = T;

/** The grammar. Use the `parser` instance; do not construct another. */
export class FaultlineParser extends StatementRules {
  constructor() {
    super({
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: 3,
      errorMessageProvider: parserErrorMessages,
    });
    this.performSelfAnalysis();
  }

  // ---- declarations ----

  readonly spec = this.RULE("spec", () => {
    this.MANY(() => this.SUBRULE(this.item));
  });

  /** A declaration, a node member, or a stray `;`. to-ast rejects members at the wrong level. */
  readonly item = this.RULE("item", () => {
    this.checkDepth();
    this.OR([
      { ALT: () => this.SUBRULE(this.specHeader) },
      { ALT: () => this.SUBRULE(this.constDecl) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.messageDecl) },
      { ALT: () => this.SUBRULE(this.nodeDecl) },
      { ALT: () => this.SUBRULE(this.varDecl) },
      { ALT: () => this.SUBRULE(this.actionDecl) },
      { ALT: () => this.SUBRULE(this.handlerDecl) },
      { ALT: () => this.SUBRULE(this.networkDecl) },
      { ALT: () => this.SUBRULE(this.faultsDecl) },
      { ALT: () => this.SUBRULE(this.clockDecl) },
      { ALT: () => this.SUBRULE(this.effectDecl) },
      { ALT: () => this.SUBRULE(this.historyDecl) },
      { ALT: () => this.SUBRULE(this.propertyDecl) },
      { ALT: () => this.SUBRULE(this.endDecl) },
      { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
  });

  readonly specHeader = this.RULE("specHeader", () => {
    this.CONSUME(KW.spec);
    this.CONSUME(T.Identifier);
  });

  readonly constDecl = this.RULE("constDecl", () => {
    this.CONSUME(KW.const);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  readonly enumDecl = this.RULE("enumDecl", () => {
    this.CONSUME(KW.enum);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.LCurly);
    this.OPTION(() => {
      this.CONSUME2(T.Identifier, { LABEL: "member" });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME3(T.Identifier, { LABEL: "member" });
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });

  readonly typeDecl = this.RULE("typeDecl", () => {
    this.CONSUME(KW.type);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.typeExpr);
  });

  readonly messageDecl = this.RULE("messageDecl", () => {
    this.CONSUME(KW.message);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.SUBRULE(this.fieldList);
      this.CONSUME(T.RCurly);
    });
  });

  readonly nodeDecl = this.RULE("nodeDecl", () => {
    this.CONSUME(KW.node);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.expression);
      this.CONSUME(T.RBracket);
    });
    this.OPTION2(() => this.CONSUME(KW.symmetric));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.item));
    this.CONSUME(T.RCurly);
  });

  readonly varDecl = this.RULE("varDecl", () => {
    this.OPTION(() => this.CONSUME(KW.durable));
    this.CONSUME(KW.var);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expression);
    });
  });

  readonly actionDecl = this.RULE("actionDecl", () => {
    this.CONSUME(KW.action);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.paramList);
      this.CONSUME(T.RParen);
    });
    this.OPTION2(() => {
      this.CONSUME(KW.when);
      this.SUBRULE(this.expression);
    });
    this.SUBRULE(this.block);
  });

  /** `p: T, q: U`; may be empty. */
  readonly paramList = this.RULE("paramList", () => {
    this.OPTION(() => {
      this.SUBRULE(this.param);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.param);
      });
    });
  });

  readonly param = this.RULE("param", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  readonly handlerDecl = this.RULE("handlerDecl", () => {
    this.CONSUME(KW.on);
    this.OR([
      { ALT: () => this.CONSUME(KW.timeout) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: "message" });
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            this.CONSUME2(T.Identifier, { LABEL: "binder" });
            this.CONSUME(T.RParen);
          });
          this.OPTION2(() => {
            this.CONSUME(KW.from);
            this.CONSUME3(T.Identifier, { LABEL: "sender" });
            this.OPTION3(() => {
              this.CONSUME(T.Colon);
              this.CONSUME4(T.Identifier, { LABEL: "senderFamily" });
            });
          });
        },
      },
    ]);
    this.OPTION4(() => {
      this.CONSUME(KW.when);
      this.SUBRULE(this.expression);
    });
    this.SUBRULE(this.block);
  });

  readonly networkDecl = this.RULE("networkDecl", () => {
    this.CONSUME(KW.network);
    this.OR([
      { ALT: () => this.CONSUME(KW.ordered) },
      {
        ALT: () => {
          this.CONSUME(KW.unordered);
          this.OPTION(() => this.CONSUME(KW.duplicating));
        },
      },
    ]);
    this.OPTION2(() => {
      this.CONSUME(KW.capacity);
      this.SUBRULE(this.expression);
    });
  });

  readonly faultsDecl = this.RULE("faultsDecl", () => {
    this.CONSUME(KW.faults);
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.faultBudget);
      this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semicolon) }]));
    });
    this.CONSUME(T.RCurly);
  });

  readonly faultBudget = this.RULE("faultBudget", () => {
    this.CONSUME(T.FaultKindToken);
    this.CONSUME(T.LessEq);
    this.SUBRULE(this.expression);
  });

  readonly clockDecl = this.RULE("clockDecl", () => {
    this.CONSUME(KW.clock);
    this.CONSUME(KW.ticks);
    this.CONSUME(T.LessEq);
    this.SUBRULE(this.expression);
  });

  readonly effectDecl = this.RULE("effectDecl", () => {
    this.CONSUME(KW.effect);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.paramList);
      this.CONSUME(T.RParen);
    });
  });

  /** Exactly two parameters: the key and the version. */
  readonly historyDecl = this.RULE("historyDecl", () => {
    this.CONSUME(KW.history);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.param);
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.param);
    this.CONSUME(T.RParen);
  });

  readonly propertyDecl = this.RULE("propertyDecl", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.ExprPropertyToken);
          this.CONSUME(T.Identifier);
          this.CONSUME(T.Equals);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.TargetPropertyToken);
          this.CONSUME2(T.Identifier);
        },
      },
    ]);
  });

  readonly endDecl = this.RULE("endDecl", () => {
    this.CONSUME(KW.end);
    this.CONSUME(KW.when);
    this.SUBRULE(this.expression);
  });
}

/** The one parser instance: chevrotain parsers are costly to build and reusable. */
export const parser = new FaultlineParser();
