// Statements -> JavaScript source. Bodies run on the next state `n` (a copy of the current one)
// and read it as assigned so far, like a program. Sends insert message codes into the network,
// except on a cut link, where the message is lost; effects, acks and observes update the
// bounded history slots.

import type * as ast from "../ast/nodes.js";
import { exprText } from "../check/expr-text.js";
import type { NodeType, Type } from "../check/types.js";
import { domainSize, isComposite, widthOf } from "./flat-value.js";
import { genLoop } from "./domains.js";
import { genLoc, genPlace, genScalar } from "./expr.js";
import { fits, genFlat, genFlatFor, genOrd, genStored } from "./stored.js";
import { typeOf, withLocal, type Env } from "./gen-context.js";
import type { FamilyLayout } from "./layout.js";
import { domainElementType, intervalOf } from "./ops.js";

/** A block's statements, in order; `let`s are visible to the statements after them. */
export function genBlock(env: Env, block: ast.Block): string {
  let current = env;
  const out: string[] = [];
  for (const stmt of block.statements) {
    if (stmt.kind === "LetStmt") {
      const js = env.cx.mod.fresh("L");
      const type = localType(current, stmt.value);
      const value = isComposite(type) ? genFlat(current, stmt.value) : genScalar(current, stmt.value);
      out.push(`const ${js} = ${value};`);
      current = withLocal(current, stmt.id, { js, type });
    } else {
      out.push(genStmt(current, stmt));
    }
  }
  return out.join("\n");
}

/** The type of a local bound to `e`; ints get the bounds of e's interval. */
function localType(env: Env, e: ast.Expr): Type {
  const type = typeOf(env, e);
  if (type.kind !== "int") return type;
  const [low, high] = intervalOf(env, e);
  return { kind: "int", low, high };
}

function genStmt(env: Env, stmt: ast.Stmt): string {
  switch (stmt.kind) {
    case "AssignStmt":
      return genAssign(env, stmt);
    case "IfStmt":
      return genIf(env, stmt);
    case "ForStmt": {
      const js = env.cx.mod.fresh("X");
      const inner = withLocal(env, stmt.name.id, { js, type: domainElementType(env, stmt.domain) });
      return genLoop(env, stmt.domain, js, genBlock(inner, stmt.body));
    }
    case "SendStmt": {
      const to = typeOf(env, stmt.to) as NodeType;
      return genSend(env, stmt.message, familyOf(env, to.family), genScalar(env, stmt.to));
    }
    case "BroadcastStmt":
      return genBroadcast(env, stmt);
    case "ReplyStmt":
      if (!env.sender) throw new Error("internal: reply outside a message handler");
      return genSend(env, stmt.message, env.sender.family, env.sender.idx);
    case "EffectStmt":
      return genEffect(env, stmt);
    case "AckStmt":
    case "ObserveStmt":
      return genHistory(env, stmt);
    case "LetStmt":
      throw new Error("internal: let handled by genBlock");
  }
}

function genAssign(env: Env, stmt: ast.AssignStmt): string {
  const place = genPlace(env, stmt.target);
  if (!place) throw new Error(`internal: cannot assign to ${stmt.target.kind}`);
  const type = typeOf(env, stmt.target);
  const what = exprText(stmt.target);
  if (!isComposite(type)) return `${place.arr}[${place.off}] = ${genStored(env, stmt.value, type, what)};`;
  const w = widthOf(type);
  const literal = stmt.value.kind === "RecordLit" || stmt.value.kind === "SeqLit";
  if (!literal && fits(env, stmt.value, typeOf(env, stmt.value), type)) {
    const src = genLoc(env, stmt.value);
    return `copyFlat(${place.arr}, ${place.off}, ${src.arr}, ${src.off}, ${w});`;
  }
  return `copyFlat(${place.arr}, ${place.off}, ${genFlatFor(env, stmt.value, type)}, 0, ${w});`;
}

function genIf(env: Env, stmt: ast.IfStmt): string {
  const head = `if (${genScalar(env, stmt.condition)}) {\n${genBlock(env, stmt.then)}\n}`;
  if (!stmt.elseBranch) return head;
  if (stmt.elseBranch.kind === "IfStmt") return `${head} else ${genIf(env, stmt.elseBranch)}`;
  return `${head} else {\n${genBlock(env, stmt.elseBranch)}\n}`;
}

function familyOf(env: Env, name: string): FamilyLayout {
  const family = env.cx.layout.familyByName.get(name);
  if (!family) throw new Error(`internal: unknown family ${name}`);
  return family;
}

/** The ordinal of a message literal's field values (a JS expression). */
function fieldOrdinal(env: Env, lit: ast.MessageLit): string {
  const coding = env.cx.layout.codec.byName.get(lit.name.name);
  if (!coding) throw new Error(`internal: unknown message ${lit.name.name}`);
  const parts = coding.fields.map((f) => {
    const init = lit.fields.find((x) => x.name.name === f.name);
    if (!init) throw new Error(`internal: message literal misses ${f.name}`);
    const ord = genOrd(env, init.value, f.type, `${coding.name}.${f.name}`);
    return f.stride === 1 ? ord : `${ord} * ${f.stride}`;
  });
  return parts.length === 0 ? "0" : parts.join(" + ");
}

/** Code that sends `lit` from self to node `dstIdx` (a JS expression) of family `dst`. */
function genSend(env: Env, lit: ast.MessageLit, dst: FamilyLayout, dstIdx: string, ordName?: string): string {
  const { layout, mod } = env.cx;
  const self = env.self;
  if (!self) throw new Error("internal: send outside a node");
  const coding = layout.codec.byName.get(lit.name.name)!;
  const nSrc = coding.srcGids.length;
  const srcPos0 = coding.srcPos[self.family.firstGid]!;
  const dstPos0 = coding.dstPos[dst.firstGid]!;
  if (srcPos0 < 0 || dstPos0 < 0) throw new Error(`internal: no code for ${coding.name} from ${self.family.name} to ${dst.name}`);
  const k0 = coding.base + (dstPos0 * nSrc + srcPos0) * coding.fieldCount;
  const ord = ordName ?? fieldOrdinal(env, lit);
  const c = mod.fresh("c");
  const code = `const ${c} = ${k0} + (${dstIdx}) * ${nSrc * coding.fieldCount} + ${self.idx} * ${coding.fieldCount} + ${ord};`;
  const net = layout.network;
  let insert: string;
  if (net.kind === "duplicating") {
    insert = `n[${net.base} + (${c} >>> 5)] |= 1 << (${c} & 31);`;
  } else if (net.kind === "unordered") {
    insert = `bagAdd(n, ${net.base}, ${net.capacity}, ${c});`;
  } else {
    const links = mod.constant(net.linkIndex);
    const link = `${links}[${self.gid} * ${layout.nodeCount} + ${dst.firstGid} + (${dstIdx})]`;
    insert = `fifoPush(n, ${net.base} + ${link} * ${net.capacity}, ${net.capacity}, ${c});`;
  }
  const record = `if (REC !== null) REC.push(${c});`;
  const cut = layout.cut;
  if (!cut) return `{\n${code}\n${insert}\n${record}\n}`;
  // A send on a cut link is lost at once (recorded as ~code); a node's link to itself is never cut.
  const l = mod.fresh("l");
  const link = `const ${l} = ${self.gid} * ${layout.nodeCount} + ${dst.firstGid} + (${dstIdx});`;
  const lost = `((n[${cut.base} + (${l} >>> 5)] >>> (${l} & 31)) & 1) === 1`;
  return `{\n${code}\n${link}\nif (${lost}) {\nif (REC !== null) REC.push(~${c});\n} else {\n${insert}\n${record}\n}\n}`;
}

function genBroadcast(env: Env, stmt: ast.BroadcastStmt): string {
  const self = env.self;
  if (!self) throw new Error("internal: broadcast outside a node");
  const dst = stmt.to ? familyOf(env, stmt.to.name) : self.family;
  const ord = env.cx.mod.fresh("F");
  const d = env.cx.mod.fresh("d");
  const skip = dst === self.family ? `if (${d} === ${self.idx}) continue;\n` : "";
  const send = genSend(env, stmt.message, dst, d, ord);
  return `{\nconst ${ord} = ${fieldOrdinal(env, stmt.message)};\nfor (let ${d} = 0; ${d} < ${dst.count}; ${d}++) {\n${skip}${send}\n}\n}`;
}

/** Mixed-radix index of argument values over `types` (first most significant). */
function argIndex(env: Env, args: readonly ast.Expr[], types: readonly Type[], what: string): string {
  let radix = 1;
  const parts: string[] = [];
  for (let i = types.length - 1; i >= 0; i--) {
    const t = types[i]!;
    const ord = genOrd(env, args[i]!, t, what);
    parts.unshift(radix === 1 ? ord : `${ord} * ${radix}`);
    radix *= domainSize(t);
  }
  return parts.length === 0 ? "0" : parts.join(" + ");
}

function genEffect(env: Env, stmt: ast.EffectStmt): string {
  const { layout, checked, mod } = env.cx;
  const index = checked.effects.findIndex((e) => e.name === stmt.name.name);
  const effect = layout.effects[index];
  if (!effect) throw new Error(`internal: unknown effect ${stmt.name.name}`);
  const k = mod.fresh("e");
  const at = argIndex(env, stmt.args, effect.params, `argument of effect ${effect.name}`);
  return `{\nconst ${k} = ${effect.base} + ${at};\nif (n[${k}] < 2) n[${k}]++;\n}`;
}

function genHistory(env: Env, stmt: ast.AckStmt | ast.ObserveStmt): string {
  const { layout, mod } = env.cx;
  const history = layout.histories.find((h) => h.name === stmt.name.name);
  const [keyArg, versionArg] = stmt.args;
  if (!history || !keyArg || !versionArg) throw new Error(`internal: bad history statement ${stmt.name.name}`);
  const k = mod.fresh("k");
  const v = mod.fresh("v");
  const key = `const ${k} = ${history.base} + ${genOrd(env, keyArg, history.key, `key of history ${history.name}`)};`;
  if (stmt.kind === "AckStmt") {
    const version = genStored(env, versionArg, history.version, `version of history ${history.name}`);
    return `{\n${key}\nconst ${v} = ${version};\nif (${v} > n[${k}]) n[${k}] = ${v};\n}`;
  }
  const index = layout.histories.indexOf(history);
  const read = `const ${v} = ${genScalar(env, versionArg)};`;
  const lost = `n[${history.lost}] = 1;\nif (OBS !== null) OBS.push(${index}, ${k} - ${history.base}, ${v}, n[${k}]);`;
  return `{\n${key}\n${read}\nif (${v} < n[${k}]) {\n${lost}\n}\n}`;
}
