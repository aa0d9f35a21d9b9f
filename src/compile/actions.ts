// Protocol steps -> generated JavaScript functions, one per ActionId, in the fixed order:
// message handlers (family, handler, receiving node, ascending message code), then timers,
// node actions and spec actions (node, then parameters in order). Faults live in faults.ts.

import type * as ast from "../ast/nodes.js";
import type { CheckedAction } from "../check/checked.js";
import type { Type } from "../check/types.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ActionInfo } from "./model.js";
import { isComposite } from "./flat-value.js";
import { genTypeLoop } from "./domains.js";
import { genScalar } from "./expr.js";
import { createEnv, withLocal, withMessage, withSelf, withState, type CompileContext, type Env } from "./gen-context.js";
import { splitGuard } from "./guard-split.js";
import type { FamilyLayout } from "./layout.js";
import type { MessageCoding } from "./message-codec.js";
import { genBlock } from "./stmt.js";

/** What one ActionId stands for, for step descriptions. */
export type StepMeta =
  | { readonly kind: "deliver"; readonly family: FamilyLayout; readonly handler: ast.HandlerDecl; readonly coding: MessageCoding | undefined }
  | { readonly kind: "timer"; readonly family: FamilyLayout }
  | { readonly kind: "action"; readonly family: FamilyLayout | undefined; readonly action: CheckedAction };

export interface GeneratedSteps {
  readonly actions: ActionInfo[];
  readonly metas: StepMeta[];
  /** Generated function name per action id: `f(s, n, emit, C)` returns the number of steps emitted. */
  readonly functions: string[];
  /** Most entries of the choice record C any step writes. */
  readonly choiceSize: number;
}

/** Generates the step functions of all protocol steps; action ids start at 0. */
export function genSteps(cx: CompileContext): GeneratedSteps {
  const out: GeneratedSteps = { actions: [], metas: [], functions: [], choiceSize: 3 };
  const families = cx.layout.families;
  const add = (label: string, kind: ActionInfo["kind"], meta: StepMeta, fn: string, span: Span): void => {
    out.actions.push({ label, kind, span });
    out.metas.push(meta);
    out.functions.push(fn);
  };
  for (const family of families) {
    for (const handler of family.checked.handlers) {
      if (!handler.message) continue;
      const coding = cx.layout.codec.byName.get(handler.message.name);
      const aid = out.actions.length;
      add(`${family.name}.on ${handler.message.name}`, "deliver", { kind: "deliver", family, handler, coding }, genDeliver(cx, family, handler, aid), handler.span);
    }
  }
  for (const family of families) {
    for (const handler of family.checked.handlers) {
      if (handler.message) continue;
      const aid = out.actions.length;
      add(`${family.name}.timeout`, "timer", { kind: "timer", family }, genTimer(cx, family, handler, aid), handler.span);
    }
  }
  for (const family of families) {
    for (const action of family.checked.actions) {
      const aid = out.actions.length;
      add(`${family.name}.${action.name}`, "action", { kind: "action", family, action }, genAction(cx, family, action, aid), action.decl.span);
    }
  }
  for (const action of cx.checked.specActions) {
    const aid = out.actions.length;
    add(action.name, "action", { kind: "action", family: undefined, action }, genAction(cx, undefined, action, aid), action.decl.span);
  }
  const maxParams = Math.max(0, ...[...families.flatMap((f) => f.checked.actions), ...cx.checked.specActions].map((a) => a.params.length));
  disambiguate(out.actions);
  return { ...out, choiceSize: Math.max(3, 2 + maxParams) };
}

/** Suffixes repeated labels with `#2`, `#3`, ... (a family with two handlers of one message). */
function disambiguate(actions: ActionInfo[]): void {
  const seen = new Map<string, number>();
  actions.forEach((a, i) => {
    const n = (seen.get(a.label) ?? 0) + 1;
    seen.set(a.label, n);
    if (n > 1) actions[i] = { ...a, label: `${a.label}#${n}` };
  });
}

/** The loop over the nodes of a family, binding i (index), g (global id) and sb (block base). */
function nodeLoop(env: Env, family: FamilyLayout, body: (env: Env) => string): string {
  const inner = withSelf(env, { family, idx: "i", gid: "g", base: "sb" });
  const up = family.upOffset >= 0 ? `if (s[sb + ${family.upOffset}] === 0) continue;\n` : "";
  return `for (let i = 0; i < ${family.count}; i++) {\nconst g = ${family.firstGid} + i, sb = ${family.base} + i * ${family.stride};\n${up}${body(inner)}\n}`;
}

/** `if (!(a && b)) continue;` for the conjuncts given, or nothing. */
function test(env: Env, conjuncts: readonly ast.Expr[]): string {
  if (conjuncts.length === 0) return "";
  return `if (!(${conjuncts.map((c) => genScalar(env, c)).join(" && ")})) continue;\n`;
}

/** Copy, run the body on `n`, record the choice and emit. */
function fire(bodyEnv: Env, body: ast.Block, aid: number, choice: readonly string[], before = ""): string {
  const record = choice.map((c, k) => `C[${k}] = ${c};`).join(" ");
  return `cp(s, n);\n${before}${genBlock(bodyEnv, body)}\n${record}\ncnt++;\nemit(${aid}, n);`;
}

function wrap(cx: CompileContext, aid: number, code: string): string {
  const name = `A${aid}`;
  cx.mod.addFunction(`function ${name}(s, n, emit, C) {\nlet cnt = 0;\n${code}\nreturn cnt;\n}`);
  return name;
}

/**
 * Senders of a handler's messages: the family the checker names, or every family that sends the
 * message when none is named. In ascending global ids, so scans stay in ascending code order.
 */
function senderFamilies(cx: CompileContext, handler: ast.HandlerDecl, coding: MessageCoding): FamilyLayout[] {
  const named = cx.checked.senders.get(handler.id);
  return cx.layout.families.filter((f) => (named ? f.name === named.family : true) && coding.srcPos[f.firstGid]! >= 0);
}

function genDeliver(cx: CompileContext, family: FamilyLayout, handler: ast.HandlerDecl, aid: number): string {
  const coding = handler.message ? cx.layout.codec.byName.get(handler.message.name) : undefined;
  if (!coding || coding.dstPos[family.firstGid]! < 0) return wrap(cx, aid, "");
  const senders = senderFamilies(cx, handler, coding);
  if (senders.length === 0) return wrap(cx, aid, "");
  const dstPos0 = coding.dstPos[family.firstGid]!;
  const nSrc = coding.srcGids.length;
  const fc = coding.fieldCount;
  const split = splitGuard(handler.guard, cx.checked.symbols, (sym) => sym.kind === "binder" || sym.kind === "sender", false);
  const code = nodeLoop(createEnv(cx, "s"), family, (nodeEnv) => {
    const scans = senders.map((sender) => genScan(cx, nodeEnv, handler, coding, sender, split.inner, aid));
    const lo = `${coding.base + dstPos0 * nSrc * fc} + i * ${nSrc * fc}`;
    return `${test(nodeEnv, split.outer)}const lo = ${lo}, hi = lo + ${nSrc * fc};\n${scans.join("\n")}`;
  });
  return wrap(cx, aid, code);
}

/** The loop over in-flight messages of `coding` from `sender` to node i, in ascending code. */
function genScan(
  cx: CompileContext,
  nodeEnv: Env,
  handler: ast.HandlerDecl,
  coding: MessageCoding,
  sender: FamilyLayout,
  guardConjuncts: readonly ast.Expr[],
  aid: number,
): string {
  const { layout } = cx;
  const net = layout.network;
  const fc = coding.fieldCount;
  const srcPos0 = coding.srcPos[sender.firstGid]!;
  const msgEnv = withMessage(nodeEnv, { coding, ord: "f" }, { family: sender, idx: "j", gid: "h" });
  const bodyEnv = withState(msgEnv, "n");
  const N = layout.nodeCount;
  // No message is ever in flight on a cut link (cut-links.ts), so deliveries ignore cut links.
  const guard = test(msgEnv, guardConjuncts);
  if (net.kind === "duplicating") {
    const body = fire(bodyEnv, handler.body, aid, ["g", "c", "h"]);
    return `for (let j = 0; j < ${sender.count}; j++) {\nconst h = ${sender.firstGid} + j;\nconst c0 = lo + (${srcPos0} + j) * ${fc};\nfor (let f = 0; f < ${fc}; f++) {\nconst c = c0 + f;\nif (((s[${net.base} + (c >>> 5)] >>> (c & 31)) & 1) === 0) continue;\n${guard}${body}\n}\n}`;
  }
  if (net.kind === "unordered") {
    const body = fire(bodyEnv, handler.body, aid, ["g", "c", "h"], `bagRemove(n, ${net.base}, ${net.capacity}, ${net.base} + k);\n`);
    return `for (let k = 0; k < ${net.capacity}; k++) {\nconst c = s[${net.base} + k];\nif (c === -1 || c >= hi) break;\nif (c < lo || (k > 0 && s[${net.base} + k - 1] === c)) continue;\nconst sp = ((c - lo) / ${fc}) | 0;\nconst j = sp - ${srcPos0};\nif (j < 0 || j >= ${sender.count}) continue;\nconst h = ${sender.firstGid} + j;\nconst f = c - lo - sp * ${fc};\n${guard}${body}\n}`;
  }
  const links = cx.mod.constant(net.linkIndex);
  const body = fire(bodyEnv, handler.body, aid, ["g", "c", "h"], `fifoRemove(n, q, ${net.capacity}, q);\n`);
  return `for (let j = 0; j < ${sender.count}; j++) {\nconst h = ${sender.firstGid} + j;\nconst L = ${links}[h * ${N} + g];\nif (L < 0) continue;\nconst q = ${net.base} + L * ${net.capacity};\nconst c = s[q];\nconst c0 = lo + (${srcPos0} + j) * ${fc};\nif (c < c0 || c >= c0 + ${fc}) continue;\nconst f = c - c0;\n${guard}${body}\n}`;
}

function genTimer(cx: CompileContext, family: FamilyLayout, handler: ast.HandlerDecl, aid: number): string {
  const code = nodeLoop(createEnv(cx, "s"), family, (env) => {
    return `${test(env, [...(handler.guard ? [handler.guard] : [])])}${fire(withState(env, "n"), handler.body, aid, ["g", "-1"])}`;
  });
  return wrap(cx, aid, code);
}

function genAction(cx: CompileContext, family: FamilyLayout | undefined, action: CheckedAction, aid: number): string {
  const split = splitGuard(action.decl.guard, cx.checked.symbols, (sym) => sym.kind === "param", true);
  const build = (env: Env, actor: string): string => {
    let inner = env;
    const names = action.params.map((p) => {
      const js = cx.mod.fresh("P");
      inner = withLocal(inner, p.decl.id, { js, type: p.type });
      return js;
    });
    const choice = [actor, "-1", ...action.params.map((p, k) => choiceValue(cx, p.type, names[k]!))];
    let code = `${test(inner, split.inner)}${fire(withState(inner, "n"), action.decl.body, aid, choice)}`;
    for (let k = action.params.length - 1; k >= 0; k--) code = genTypeLoop(inner, action.params[k]!.type, names[k]!, code);
    return `${test(env, split.outer)}${code}`;
  };
  const env = createEnv(cx, "s");
  const code = family ? nodeLoop(env, family, (e) => build(e, "g")) : `do {\n${build(env, "-1")}\n} while (false);`;
  return wrap(cx, aid, code);
}

/** A parameter value as recorded in the choice record: the slot value, or the ordinal of a composite. */
function choiceValue(cx: CompileContext, type: Type, js: string): string {
  if (type.kind === "bool") return `(${js} ? 1 : 0)`;
  if (isComposite(type)) return `ordOf(${cx.mod.constant(type)}, ${js}, 0)`;
  return js;
}
