// PackedState -> a readable object, for traces and state diffs: `Server[0].role`, spec vars by
// name (readable values, see readable-value.ts), `network` as message strings, the set of `cut`
// links, `time`, clock offsets, fault budgets left, effect counts and histories. Keys come in a
// fixed order; no entry is left out silently.

import type { Type } from "../check/types.js";
import { widthOf, writeOrdinal } from "./flat-value.js";
import { readValue, valueText, type NodeNamer, type Readable } from "./readable-value.js";
import type { Layout } from "./layout.js";
import { decodeMessage, messageText } from "./message-codec.js";
import { relevantLinks } from "./faults.js";

/** Names nodes of `layout`: `Server[1]`, or `TM` for a family declared without a count. */
export function createNodeNamer(layout: Pick<Layout, "familyByName">): NodeNamer {
  return (family, index) => {
    const f = layout.familyByName.get(family);
    return f?.singleton ? family : `${family}[${index}]`;
  };
}

/** The name of the node with global id `gid`. */
export function gidName(layout: Layout, name: NodeNamer, gid: number): string {
  const family = layout.families[layout.gidFamily[gid]!]!;
  return name(family.name, layout.gidIndex[gid]!);
}

/** A message code as `Vote{term: 1} Server[1]->Server[0]`. */
export function messageLine(layout: Layout, name: NodeNamer, code: number): string {
  const m = decodeMessage(layout.codec, code);
  return `${messageText(m.coding, m.fieldOrd, name)} ${gidName(layout, name, m.src)}->${gidName(layout, name, m.dst)}`;
}

/** The in-flight messages: sorted for sets and multisets, in link then queue order for FIFOs. */
export function networkLines(layout: Layout, name: NodeNamer, s: ArrayLike<number>): string[] {
  const net = layout.network;
  const lines: string[] = [];
  if (net.kind === "duplicating") {
    for (let code = 0; code < net.size * 32; code++) {
      if (((s[net.base + (code >>> 5)]! >>> (code & 31)) & 1) === 1) lines.push(messageLine(layout, name, code));
    }
    return lines.sort();
  }
  for (let k = net.base; k < net.base + net.size; k++) if (s[k] !== -1) lines.push(messageLine(layout, name, s[k]!));
  return net.kind === "unordered" ? lines.sort() : lines;
}

/** A readable view of `s` (see Model.decode). */
export function decodeState(layout: Layout, name: NodeNamer, s: ArrayLike<number>): Record<string, Readable> {
  const out: Record<string, Readable> = {};
  for (const family of layout.families) {
    for (let i = 0; i < family.count; i++) {
      const node = name(family.name, i);
      const base = family.base + i * family.stride;
      for (const v of family.vars) out[`${node}.${v.name}`] = readValue(v.type, s, base + v.offset, name);
      if (family.upOffset >= 0) out[`${node}.up`] = s[base + family.upOffset] === 1;
      if (family.clockBase >= 0) out[`${node}.clock`] = s[family.clockBase + i]!;
    }
  }
  for (const v of layout.specVars) out[v.name] = readValue(v.type, s, v.offset, name);
  out["network"] = networkLines(layout, name, s);
  if (layout.cut) {
    const cut = layout.cut;
    const links = relevantLinks(layout)
      .filter((link) => ((s[cut.base + (link >>> 5)]! >>> (link & 31)) & 1) === 1)
      .map((link) => linkText(layout, name, link));
    out["cut"] = { "#set": links };
  }
  if (layout.time >= 0) out["time"] = s[layout.time]!;
  for (const [kind, slot] of layout.budgets) out[`faults.${kind}`] = s[slot]!;
  for (const effect of layout.effects) {
    const counts: Record<string, number> = {};
    const args = argTexts(effect.params, name, effect.count);
    for (let k = 0; k < effect.count; k++) if (s[effect.base + k] !== 0) counts[`${effect.name}(${args[k]})`] = s[effect.base + k]!;
    out[`effects.${effect.name}`] = counts;
  }
  for (const h of layout.histories) {
    const acked: Record<string, number> = {};
    const keys = argTexts([h.key], name, h.keys);
    for (let k = 0; k < h.keys; k++) if (s[h.base + k]! >= h.version.low) acked[keys[k]!] = s[h.base + k]!;
    out[`history.${h.name}.acked`] = acked;
    out[`history.${h.name}.lost`] = s[h.lost] !== 0;
  }
  return out;
}

/** `Server[0]->Server[2]` for link index src * nodeCount + dst. */
export function linkText(layout: Layout, name: NodeNamer, link: number): string {
  const n = layout.nodeCount;
  return `${gidName(layout, name, Math.floor(link / n))}->${gidName(layout, name, link % n)}`;
}

/** Texts of all argument combinations (mixed radix, first argument most significant). */
function argTexts(types: readonly Type[], name: NodeNamer, count: number): string[] {
  const out: string[] = [];
  const record = { kind: "record" as const, fields: types.map((type, i) => ({ name: `a${i}`, type })) };
  const tmp = new Int32Array(record.fields.reduce((w, f) => w + widthOf(f.type), 0));
  for (let k = 0; k < count; k++) {
    writeOrdinal(record, k, tmp, 0);
    let at = 0;
    out.push(
      record.fields
        .map((f) => {
          const text = valueText(f.type, tmp, at, name);
          at += widthOf(f.type);
          return text;
        })
        .join(", "),
    );
  }
  return out;
}
