// Expression rules of the grammar (flat operator chains; to-ast resolves precedence) and the
// recursion guard: the base of the type, statement and declaration rules; never used on its own.

import { CstParser, type IParserConfig, type IToken } from "chevrotain";
import * as T from "./tokens.js";

/** The deepest chevrotain rule stack allowed: 5 rules per level of parentheses. */
export const MAX_RULE_DEPTH = 1000;

/** Rules entered per level of parentheses (`expression`, `prefixed`, `postfix`, `primary`, `parenExpr`). */
export const RULES_PER_NESTING_LEVEL = 5;

/** Thrown past chevrotain's recovery when rules nest deeper than MAX_RULE_DEPTH. */
export class NestingTooDeep extends Error {
  constructor(readonly token: IToken) {
    super("nesting too deep");
    this.name = "NestingTooDeep";
  }
}

const { KW } = T;

export abstract class ExpressionRules extends CstParser {
  protected constructor(config: IParserConfig) {
    super([...T.allTokens], config);
  }

  /** Stops runaway recursion with NestingTooDeep before the JavaScript stack overflows. */
  protected checkDepth(): void {
    this.ACTION(() => {
      const depth = (this as unknown as { RULE_STACK_IDX: number }).RULE_STACK_IDX;
      if (depth > MAX_RULE_DEPTH) throw new NestingTooDeep(this.LA(1));
    });
  }

  /**
   * Operands joined by binary operators, flat: to-ast.ts resolves precedence (implies < or < and
   * < not < comparison < `..` < `+ -` < `* / %` < unary minus), which keeps the CST small and the
   * rule stack shallow. `not in` is the only two-token operator.
   */
  readonly expression = this.RULE("expression", () => {
    this.checkDepth();
    this.SUBRULE(this.prefixed);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.BinaryOp, { LABEL: "op" }) },
        {
          ALT: () => {
            this.CONSUME(KW.not, { LABEL: "op" });
            this.CONSUME(KW.in, { LABEL: "notIn" });
          },
        },
      ]);
      this.SUBRULE2(this.prefixed);
    });
  });

  /** An operand with its prefix operators: `not`, unary `-`. */
  readonly prefixed = this.RULE("prefixed", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(KW.not, { LABEL: "prefix" }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: "prefix" }) },
      ]);
    });
    this.SUBRULE(this.postfix);
  });

  /** Arithmetic only (`+ - * / %`): range bounds in types and `seq` bounds, where `>` closes. */
  readonly arith = this.RULE("arith", () => {
    this.SUBRULE(this.prefixed);
    this.MANY(() => {
      this.CONSUME(T.ArithOp, { LABEL: "op" });
      this.SUBRULE2(this.prefixed);
    });
  });

  readonly postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  /** `.f`, `[i]` or `'` (prime). */
  readonly postfixOp = this.RULE("postfixOp", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.CONSUME(T.Prime) },
    ]);
  });

  readonly primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntLiteral) },
      { ALT: () => this.CONSUME(KW.true) },
      { ALT: () => this.CONSUME(KW.false) },
      { ALT: () => this.CONSUME(KW.self) },
      { ALT: () => this.CONSUME(KW.now) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.recordLit) },
      { ALT: () => this.SUBRULE(this.setLit) },
      { ALT: () => this.SUBRULE(this.seqLit) },
      { ALT: () => this.SUBRULE(this.quantExpr) },
      { ALT: () => this.SUBRULE(this.condExpr) },
    ]);
  });

  /** `x` or `f(a, b)`. */
  readonly nameOrCall = this.RULE("nameOrCall", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.argList);
      this.CONSUME(T.RParen);
    });
  });

  /** `a, b, c`; may be empty. */
  readonly argList = this.RULE("argList", () => {
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression);
      });
    });
  });

  readonly parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  /** `{ f: a, g: b }`: at least one field (`{}` is the empty set). */
  readonly recordLit = this.RULE("recordLit", () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.fieldInit);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.fieldInit);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RCurly);
  });

  readonly fieldInit = this.RULE("fieldInit", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  readonly setLit = this.RULE("setLit", () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.elementList);
    this.CONSUME(T.RCurly);
  });

  readonly seqLit = this.RULE("seqLit", () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.elementList);
    this.CONSUME(T.RBracket);
  });

  /** `a, b, c` with an optional trailing comma; may be empty. */
  readonly elementList = this.RULE("elementList", () => {
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
  });

  /** `forall a, b in D: body`: the body extends as far right as possible. */
  readonly quantExpr = this.RULE("quantExpr", () => {
    this.CONSUME(T.QuantifierToken);
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier);
    });
    this.CONSUME(KW.in);
    this.SUBRULE(this.expression, { LABEL: "domain" });
    this.CONSUME(T.Colon);
    this.SUBRULE2(this.expression, { LABEL: "body" });
  });

  /** `if c then a else b`: the else branch extends as far right as possible. */
  readonly condExpr = this.RULE("condExpr", () => {
    this.CONSUME(KW.if);
    this.SUBRULE(this.expression, { LABEL: "condition" });
    this.CONSUME(KW.then);
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.CONSUME(KW.else);
    this.SUBRULE3(this.expression, { LABEL: "otherwise" });
  });
}
