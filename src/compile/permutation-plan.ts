// How one permutation of node ids acts on packed states: node blocks move, node-id values,
// bitsets and map keys over the family are remapped, message codes are re-encoded (multisets
// re-sorted, FIFOs moved to their new links), cut links and clock offsets follow their nodes.

import type { Type } from "../check/types.js";
import { domainSize, ordinalOf, widthOf, writeOrdinal } from "./flat-value.js";
import type { Layout } from "./layout.js";
import { decodeMessage, encodeMessage } from "./message-codec.js";

/** Writes the image of state `src` under one permutation into `dst`. */
export type Plan = (src: Int32Array, dst: Int32Array) => void;

/** How a slot's content changes under a permutation; null when it does not. */
type Mapper = ((v: number) => number) | null;

/**
 * Receives one slot of a walked value: its new position, its old one, how its content changes,
 * and guards: pairs (length slot, index) that must all hold (index < length) for the change to
 * apply. Sequence padding past the length stays as it is (zeros), so states stay canonical.
 */
type Move = (to: number, from: number, map: Mapper, guards: readonly number[]) => void;

/** How values of one type move under one permutation: a node-id table and ordinal tables. */
export class Permuter {
  private readonly ordTables = new Map<Type, Int32Array | null>();

  constructor(
    private readonly layout: Layout,
    /** Global id -> global id. */
    readonly gids: Int32Array,
  ) {}

  /** New index within `family` of node `index`. */
  node(family: string, index: number): number {
    const f = this.layout.familyByName.get(family)!;
    return this.gids[f.firstGid + index]! - f.firstGid;
  }

  /** True when the permutation can change values of `type`. */
  affects(type: Type): boolean {
    switch (type.kind) {
      case "node":
        return this.layout.familyByName.get(type.family)!.symmetric;
      case "set":
        return this.affects(type.element);
      case "map":
        return this.affects(type.key) || this.affects(type.value);
      case "seq":
        return this.affects(type.element);
      case "record":
      case "message":
        return type.fields.some((f) => this.affects(f.type));
      default:
        return false;
    }
  }

  /** ordinal -> ordinal of the permuted value, or null when the permutation leaves `type` alone. */
  ordTable(type: Type): Int32Array | null {
    if (!this.affects(type)) return null;
    let table = this.ordTables.get(type);
    if (table === undefined) {
      const size = domainSize(type);
      table = new Int32Array(size);
      const a = new Int32Array(widthOf(type));
      const b = new Int32Array(widthOf(type));
      for (let o = 0; o < size; o++) {
        writeOrdinal(type, o, a, 0);
        this.value(type, a, 0, b, 0);
        table[o] = ordinalOf(type, b, 0);
      }
      this.ordTables.set(type, table);
    }
    return table;
  }

  /** Writes the permuted flat value of `type` at src[so..] to dst[d..]. */
  value(type: Type, src: ArrayLike<number>, so: number, dst: Int32Array, d: number): void {
    this.walk(type, so, d, (to, from, map, guards) => (dst[to] = map && holds(src, guards) ? map(src[from]!) : src[from]!));
  }

  /**
   * Calls `move(to, from, map)` for each slot of a value of `type` stored at `so`, landing at
   * `d`: the slot's new position and how its content changes.
   */
  walk(type: Type, so: number, d: number, move: Move, guards: readonly number[] = []): void {
    const id = null;
    if (!this.affects(type)) {
      for (let k = 0; k < widthOf(type); k++) move(d + k, so + k, id, guards);
      return;
    }
    switch (type.kind) {
      case "node": {
        const family = type.family;
        move(d, so, (v) => this.node(family, v), guards);
        return;
      }
      case "set": {
        const table = this.ordTable(type.element)!;
        move(d, so, (v) => {
          let out = 0;
          for (let bits = v; bits !== 0; bits &= bits - 1) out |= 1 << table[31 - Math.clz32(bits & -bits)]!;
          return out;
        }, guards);
        return;
      }
      case "record":
      case "message": {
        let at = 0;
        for (const f of type.fields) {
          this.walk(f.type, so + at, d + at, move, guards);
          at += widthOf(f.type);
        }
        return;
      }
      case "map": {
        const keys = this.ordTable(type.key);
        const w = widthOf(type.value);
        for (let k = 0; k < domainSize(type.key); k++) this.walk(type.value, so + k * w, d + (keys ? keys[k]! : k) * w, move, guards);
        return;
      }
      case "seq": {
        const w = widthOf(type.element);
        move(d, so, id, guards);
        for (let i = 0; i < type.max; i++) this.walk(type.element, so + 1 + i * w, d + 1 + i * w, move, [...guards, so, i]);
        return;
      }
      default:
        for (let k = 0; k < widthOf(type); k++) move(d + k, so + k, id, guards);
    }
  }
}

/** The function applying one group element (a permutation of global ids) to whole states. */
export function createPlan(layout: Layout, gids: Int32Array): Plan {
  const p = new Permuter(layout, gids);
  const size = layout.stateSize;
  const from = Int32Array.from({ length: size }, (_, i) => i);
  const maps: Mapper[] = new Array<Mapper>(size).fill(null);
  const guardsOf: (readonly number[])[] = new Array<readonly number[]>(size).fill([]);
  const move: Move = (to, src, map, guards) => {
    from[to] = src;
    maps[to] = map;
    guardsOf[to] = guards;
  };
  for (const f of layout.families) {
    for (let i = 0; i < f.count; i++) {
      const src = f.base + i * f.stride;
      const dst = f.base + p.node(f.name, i) * f.stride;
      for (const v of f.vars) p.walk(v.type, src + v.offset, dst + v.offset, move);
      if (f.upOffset >= 0) move(dst + f.upOffset, src + f.upOffset, null, []);
    }
  }
  for (const v of layout.specVars) p.walk(v.type, v.offset, v.offset, move);
  for (let g = 0; g < layout.nodeCount; g++) {
    const slot = layout.clockSlot[g]!;
    if (slot >= 0) move(layout.clockSlot[gids[g]!]!, slot, null, []);
  }
  for (const e of layout.effects) {
    const table = p.ordTable({ kind: "record", fields: e.params.map((type, i) => ({ name: `a${i}`, type })) });
    for (let k = 0; k < e.count; k++) move(e.base + (table ? table[k]! : k), e.base + k, null, []);
  }
  for (const h of layout.histories) {
    const table = p.ordTable(h.key);
    for (let k = 0; k < h.keys; k++) move(h.base + (table ? table[k]! : k), h.base + k, null, []);
  }
  const simple = compileSimple(from, maps, guardsOf);
  const network = createNetworkPlan(layout, p);
  const cut = createCutPlan(layout, gids);
  return (src, dst) => {
    simple(src, dst);
    network(src, dst);
    cut(src, dst);
  };
}

/** True when every (length slot, index) guard holds in `src`. */
function holds(src: ArrayLike<number>, guards: readonly number[]): boolean {
  for (let k = 0; k < guards.length; k += 2) if (guards[k + 1]! >= src[guards[k]!]!) return false;
  return true;
}

/** Positional moves with value maps, as tight loops over precomputed arrays. */
function compileSimple(
  from: Int32Array,
  maps: readonly Mapper[],
  guardsOf: readonly (readonly number[])[],
): (src: Int32Array, dst: Int32Array) => void {
  const plain: number[] = [];
  const mapped: number[] = [];
  const guarded: number[] = [];
  maps.forEach((m, i) => (m === null ? plain : guardsOf[i]!.length > 0 ? guarded : mapped).push(i));
  const plainTo = Int32Array.from(plain);
  const plainFrom = Int32Array.from(plain, (i) => from[i]!);
  const mappedTo = Int32Array.from(mapped);
  const mappedFrom = Int32Array.from(mapped, (i) => from[i]!);
  const fns = mapped.map((i) => maps[i]!);
  const guardedSlots = guarded.map((i) => ({ to: i, from: from[i]!, map: maps[i]!, guards: guardsOf[i]! }));
  return (src, dst) => {
    for (let k = 0; k < plainTo.length; k++) dst[plainTo[k]!] = src[plainFrom[k]!]!;
    for (let k = 0; k < mappedTo.length; k++) dst[mappedTo[k]!] = fns[k]!(src[mappedFrom[k]!]!);
    for (const g of guardedSlots) dst[g.to] = holds(src, g.guards) ? g.map(src[g.from]!) : src[g.from]!;
  };
}

/** Remaps every in-flight message code; re-sorts multisets and moves FIFOs to their new links. */
function createNetworkPlan(layout: Layout, p: Permuter): (src: Int32Array, dst: Int32Array) => void {
  const net = layout.network;
  const codec = layout.codec;
  const cache = new Map<number, number>();
  const mapCode = (code: number): number => {
    let out = cache.get(code);
    if (out === undefined) {
      const m = decodeMessage(codec, code);
      const table = p.ordTable(m.coding.type);
      out = encodeMessage(m.coding, p.gids[m.src]!, p.gids[m.dst]!, table ? table[m.fieldOrd]! : m.fieldOrd);
      cache.set(code, out);
    }
    return out;
  };
  if (net.kind === "duplicating") {
    const table = Int32Array.from({ length: net.size * 32 }, (_, c) => (c < codec.universe ? mapCode(c) : c));
    return (src, dst) => {
      dst.fill(0, net.base, net.base + net.size);
      for (let w = 0; w < net.size; w++) {
        for (let bits = src[net.base + w]!; bits !== 0; bits &= bits - 1) {
          const c = table[w * 32 + 31 - Math.clz32(bits & -bits)]!;
          dst[net.base + (c >>> 5)] = dst[net.base + (c >>> 5)]! | (1 << (c & 31));
        }
      }
    };
  }
  if (net.kind === "unordered") {
    const buf = new Int32Array(net.capacity);
    return (src, dst) => {
      let k = 0;
      for (; k < net.capacity && src[net.base + k] !== -1; k++) buf[k] = mapCode(src[net.base + k]!);
      const used = buf.subarray(0, k).sort();
      dst.set(used, net.base);
      dst.fill(-1, net.base + k, net.base + net.capacity);
    };
  }
  const n = layout.nodeCount;
  const target = net.links.map(([s, d]) => net.linkIndex[p.gids[s]! * n + p.gids[d]!]!);
  return (src, dst) => {
    net.links.forEach((_, l) => {
      const from = net.base + l * net.capacity;
      const to = net.base + target[l]! * net.capacity;
      for (let k = 0; k < net.capacity; k++) {
        const c = src[from + k]!;
        dst[to + k] = c === -1 ? -1 : mapCode(c);
      }
    });
  };
}

/** Moves cut-link bits src*N+dst to P(src)*N+P(dst). */
function createCutPlan(layout: Layout, gids: Int32Array): (src: Int32Array, dst: Int32Array) => void {
  const cut = layout.cut;
  if (!cut) return () => {};
  const n = layout.nodeCount;
  const table = Int32Array.from({ length: n * n }, (_, l) => gids[Math.floor(l / n)]! * n + gids[l % n]!);
  return (src, dst) => {
    dst.fill(0, cut.base, cut.base + cut.words);
    for (let w = 0; w < cut.words; w++) {
      for (let bits = src[cut.base + w]!; bits !== 0; bits &= bits - 1) {
        const l = table[w * 32 + 31 - Math.clz32(bits & -bits)]!;
        dst[cut.base + (l >>> 5)] = dst[cut.base + (l >>> 5)]! | (1 << (l & 31));
      }
    }
  };
}

