// Fault and tick steps, in the fixed order drop, duplicate, partition, cut, heal, crash,
// restart, skew, tick: only those the spec declares. Spent faults decrement their budget slot;
// heal, restart and skew are free (skew is bounded by its budget, tick by the clock's bound).
// Partition and cut lose the messages in flight on the links they cut (cut-links.ts). Restarts
// count as progress for deadlock detection; the other fault steps and ticks do not.

import type { ActionInfo } from "./model.js";
import type { Layout } from "./layout.js";
import type { Runtime } from "./runtime.js";
import { loseMessagesOnCutLinks } from "./cut-links.js";

export type FaultKind = "drop" | "duplicate" | "partition" | "cut" | "heal" | "crash" | "restart" | "skew" | "tick";

export type Emit = (actionId: number, next: Int32Array) => void;

/**
 * One fault step kind: `run` emits each of its steps from `s`, using `n` as scratch, and returns
 * how many of them count as progress for deadlock detection: restarts (a crashed node that can
 * come back is not stuck), or nothing when none do.
 */
export interface FaultStep {
  readonly kind: FaultKind;
  readonly info: ActionInfo;
  run(s: Int32Array, n: Int32Array, emit: Emit, C: Int32Array, aid: number): number | void;
}

/** A partition: the nodes on the side without node 0 (bitmask), and the links it cuts. */
export interface Partition {
  readonly side: number;
  readonly words: Int32Array;
}

/** The fault steps of `layout`; `reset(n, gid)` restarts a node (vars reset, up again). */
export function createFaultSteps(layout: Layout, rt: Runtime, reset: (n: Int32Array, gid: number) => void): FaultStep[] {
  const steps: FaultStep[] = [];
  const net = layout.network;
  const budget = (kind: string): number => layout.budgets.get(kind as never) ?? -1;
  const add = (kind: FaultKind, run: FaultStep["run"]): void => {
    steps.push({ kind, info: { label: kind === "tick" ? "tick" : `fault ${kind}`, kind: kind === "tick" ? "tick" : "fault" }, run });
  };
  const cp = (s: Int32Array, n: Int32Array): void => n.set(s);

  const drop = budget("drop");
  if (drop >= 0) {
    add("drop", (s, n, emit, C, aid) => {
      if (s[drop]! <= 0) return;
      forEachMessage(layout, s, (code, slot) => {
        cp(s, n);
        if (net.kind === "duplicating") n[slot] = n[slot]! & ~(1 << (code & 31));
        else if (net.kind === "unordered") rt.bagRemove(n, net.base, net.capacity, slot);
        else rt.fifoRemove(n, queueOf(layout, slot), net.capacity, slot);
        n[drop]!--;
        C[0] = code;
        emit(aid, n);
      });
    });
  }
  const dup = budget("duplicate");
  if (dup >= 0) {
    add("duplicate", (s, n, emit, C, aid) => {
      if (s[dup]! <= 0) return;
      forEachMessage(layout, s, (code, slot) => {
        cp(s, n);
        if (net.kind === "unordered") rt.bagAdd(n, net.base, net.capacity, code);
        else insertAfter(rt, n, queueOf(layout, slot), net.capacity, slot, code);
        n[dup]!--;
        C[0] = code;
        emit(aid, n);
      });
    });
  }
  const cut = layout.cut;
  const relevant = relevantLinks(layout);
  const partition = budget("partition");
  if (cut && partition >= 0) {
    const partitions = listPartitions(layout, relevant);
    add("partition", (s, n, emit, C, aid) => {
      if (s[partition]! <= 0 || anyCut(layout, s)) return;
      for (const p of partitions) {
        cp(s, n);
        n.set(p.words, cut.base);
        n[partition]!--;
        C[0] = p.side;
        C[1] = loseMessagesOnCutLinks(layout, n);
        emit(aid, n);
      }
    });
  }
  const cutBudget = budget("cut");
  if (cut && cutBudget >= 0) {
    add("cut", (s, n, emit, C, aid) => {
      if (s[cutBudget]! <= 0) return;
      for (const link of relevant) {
        const w = cut.base + (link >>> 5);
        if (((s[w]! >>> (link & 31)) & 1) === 1) continue;
        cp(s, n);
        n[w] = n[w]! | (1 << (link & 31));
        n[cutBudget]!--;
        C[0] = link;
        C[1] = loseMessagesOnCutLinks(layout, n);
        emit(aid, n);
      }
    });
  }
  if (cut && (partition >= 0 || cutBudget >= 0)) {
    add("heal", (s, n, emit, _C, aid) => {
      if (!anyCut(layout, s)) return;
      cp(s, n);
      n.fill(0, cut.base, cut.base + cut.words);
      emit(aid, n);
    });
  }
  const crash = budget("crash");
  if (crash >= 0) {
    add("crash", (s, n, emit, C, aid) => {
      if (s[crash]! <= 0) return;
      forEachNode(layout, s, 1, (gid, up) => {
        cp(s, n);
        n[up] = 0;
        n[crash]!--;
        C[0] = gid;
        emit(aid, n);
      });
    });
    add("restart", (s, n, emit, C, aid) => {
      let restarts = 0;
      forEachNode(layout, s, 0, (gid) => {
        cp(s, n);
        reset(n, gid);
        C[0] = gid;
        restarts++;
        emit(aid, n);
      });
      return restarts;
    });
  }
  if (layout.clockSlot.some((slot) => slot >= 0)) {
    add("skew", (s, n, emit, C, aid) => {
      for (let gid = 0; gid < layout.nodeCount; gid++) {
        const at = layout.clockSlot[gid]!;
        if (at < 0) continue;
        for (const delta of [1, -1]) {
          const offset = s[at]! + delta;
          if (offset > layout.skew || offset < -layout.skew) continue;
          cp(s, n);
          n[at] = offset;
          C[0] = gid;
          C[1] = delta;
          emit(aid, n);
        }
      }
    });
  }
  if (layout.time >= 0) {
    add("tick", (s, n, emit, _C, aid) => {
      if (s[layout.time]! >= layout.ticks) return;
      cp(s, n);
      n[layout.time]!++;
      emit(aid, n);
    });
  }
  return steps;
}

/** Calls `f(code, slot)` for each distinct in-flight message: ascending code, per link for FIFOs. */
export function forEachMessage(layout: Layout, s: Int32Array, f: (code: number, slot: number) => void): void {
  const net = layout.network;
  if (net.kind === "duplicating") {
    for (let w = 0; w < net.size; w++) {
      for (let bits = s[net.base + w]!; bits !== 0; bits &= bits - 1) f(w * 32 + 31 - Math.clz32(bits & -bits), net.base + w);
    }
    return;
  }
  // A multiset is one run of `capacity` slots; a FIFO network is one run per link.
  for (let q = net.base; q < net.base + net.size; q += net.capacity) {
    for (let k = q; k < q + net.capacity; k++) {
      const code = s[k]!;
      if (code === -1) break;
      if (k > q && s[k - 1] === code) continue;
      f(code, k);
    }
  }
}

/** First slot of the FIFO holding `slot`. */
function queueOf(layout: Layout, slot: number): number {
  const net = layout.network;
  return net.base + Math.floor((slot - net.base) / net.capacity) * net.capacity;
}

/** Duplicates the message at `slot` of the FIFO at q: the copy follows it. */
function insertAfter(rt: Runtime, n: Int32Array, q: number, cap: number, slot: number, code: number): void {
  if (n[q + cap - 1] !== -1) rt.fail("FL5003", { limit: cap });
  for (let k = q + cap - 1; k > slot + 1; k--) n[k] = n[k - 1]!;
  n[slot + 1] = code;
}

/** Calls `f(gid, upSlot)` for each node whose up flag equals `up`. */
function forEachNode(layout: Layout, s: Int32Array, up: number, f: (gid: number, upSlot: number) => void): void {
  for (const family of layout.families) {
    for (let i = 0; i < family.count; i++) {
      const slot = family.base + i * family.stride + family.upOffset;
      if (s[slot] === up) f(family.firstGid + i, slot);
    }
  }
}

function anyCut(layout: Layout, s: Int32Array): boolean {
  const cut = layout.cut!;
  for (let w = cut.base; w < cut.base + cut.words; w++) if (s[w] !== 0) return true;
  return false;
}

/** Directed links between distinct nodes that some message type can travel on, ascending. */
export function relevantLinks(layout: Layout): number[] {
  const links = new Set<number>();
  for (const t of layout.codec.types) {
    for (const src of t.srcGids) for (const dst of t.dstGids) if (src !== dst) links.add(src * layout.nodeCount + dst);
  }
  return [...links].sort((a, b) => a - b);
}

/**
 * Every split of the nodes into two non-empty sides, the side with node 0 fixed, that cuts at
 * least one relevant link; splits that cut the same links are listed once (the first).
 */
export function listPartitions(layout: Layout, relevant: readonly number[]): Partition[] {
  const n = layout.nodeCount;
  const words = layout.cut?.words ?? 0;
  const out: Partition[] = [];
  const seen = new Set<string>();
  for (let b = 1; b < 2 ** (n - 1); b++) {
    const side = b * 2;
    const cutWords = new Int32Array(words);
    for (const link of relevant) {
      const src = Math.floor(link / n);
      const dst = link % n;
      if (((side >>> src) & 1) !== ((side >>> dst) & 1)) cutWords[link >>> 5]! |= 1 << (link & 31);
    }
    const key = cutWords.join(",");
    if (cutWords.every((w) => w === 0) || seen.has(key)) continue;
    seen.add(key);
    out.push({ side, words: cutWords });
  }
  return out;
}
