// The packed layout of a spec's state: which Int32 slots hold each node's vars and up flag, the
// spec vars, the network, cut links, time, clock offsets, fault budgets, effects and histories.
// Deterministic: the same CheckedSpec always gives the same layout. Reports FL4001/FL4002.

import type * as ast from "../ast/nodes.js";
import type { CheckedFamily, CheckedSpec, CheckedVar } from "../check/checked.js";
import type { IntType, NodeType, Type } from "../check/types.js";
import { walk } from "../ast/walk.js";
import { makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import { domainSize, widthOf } from "./flat-value.js";
import { checkStorable, MAX_KEYS, type LimitReport } from "./storable.js";
import { createMessageCodec, type FamilyRange, type MessageCodec } from "./message-codec.js";

/** A variable's slots: `offset` is relative to its node block (node vars) or absolute (spec vars). */
export interface VarLayout {
  readonly name: string;
  readonly type: Type;
  readonly offset: number;
  readonly width: number;
  readonly durable: boolean;
  readonly decl: ast.VarDecl;
}

export interface FamilyLayout extends FamilyRange {
  readonly index: number;
  readonly checked: CheckedFamily;
  readonly type: NodeType;
  readonly symmetric: boolean;
  /** Declared without a count (`node TM`): its node is named `TM`, not `TM[0]`. */
  readonly singleton: boolean;
  /** First slot of node 0's block; node i's block starts at base + i * stride. */
  readonly base: number;
  readonly stride: number;
  readonly vars: readonly VarLayout[];
  readonly varByName: ReadonlyMap<string, VarLayout>;
  /** Offset of the up flag (1 up, 0 crashed) in the block, or -1 without crash faults. */
  readonly upOffset: number;
  /**
   * Slot of node 0's clock offset (node i's is clockBase + i), or -1: without skew faults, or
   * when the family never reads `now` (its clocks could shift, but nothing would notice).
   */
  readonly clockBase: number;
}

export interface NetworkLayout {
  readonly kind: ast.NetworkKind;
  readonly capacity: number;
  readonly base: number;
  /** Slots: bitset words (duplicating), capacity (unordered), links * capacity (ordered). */
  readonly size: number;
  /** Ordered only: the directed links [src, dst] that can carry messages, ascending. */
  readonly links: readonly (readonly [number, number])[];
  /** Ordered only: link position of src * nodeCount + dst, or -1. */
  readonly linkIndex: Int32Array;
}

export interface EffectLayout {
  readonly name: string;
  readonly params: readonly Type[];
  /** The parameters' names, as declared (`order` in `effect charge(order: 0..2)`). */
  readonly paramNames: readonly string[];
  /** One slot per argument combination (mixed radix over params), holding a count capped at 2. */
  readonly base: number;
  readonly count: number;
}

export interface HistoryLayout {
  readonly name: string;
  readonly key: Type;
  /** The parameters' names, as declared (`key` and `version` in `history kv(key: ..., version: ...)`). */
  readonly keyName: string;
  readonly versionName: string;
  readonly version: IntType;
  /** One slot per key: the latest acknowledged version (version.low - 1 before any ack). */
  readonly base: number;
  readonly keys: number;
  /** Slot of the "a read returned a value older than an acknowledged write" flag. */
  readonly lost: number;
}

export interface Layout {
  readonly stateSize: number;
  readonly nodeCount: number;
  readonly families: readonly FamilyLayout[];
  readonly familyByName: ReadonlyMap<string, FamilyLayout>;
  /** Family index and index within the family, by global node id. */
  readonly gidFamily: Int32Array;
  readonly gidIndex: Int32Array;
  readonly specVars: readonly VarLayout[];
  readonly codec: MessageCodec;
  readonly network: NetworkLayout;
  /**
   * Bitset of cut directed links (bit src * nodeCount + dst), when partition or cut faults exist.
   * No message is ever in flight on a cut link: cutting loses them, and sends on it are lost.
   */
  readonly cut: { readonly base: number; readonly words: number } | undefined;
  /** Slot of global time, or -1 without a clock; `ticks` is its bound. */
  readonly time: number;
  readonly ticks: number;
  /**
   * The clock-offset slot of each global node id, or -1 for nodes without one (see
   * FamilyLayout.clockBase); `skew` bounds the offsets.
   */
  readonly clockSlot: Int32Array;
  readonly skew: number;
  /** Slot holding the budget left, for each spent fault kind with a positive budget. */
  readonly budgets: ReadonlyMap<ast.FaultKind, number>;
  readonly effects: readonly EffectLayout[];
  readonly histories: readonly HistoryLayout[];
}

/** Largest duplicating-network bitset (in message codes). */
export const MAX_SET_NETWORK_CODES = 4096;
/** Largest packed state. */
export const MAX_SLOTS = 1 << 16;

const SPENT_FAULTS: readonly ast.FaultKind[] = ["drop", "duplicate", "partition", "cut", "crash"];

/** Lays out the state of `checked`; `layout` is undefined when a limit is exceeded. */
export function computeLayout(checked: CheckedSpec): { layout: Layout | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const limit = (what: string, size: number, max: number, span: Span | undefined): void => {
    diagnostics.push(makeDiagnostic("FL4001", span, { what, size: Number.isFinite(size) ? size : "infinitely many", limit: max }));
  };
  const storable = (type: Type, what: string, span: Span): void => checkStorable(type, what, span, limit);
  let next = 0;
  const take = (n: number): number => {
    const at = next;
    next += n;
    return at;
  };

  const hasCrash = checked.faults.crash > 0;
  const families: FamilyLayout[] = [];
  let gid = 0;
  for (const [index, family] of checked.families.entries()) {
    let offset = 0;
    const vars = family.vars.map((v) => {
      storable(v.type, `variable \`${v.name}\``, v.decl.span);
      const layout = varLayout(v, offset);
      offset += layout.width;
      return layout;
    });
    const upOffset = hasCrash ? offset++ : -1;
    const base = take(offset * family.count);
    families.push({
      name: family.name,
      firstGid: gid,
      count: family.count,
      index,
      checked: family,
      type: family.type,
      symmetric: family.symmetric,
      singleton: family.decl.count === undefined,
      base,
      stride: offset,
      vars,
      varByName: new Map(vars.map((v) => [v.name, v])),
      upOffset,
      clockBase: -1,
    });
    gid += family.count;
  }
  const nodeCount = gid;
  const gidFamily = new Int32Array(nodeCount);
  const gidIndex = new Int32Array(nodeCount);
  for (const f of families) {
    for (let i = 0; i < f.count; i++) {
      gidFamily[f.firstGid + i] = f.index;
      gidIndex[f.firstGid + i] = i;
    }
  }

  const specVars = checked.specVars.map((v) => {
    storable(v.type, `variable \`${v.name}\``, v.decl.span);
    const layout = varLayout(v, next);
    take(layout.width);
    return layout;
  });

  for (const m of checked.messages) {
    for (const f of m.fields) storable(f.type, `field \`${m.name}.${f.name}\``, m.decl.span);
  }
  const codec = createMessageCodec(checked, families);
  const network = layoutNetwork(checked, codec, nodeCount, take, limit);

  const cutBudget = checked.faults.partition + checked.faults.cut;
  const cut = cutBudget > 0 && nodeCount > 1 ? { base: -1, words: Math.ceil((nodeCount * nodeCount) / 32) } : undefined;
  const cutLayout = cut ? { base: take(cut.words), words: cut.words } : undefined;
  const time = checked.ticks > 0 ? take(1) : -1;
  const clockSlot = new Int32Array(nodeCount).fill(-1);
  if (checked.faults.skew > 0) {
    for (const [i, f] of families.entries()) {
      if (!readsNow(f.checked.decl)) continue;
      const clockBase = take(f.count);
      families[i] = { ...f, clockBase };
      for (let k = 0; k < f.count; k++) clockSlot[f.firstGid + k] = clockBase + k;
    }
  }
  const budgets = new Map<ast.FaultKind, number>();
  for (const kind of SPENT_FAULTS) {
    if (checked.faults[kind] <= 0) continue;
    if (kind === "duplicate" && checked.network.kind === "duplicating") continue;
    if ((kind === "partition" || kind === "cut") && cutLayout === undefined) continue;
    budgets.set(kind, take(1));
  }
  const effects = checked.effects.map((e): EffectLayout => {
    const count = e.params.reduce((n, t) => n * domainSize(t), 1);
    if (count > MAX_KEYS) limit(`effect \`${e.name}\``, count, MAX_KEYS, e.decl.span);
    const paramNames = e.decl.params.map((p) => p.name.name);
    return { name: e.name, params: e.params, paramNames, base: take(Math.min(count, MAX_KEYS)), count };
  });
  const histories = checked.histories.map((h): HistoryLayout => {
    const keys = domainSize(h.key);
    if (keys > MAX_KEYS) limit(`history \`${h.name}\` keys`, keys, MAX_KEYS, h.decl.span);
    const version: IntType = h.version.kind === "int" ? h.version : { kind: "int", low: 0, high: 0 };
    const base = take(Math.min(keys, MAX_KEYS));
    const [keyName = "key", versionName = "version"] = h.decl.params.map((p) => p.name.name);
    return { name: h.name, key: h.key, keyName, versionName, version, base, keys, lost: take(1) };
  });

  if (next > MAX_SLOTS) {
    const vars = [...families.flatMap((f) => f.vars.map((v) => ({ v, total: v.width * f.count }))), ...specVars.map((v) => ({ v, total: v.width }))];
    const largest = vars.reduce<(typeof vars)[number] | undefined>((a, b) => (a === undefined || b.total > a.total ? b : a), undefined);
    const notes = largest ? [{ message: `\`${largest.v.name}\` alone takes ${largest.total} slots` }] : [];
    diagnostics.push(makeDiagnostic("FL4002", largest?.v.decl.span ?? checked.ast.span, { size: next, limit: MAX_SLOTS }, notes));
  }
  if (diagnostics.length > 0) return { layout: undefined, diagnostics };
  return {
    layout: {
      stateSize: next,
      nodeCount,
      families,
      familyByName: new Map(families.map((f) => [f.name, f])),
      gidFamily,
      gidIndex,
      specVars,
      codec,
      network,
      cut: cutLayout,
      time,
      ticks: checked.ticks,
      clockSlot,
      skew: checked.faults.skew,
      budgets,
      effects,
      histories,
    },
    diagnostics,
  };
}

/** True when a node's handlers, actions or variable initializers read `now`. */
function readsNow(decl: ast.NodeDecl): boolean {
  let found = false;
  walk(decl, {
    enter(node) {
      if (node.kind === "NowExpr") found = true;
      return !found;
    },
  });
  return found;
}

function varLayout(v: CheckedVar, offset: number): VarLayout {
  return { name: v.name, type: v.type, offset, width: widthOf(v.type), durable: v.durable, decl: v.decl };
}

function layoutNetwork(
  checked: CheckedSpec,
  codec: MessageCodec,
  nodeCount: number,
  take: (n: number) => number,
  limit: LimitReport,
): NetworkLayout {
  const { kind, capacity } = checked.network;
  const span = checked.ast.decls.find((d) => d.kind === "NetworkDecl")?.span;
  const linkIndex = new Int32Array(nodeCount * nodeCount).fill(-1);
  if (kind === "duplicating") {
    if (codec.universe > MAX_SET_NETWORK_CODES) limit("the set of possible messages", codec.universe, MAX_SET_NETWORK_CODES, span);
    const words = Math.ceil(Math.min(codec.universe, MAX_SET_NETWORK_CODES) / 32);
    return { kind, capacity, base: take(words), size: words, links: [], linkIndex };
  }
  if (codec.universe >= 2 ** 31) limit("the set of possible messages", codec.universe, 2 ** 31 - 1, span);
  if (kind === "unordered") return { kind, capacity, base: take(capacity), size: capacity, links: [], linkIndex };
  const pairs = new Set<number>();
  for (const t of codec.types) {
    for (const s of t.srcGids) for (const d of t.dstGids) pairs.add(s * nodeCount + d);
  }
  const links = [...pairs].sort((a, b) => a - b).map((p) => [Math.floor(p / nodeCount), p % nodeCount] as const);
  links.forEach(([s, d], i) => (linkIndex[s * nodeCount + d] = i));
  const size = links.length * capacity;
  return { kind, capacity, base: take(size), size, links, linkIndex };
}
