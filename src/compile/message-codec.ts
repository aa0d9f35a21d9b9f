// Message codes: every possible in-flight message is one non-negative integer, mixed radix over
// (type, destination, source, field values). Sources and destinations range only over the nodes
// of the families that send, and are sent, each type (found by scanning send statements).

import type * as ast from "../ast/nodes.js";
import type { CheckedSpec } from "../check/checked.js";
import type { MessageType, NodeType, Type } from "../check/types.js";
import { domainSize, widthOf, writeOrdinal } from "./flat-value.js";
import { valueText, type NodeNamer } from "./readable-value.js";

/** A node family's place among global node ids. */
export interface FamilyRange {
  readonly name: string;
  readonly firstGid: number;
  readonly count: number;
}

export interface FieldCoding {
  readonly name: string;
  readonly type: Type;
  /** Number of values of the field. */
  readonly size: number;
  /** Weight of the field's ordinal within the message's field ordinal (last field: 1). */
  readonly stride: number;
}

/** How one message type is coded. */
export interface MessageCoding {
  readonly index: number;
  readonly name: string;
  readonly type: MessageType;
  readonly fields: readonly FieldCoding[];
  /** Number of distinct field combinations (1 for a message without fields). */
  readonly fieldCount: number;
  /** Global ids of possible senders and receivers, ascending. */
  readonly srcGids: readonly number[];
  readonly dstGids: readonly number[];
  /** Position of a global id among srcGids / dstGids, or -1. */
  readonly srcPos: Int32Array;
  readonly dstPos: Int32Array;
  /** First code of this type; codes base .. base + size - 1 belong to it. */
  readonly base: number;
  readonly size: number;
}

export interface MessageCodec {
  readonly types: readonly MessageCoding[];
  /** Number of codes over all types. */
  readonly universe: number;
  readonly byName: ReadonlyMap<string, MessageCoding>;
}

/** A decoded message code. */
export interface DecodedMessage {
  readonly coding: MessageCoding;
  readonly src: number;
  readonly dst: number;
  /** Mixed-radix ordinal of the field values. */
  readonly fieldOrd: number;
}

/** Builds the codes of all message types of `checked`, in declaration order. */
export function createMessageCodec(checked: CheckedSpec, families: readonly FamilyRange[]): MessageCodec {
  const nodeCount = families.reduce((n, f) => n + f.count, 0);
  const flows = collectFlows(checked);
  const types: MessageCoding[] = [];
  let base = 0;
  checked.messages.forEach((message, index) => {
    const type: MessageType = { kind: "message", name: message.name, fields: message.fields };
    const fields: FieldCoding[] = [];
    let stride = 1;
    for (let i = message.fields.length - 1; i >= 0; i--) {
      const f = message.fields[i]!;
      const size = domainSize(f.type);
      fields.unshift({ name: f.name, type: f.type, size, stride });
      stride *= size;
    }
    const flow = flows.get(message.name);
    const gidsOf = (names: ReadonlySet<string> | undefined): number[] =>
      families.filter((f) => names?.has(f.name)).flatMap((f) => Array.from({ length: f.count }, (_, i) => f.firstGid + i));
    const srcGids = gidsOf(flow?.from);
    const dstGids = gidsOf(flow?.to);
    const size = srcGids.length * dstGids.length * stride;
    types.push({
      index,
      name: message.name,
      type,
      fields,
      fieldCount: stride,
      srcGids,
      dstGids,
      srcPos: positions(srcGids, nodeCount),
      dstPos: positions(dstGids, nodeCount),
      base,
      size,
    });
    base += size;
  });
  return { types, universe: base, byName: new Map(types.map((t) => [t.name, t])) };
}

function positions(gids: readonly number[], nodeCount: number): Int32Array {
  const pos = new Int32Array(nodeCount).fill(-1);
  gids.forEach((gid, i) => (pos[gid] = i));
  return pos;
}

/** The code of a message; `src` and `dst` are global ids that the coding admits. */
export function encodeMessage(coding: MessageCoding, src: number, dst: number, fieldOrd: number): number {
  return coding.base + (coding.dstPos[dst]! * coding.srcGids.length + coding.srcPos[src]!) * coding.fieldCount + fieldOrd;
}

/** Decodes a message code (which must be below `codec.universe`). */
export function decodeMessage(codec: MessageCodec, code: number): DecodedMessage {
  let coding = codec.types[0]!;
  for (const t of codec.types) if (t.size > 0 && code >= t.base) coding = t;
  const rel = code - coding.base;
  const fieldOrd = rel % coding.fieldCount;
  const pair = Math.floor(rel / coding.fieldCount);
  const nSrc = coding.srcGids.length;
  return { coding, src: coding.srcGids[pair % nSrc]!, dst: coding.dstGids[Math.floor(pair / nSrc)]!, fieldOrd };
}

/** The message as the user writes it: `Vote{term: 1}`, or `Commit` for one without fields. */
export function messageText(coding: MessageCoding, fieldOrd: number, name: NodeNamer): string {
  if (coding.fields.length === 0) return coding.name;
  const tmp = new Int32Array(widthOf(coding.type));
  writeOrdinal(coding.type, fieldOrd, tmp, 0);
  return `${coding.name}${valueText(coding.type, tmp, 0, name)}`;
}

interface Flow {
  readonly from: Set<string>;
  readonly to: Set<string>;
}

/**
 * For each message name: the families whose handlers and actions send it, and the destination
 * families. A reply goes to the handler's sender family, or, when the checker names none, to
 * every family that sends the handled message (found by iterating to a fixed point).
 */
function collectFlows(checked: CheckedSpec): Map<string, Flow> {
  const flows = new Map<string, Flow>();
  let changed = true;
  const add = (message: string, from: string, to: string | undefined): void => {
    let flow = flows.get(message);
    if (!flow) flows.set(message, (flow = { from: new Set(), to: new Set() }));
    if (!flow.from.has(from)) changed = true;
    flow.from.add(from);
    if (to !== undefined && !flow.to.has(to)) {
      changed = true;
      flow.to.add(to);
    }
  };
  const visit = (family: string, block: ast.Block, handler: ast.HandlerDecl | undefined): void =>
    forEachStmt(block, (stmt) => {
      if (stmt.kind === "SendStmt") {
        const to = checked.types.get(stmt.to.id);
        add(stmt.message.name.name, family, to?.kind === "node" ? to.family : undefined);
      } else if (stmt.kind === "BroadcastStmt") {
        add(stmt.message.name.name, family, stmt.to?.name ?? family);
      } else if (stmt.kind === "ReplyStmt") {
        const sender: NodeType | undefined = handler ? checked.senders.get(handler.id) : undefined;
        if (sender) add(stmt.message.name.name, family, sender.family);
        else if (handler?.message) {
          add(stmt.message.name.name, family, undefined);
          for (const from of flows.get(handler.message.name)?.from ?? []) add(stmt.message.name.name, family, from);
        }
      }
    });
  while (changed) {
    changed = false;
    for (const family of checked.families) {
      for (const handler of family.handlers) visit(family.name, handler.body, handler);
      for (const action of family.actions) visit(family.name, action.decl.body, undefined);
    }
  }
  return flows;
}

/** Calls `f` on every statement of `block`, nested ones included, in source order. */
export function forEachStmt(block: ast.Block, f: (stmt: ast.Stmt) => void): void {
  for (const stmt of block.statements) {
    f(stmt);
    if (stmt.kind === "IfStmt") {
      forEachStmt(stmt.then, f);
      let rest: ast.Block | ast.IfStmt | undefined = stmt.elseBranch;
      while (rest) {
        if (rest.kind === "Block") {
          forEachStmt(rest, f);
          rest = undefined;
        } else {
          f(rest);
          forEachStmt(rest.then, f);
          rest = rest.elseBranch;
        }
      }
    } else if (stmt.kind === "ForStmt") {
      forEachStmt(stmt.body, f);
    }
  }
}
