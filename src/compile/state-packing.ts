// Dense states: the slots of a Layout whose values lie in small ranges (enums, bools, small ints,
// bitsets of few elements, up flags, budgets, message slots) share 32-bit words, so the states
// the explorer hashes, compares and stores are fewer slots. Generated code and symmetry keep
// working on the wide layout; CompiledModel packs at the boundary. Exact: packing is injective.

import type { FaultKind } from "../ast/nodes.js";
import type { Type } from "../check/types.js";
import { domainSize } from "./flat-value.js";
import { repOf } from "./gen-context.js";
import type { Layout } from "./layout.js";

/** One wide slot inside a packed word: value - `low` occupies `bits` bits from bit `shift`. */
export interface PackedField {
  readonly slot: number;
  readonly low: number;
  readonly bits: number;
  readonly word: number;
  readonly shift: number;
}

/** A packing of a wide layout; `pack` throws an internal error on a value outside its field. */
export interface StatePacking {
  /** Slots of a packed state. */
  readonly size: number;
  readonly fields: readonly PackedField[];
  pack(wide: ArrayLike<number>, packed: Int32Array): void;
  unpack(packed: ArrayLike<number>, wide: Int32Array): void;
}

/** The closed range of values a slot can hold: [low, high]. */
type Range = readonly [number, number];

/** Fields wider than this keep a word of their own, copied as is (any Int32 value). */
const MAX_FIELD_BITS = 31;

/**
 * The packing of `layout`: slots in layout order, each packed at the lowest free bits of the
 * current word, a new word begun when it does not fit. Undefined when packing would save less
 * than a quarter of the slots (it then costs more than it saves). Deterministic.
 */
export function createStatePacking(layout: Layout, budgets: Readonly<Record<FaultKind, number>>): StatePacking | undefined {
  const ranges = slotRanges(layout, budgets);
  const fields: PackedField[] = [];
  let word = -1;
  let used = 32;
  for (let slot = 0; slot < ranges.length; slot++) {
    const [low, high] = ranges[slot] ?? [-(2 ** 31), 2 ** 31 - 1];
    const bits = bitsFor(high - low);
    if (bits > MAX_FIELD_BITS || used + bits > 32) {
      word++;
      used = 0;
    }
    fields.push({ slot, low: bits > MAX_FIELD_BITS ? 0 : low, bits: Math.min(bits, 32), word, shift: used });
    used = bits > MAX_FIELD_BITS ? 32 : used + bits;
  }
  const size = word + 1;
  if (size === layout.stateSize || size * 4 > layout.stateSize * 3) return undefined;
  return { size, fields, ...generateCodec(fields, size) };
}

/** Bits that hold 0..span. */
function bitsFor(span: number): number {
  let bits = 0;
  while (bits < 33 && 2 ** bits <= span) bits++;
  return bits;
}

/** Straight-line pack and unpack functions for `fields`. */
function generateCodec(fields: readonly PackedField[], size: number): Pick<StatePacking, "pack" | "unpack"> {
  const pack: string[] = [];
  const unpack: string[] = [];
  for (let w = 0; w < size; w++) {
    const parts = fields.filter((f) => f.word === w);
    if (parts.length === 1 && parts[0]!.bits === 32) {
      pack.push(`p[${w}] = n[${parts[0]!.slot}];`);
      unpack.push(`n[${parts[0]!.slot}] = p[${w}];`);
      continue;
    }
    const terms = parts.map((f) => {
      const v = f.low === 0 ? `n[${f.slot}]` : `(n[${f.slot}] - ${f.low})`;
      pack.push(`bad |= ${v} & ${~((2 ** f.bits - 1) | 0)};`);
      unpack.push(`n[${f.slot}] = ((w${w} >>> ${f.shift}) & ${2 ** f.bits - 1})${f.low === 0 ? "" : ` + ${f.low}`};`);
      return f.shift === 0 ? v : `(${v} << ${f.shift})`;
    });
    pack.push(`p[${w}] = ${terms.join(" | ")};`);
    unpack.splice(unpack.length - parts.length, 0, `const w${w} = p[${w}];`);
  }
  const fail = `throw new Error("internal: a state value lies outside the range its packed field was given");`;
  const packFn = new Function("n", "p", `"use strict";\nlet bad = 0;\n${pack.join("\n")}\nif (bad !== 0) ${fail}`);
  const unpackFn = new Function("p", "n", `"use strict";\n${unpack.join("\n")}`);
  return { pack: packFn as StatePacking["pack"], unpack: unpackFn as StatePacking["unpack"] };
}

/** The range of every slot of `layout`, by slot (undefined: any Int32 value). */
function slotRanges(layout: Layout, budgets: Readonly<Record<FaultKind, number>>): (Range | undefined)[] {
  const out: (Range | undefined)[] = new Array<Range | undefined>(layout.stateSize);
  const put = (slot: number, range: Range | undefined): void => {
    out[slot] = range;
  };
  for (const f of layout.families) {
    for (let i = 0; i < f.count; i++) {
      const base = f.base + i * f.stride;
      for (const v of f.vars) typeRanges(v.type, false).forEach((r, k) => put(base + v.offset + k, r));
      if (f.upOffset >= 0) put(base + f.upOffset, [0, 1]);
    }
    if (f.clockBase >= 0) for (let i = 0; i < f.count; i++) put(f.clockBase + i, [-layout.skew, layout.skew]);
  }
  for (const v of layout.specVars) typeRanges(v.type, false).forEach((r, k) => put(v.offset + k, r));
  const net = layout.network;
  for (let k = 0; k < net.size; k++) {
    const codes = layout.codec.universe - 32 * k;
    put(net.base + k, net.kind === "duplicating" ? bitsetRange(codes) : [-1, layout.codec.universe - 1]);
  }
  if (layout.cut) for (let k = 0; k < layout.cut.words; k++) put(layout.cut.base + k, bitsetRange(layout.nodeCount ** 2 - 32 * k));
  if (layout.time >= 0) put(layout.time, [0, layout.ticks]);
  for (const [kind, slot] of layout.budgets) put(slot, [0, budgets[kind]]);
  for (const e of layout.effects) for (let k = 0; k < e.count; k++) put(e.base + k, [0, 2]);
  for (const h of layout.histories) {
    for (let k = 0; k < h.keys; k++) put(h.base + k, [h.version.low - 1, h.version.high]);
    put(h.lost, [0, 1]);
  }
  return out;
}

/** A bitset word holding `n` bits (all 32 when n >= 32). */
function bitsetRange(n: number): Range | undefined {
  return n >= 31 ? undefined : [0, 2 ** Math.max(0, n) - 1];
}

/**
 * The ranges of the slots of a value of `type`, in slot order. Inside a sequence (`padded`),
 * slots past its length hold 0, so 0 joins every range there.
 */
function typeRanges(type: Type, padded: boolean): (Range | undefined)[] {
  const pad = (r: Range): Range => (padded ? [Math.min(r[0], 0), Math.max(r[1], 0)] : r);
  switch (type.kind) {
    case "int":
      return [Number.isFinite(type.low) && Number.isFinite(type.high) ? pad([type.low, type.high]) : undefined];
    case "bool":
    case "enum":
    case "node":
      return [pad([0, domainSize(type) - 1])];
    case "set":
      return [bitsetRange(repOf(type).n)];
    case "record":
    case "message":
      return type.fields.flatMap((f) => typeRanges(f.type, padded));
    case "map": {
      const value = typeRanges(type.value, padded);
      return Array.from({ length: domainSize(type.key) }, () => value).flat();
    }
    case "seq": {
      const element = typeRanges(type.element, true);
      return [pad([0, type.max]), ...Array.from({ length: type.max }, () => element).flat()];
    }
  }
}
