// Signatures of nodes that every permutation carries along with the node: which fixed slots hold
// its id or have its bit set, its clock offset, and the messages and cut links it is an end of.
// Used to break ties between equal node blocks; any such signature keeps reduction exact.

import type { Type } from "../check/types.js";
import { domainSize, widthOf } from "./flat-value.js";
import type { FamilyLayout, Layout } from "./layout.js";
import { decodeMessage } from "./message-codec.js";
import { Permuter } from "./permutation-plan.js";

/** A slot at a position no permutation moves, holding a node id or a set of nodes of `family`. */
interface FixedSlot {
  readonly slot: number;
  readonly family: number;
  readonly isSet: boolean;
  /** Pairs (length slot, index): the slot is a sequence element only while index < length. */
  readonly guards: readonly number[];
}

/** Computes `sig[gid]` for every node; equal for nodes that a permutation of `state` exchanges. */
export type SignatureFn = (state: Int32Array, sig: Int32Array) => void;

/** The signature function of `layout` for its symmetric families. */
export function createSignature(layout: Layout): SignatureFn {
  const symmetric = new Set(layout.families.filter((f) => f.symmetric).map((f) => f.index));
  const p = new Permuter(layout, Int32Array.from({ length: layout.nodeCount }, (_, i) => i));
  const fixed: FixedSlot[] = [];
  const visit = (type: Type, at: number, guards: readonly number[]): void => collectFixed(layout, symmetric, p, type, at, guards, fixed);
  for (const f of layout.families) {
    if (symmetric.has(f.index)) continue;
    for (let i = 0; i < f.count; i++) for (const v of f.vars) visit(v.type, f.base + i * f.stride + v.offset, []);
  }
  for (const v of layout.specVars) visit(v.type, v.offset, []);
  const plainFields = layout.codec.types.map((t) => !p.affects(t.type));
  const isSym = (gid: number): boolean => symmetric.has(layout.gidFamily[gid]!);
  return (s, sig) => {
    sig.fill(0);
    for (const f of fixed) {
      if (!holds(s, f.guards)) continue;
      const v = s[f.slot]!;
      const first = layout.families[f.family]!.firstGid;
      if (!f.isSet) sig[first + v] = (sig[first + v]! + mix(f.slot, 1)) | 0;
      else {
        for (let bits = v; bits !== 0; bits &= bits - 1) {
          const g = first + 31 - Math.clz32(bits & -bits);
          sig[g] = (sig[g]! + mix(f.slot, 2)) | 0;
        }
      }
    }
    for (let g = 0; g < layout.nodeCount; g++) {
      const slot = layout.clockSlot[g]!;
      if (slot >= 0) sig[g] = (sig[g]! + mix(s[slot]!, 3)) | 0;
    }
    forEachMessage(layout, s, (code, position) => {
      const m = decodeMessage(layout.codec, code);
      const fields = plainFields[m.coding.index] ? m.fieldOrd : -1;
      const tag = mix(m.coding.index, mix(fields, position));
      sig[m.src] = (sig[m.src]! + mix(tag, isSym(m.dst) ? -1 : m.dst) + 4) | 0;
      sig[m.dst] = (sig[m.dst]! + mix(tag, isSym(m.src) ? -2 : m.src) + 5) | 0;
    });
    const cut = layout.cut;
    if (cut) {
      const n = layout.nodeCount;
      for (let w = 0; w < cut.words; w++) {
        for (let bits = s[cut.base + w]!; bits !== 0; bits &= bits - 1) {
          const link = w * 32 + 31 - Math.clz32(bits & -bits);
          const src = Math.floor(link / n);
          const dst = link % n;
          sig[src] = (sig[src]! + 6) | 0;
          sig[dst] = (sig[dst]! + 7) | 0;
        }
      }
    }
  };
}

/** Calls f(code, position) for every message in flight (position: its place in its FIFO, else 0). */
function forEachMessage(layout: Layout, s: Int32Array, f: (code: number, position: number) => void): void {
  const net = layout.network;
  if (net.kind === "duplicating") {
    for (let w = 0; w < net.size; w++) for (let bits = s[net.base + w]!; bits !== 0; bits &= bits - 1) f(w * 32 + 31 - Math.clz32(bits & -bits), 0);
    return;
  }
  const ordered = net.kind === "ordered";
  for (let k = 0; k < net.size; k++) {
    const code = s[net.base + k]!;
    if (code !== -1) f(code, ordered ? k % net.capacity : 0);
  }
}

function collectFixed(
  layout: Layout,
  symmetric: ReadonlySet<number>,
  p: Permuter,
  type: Type,
  at: number,
  guards: readonly number[],
  out: FixedSlot[],
): void {
  const familyOf = (t: Type): FamilyLayout | undefined =>
    t.kind === "node" && symmetric.has(layout.familyByName.get(t.family)!.index) ? layout.familyByName.get(t.family) : undefined;
  switch (type.kind) {
    case "node": {
      const f = familyOf(type);
      if (f) out.push({ slot: at, family: f.index, isSet: false, guards });
      return;
    }
    case "set": {
      const f = familyOf(type.element);
      if (f) out.push({ slot: at, family: f.index, isSet: true, guards });
      return;
    }
    case "record":
    case "message": {
      let off = at;
      for (const field of type.fields) {
        collectFixed(layout, symmetric, p, field.type, off, guards, out);
        off += widthOf(field.type);
      }
      return;
    }
    case "map": {
      if (p.affects(type.key)) return;
      const w = widthOf(type.value);
      for (let k = 0; k < domainSize(type.key); k++) collectFixed(layout, symmetric, p, type.value, at + k * w, guards, out);
      return;
    }
    case "seq": {
      const w = widthOf(type.element);
      for (let i = 0; i < type.max; i++) collectFixed(layout, symmetric, p, type.element, at + 1 + i * w, [...guards, at, i], out);
      return;
    }
    default:
      return;
  }
}

function holds(s: Int32Array, guards: readonly number[]): boolean {
  for (let k = 0; k < guards.length; k += 2) if (guards[k + 1]! >= s[guards[k]!]!) return false;
  return true;
}

/** A 32-bit mix of two ints (order-sensitive), summed into signatures (order-insensitive). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return h ^ (h >>> 13);
}

