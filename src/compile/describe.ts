// Words for one step, from what the step function recorded before emitting it (the choice
// record C: actor, message code, sender or parameters) and the messages it sent. For traces and
// sequence diagrams; never on the hot path.

import type { Type } from "../check/types.js";
import { isComposite, widthOf, writeOrdinal } from "./flat-value.js";
import { valueText, type NodeNamer } from "./readable-value.js";
import type { StepMeta } from "./actions.js";
import { gidName, linkText } from "./codec.js";
import type { FaultStep } from "./faults.js";
import type { Layout } from "./layout.js";
import { decodeMessage, messageText } from "./message-codec.js";
import type { StepDescription } from "./model.js";

type Sent = { readonly from: string; readonly to: string; readonly text: string; readonly lost?: boolean };

/** A message code as the sender, receiver and message text. */
export function messageParts(layout: Layout, name: NodeNamer, code: number): Sent {
  const m = decodeMessage(layout.codec, code);
  return { from: gidName(layout, name, m.src), to: gidName(layout, name, m.dst), text: messageText(m.coding, m.fieldOrd, name) };
}

/** A message sent on a cut link, lost at once: its text ends in ` (lost: link cut)`. */
function lostParts(layout: Layout, name: NodeNamer, code: number): Sent {
  const m = messageParts(layout, name, code);
  return { ...m, text: `${m.text} (lost: link cut)`, lost: true };
}

/**
 * Describes a protocol step (deliver, timer, action). `sentCodes` holds the code of each message
 * sent, or its complement (~code, negative) for one lost on a cut link.
 */
export function describeProtocolStep(
  layout: Layout,
  name: NodeNamer,
  meta: StepMeta,
  actionId: number,
  C: Int32Array,
  sentCodes: readonly number[],
): StepDescription {
  const sent = sentCodes.map((code) => (code < 0 ? lostParts(layout, name, ~code) : messageParts(layout, name, code)));
  const withSent = sent.length > 0 ? { sent } : {};
  const actor = C[0]! >= 0 ? gidName(layout, name, C[0]!) : undefined;
  switch (meta.kind) {
    case "deliver": {
      const message = messageParts(layout, name, C[1]!);
      const text = `${message.to} receives ${message.text} from ${message.from}`;
      return { actionId, kind: "deliver", text, actor: message.to, message, ...withSent };
    }
    case "timer":
      return { actionId, kind: "timer", text: `${actor} times out`, ...(actor ? { actor } : {}), ...withSent };
    case "action": {
      const params = meta.action.params.map((p, k) => `${p.name}: ${paramText(p.type, C[2 + k]!, name)}`);
      const call = params.length > 0 ? `${meta.action.name}(${params.join(", ")})` : meta.action.name;
      const text = actor ? `${actor} ${call}` : call;
      return { actionId, kind: "action", text, ...(actor ? { actor } : {}), ...withSent };
    }
  }
}

function paramText(type: Type, value: number, name: NodeNamer): string {
  const tmp = new Int32Array(widthOf(type));
  if (isComposite(type)) writeOrdinal(type, value, tmp, 0);
  else tmp[0] = value;
  return valueText(type, tmp, 0, name);
}

/** Describes a fault or tick step taken from state `s`. */
export function describeFaultStep(
  layout: Layout,
  name: NodeNamer,
  step: FaultStep,
  actionId: number,
  C: Int32Array,
  s: Int32Array,
): StepDescription {
  const base = { actionId, kind: step.info.kind };
  switch (step.kind) {
    case "drop":
    case "duplicate": {
      const m = messageParts(layout, name, C[0]!);
      const verb = step.kind === "drop" ? "drops" : "duplicates";
      return { ...base, text: `network ${verb} ${m.text} ${m.from}->${m.to}`, message: m };
    }
    case "partition": {
      const side = C[0]!;
      const a: string[] = [];
      const b: string[] = [];
      for (let gid = 0; gid < layout.nodeCount; gid++) ((side >>> gid) & 1 ? b : a).push(gidName(layout, name, gid));
      return { ...base, text: `partition {${a.join(", ")}} | {${b.join(", ")}}${lostText(C[1]!)}` };
    }
    case "cut":
      return { ...base, text: `link ${linkText(layout, name, C[0]!)} cut${lostText(C[1]!)}` };
    case "heal":
      return { ...base, text: "all links healed" };
    case "crash":
    case "restart": {
      const actor = gidName(layout, name, C[0]!);
      return { ...base, text: `${actor} ${step.kind === "crash" ? "crashes" : "restarts"}`, actor };
    }
    case "skew": {
      const actor = gidName(layout, name, C[0]!);
      const delta = C[1]!;
      const offset = s[layout.clockSlot[C[0]!]!]! + delta;
      return { ...base, text: `${actor} clock ${delta > 0 ? "+1" : "-1"} (offset ${offset})`, actor };
    }
    case "tick":
      return { ...base, text: `time advances to ${s[layout.time]! + 1}` };
  }
}

/** ` (2 messages in flight lost)` after a partition or cut that lost messages; else nothing. */
function lostText(count: number): string {
  return count === 0 ? "" : ` (${count} message${count === 1 ? "" : "s"} in flight lost)`;
}
