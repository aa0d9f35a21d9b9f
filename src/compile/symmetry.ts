// Symmetry reduction: for `symmetric` families, a state is replaced by a canonical member of its
// orbit: the smallest image among the permutations that sort each family's nodes by what no
// permutation changes (see createSortingCanonicalizer; permutation-plan.ts says how a
// permutation acts). Exact: two states get the same form exactly when a permutation relates them.

import type { FamilyLayout, Layout } from "./layout.js";
import { createSignature } from "./node-signature.js";
import { createPlan, Permuter, type Plan } from "./permutation-plan.js";

/** Largest symmetry group (product of the symmetric families' factorials) supported. */
export const MAX_PERMUTATIONS = 40320;

/** Writes the canonical form of `src` into `dst` (they must differ). */
export type Canonicalizer = (src: Int32Array, dst: Int32Array) => void;

/** Size of the symmetry group of `layout` (1 when nothing is symmetric). */
export function groupSize(layout: Layout): number {
  return layout.families.reduce((n, f) => (f.symmetric ? n * factorial(f.count) : n), 1);
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/**
 * The canonicalizer of `layout`, or undefined when no family is symmetric (with 2+ nodes).
 * Exact: states map to the same canonical form exactly when a permutation relates them.
 */
export function createCanonicalizer(layout: Layout): Canonicalizer | undefined {
  if (groupSize(layout) <= 1) return undefined;
  const families = layout.families.filter((f) => f.symmetric && f.count >= 2);
  return createSortingCanonicalizer(layout, families);
}

/**
 * Tries only the permutations that sort each symmetric family's nodes by (key, signature)
 * (every order of nodes equal in both), enumerated in place; plans are created on first use,
 * indexed by rank. A node's key is the part of its block that no permutation changes (every
 * variable that holds no node ids, and its up flag); keys and signatures are carried along by
 * permutations, so the set of states of an orbit whose nodes are so sorted does not depend on
 * the member we start from, and neither does its smallest element: the canonical form (not
 * always the orbit's overall minimum).
 */
function createSortingCanonicalizer(layout: Layout, families: readonly FamilyLayout[]): Canonicalizer {
  const search = createMinSearch(layout.stateSize);
  const permuter = new Permuter(layout, Int32Array.from({ length: layout.nodeCount }, (_, i) => i));
  const signature = createSignature(layout);
  const sig = new Int32Array(layout.nodeCount);
  const plans: (Plan | undefined)[] = [];
  const gids = Int32Array.from({ length: layout.nodeCount }, (_, i) => i);
  const infos = families.map((family) => ({
    family,
    keys: keyOffsets(family, permuter),
    order: new Int32Array(family.count),
    starts: new Int32Array(family.count + 1),
    groups: 0,
    radix: 1,
    /** Per run of equal nodes: 1 when every order of the run gives the same state. */
    interchangeable: new Uint8Array(family.count),
  }));
  let radix = 1;
  for (const info of infos) {
    info.radix = radix;
    radix *= factorial(info.family.count);
  }
  /** The plan of the permutation in `gids` (null for the identity), created on first use. */
  const planOf = (): Plan | null => {
    let rank = 0;
    for (const { family, radix: r } of infos) rank += lehmerRank(gids, family.firstGid, family.count) * r;
    if (rank === 0) return null;
    let plan = plans[rank];
    if (plan === undefined) plans[rank] = plan = createPlan(layout, gids.slice());
    return plan;
  };
  const offer = (): void => {
    for (const { family, order } of infos) {
      for (let k = 0; k < family.count; k++) gids[family.firstGid + order[k]!] = family.firstGid + k;
    }
    search.offer(planOf());
  };
  const image = new Int32Array(layout.stateSize);
  /** True when exchanging nodes a and b of `family` leaves `state` as it is. */
  const fixes = (state: Int32Array, family: FamilyLayout, a: number, b: number): boolean => {
    for (let g = 0; g < gids.length; g++) gids[g] = g;
    gids[family.firstGid + a] = family.firstGid + b;
    gids[family.firstGid + b] = family.firstGid + a;
    planOf()!(state, image);
    for (let k = 0; k < image.length; k++) if (image[k] !== state[k]) return false;
    return true;
  };
  const visit = (fi: number, gi: number): void => {
    const info = infos[fi];
    if (info === undefined) return offer();
    if (gi === info.groups) return visit(fi + 1, 0);
    if (info.interchangeable[gi] === 1) return visit(fi, gi + 1);
    permuteInPlace(info.order, info.starts[gi]!, info.starts[gi + 1]!, () => visit(fi, gi + 1));
  };
  return (state, dst) => {
    search.start(state, dst);
    signature(state, sig);
    for (const info of infos) {
      sortNodes(state, sig, info);
      // A run whose adjacent exchanges all fix the state is fixed by every order of it.
      for (let gi = 0; gi < info.groups; gi++) {
        let all = 1;
        for (let k = info.starts[gi]!; k + 1 < info.starts[gi + 1]! && all === 1; k++) {
          if (!fixes(state, info.family, info.order[k]!, info.order[k + 1]!)) all = 0;
        }
        info.interchangeable[gi] = all;
      }
    }
    visit(0, 0);
  };
}

/** Sorts a family's node indices by (key, signature) and records the runs of equal nodes. */
function sortNodes(s: Int32Array, sig: Int32Array, info: { family: FamilyLayout; keys: Int32Array; order: Int32Array; starts: Int32Array; groups: number }): void {
  const { family, keys, order, starts } = info;
  const compare = (i: number, j: number): number => compareKeys(s, family, keys, i, j) || sig[family.firstGid + i]! - sig[family.firstGid + j]!;
  for (let i = 0; i < family.count; i++) {
    let k = i;
    while (k > 0 && compare(order[k - 1]!, i) > 0) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
  let groups = 0;
  starts[0] = 0;
  for (let k = 1; k < family.count; k++) if (compare(order[k - 1]!, order[k]!) !== 0) starts[++groups] = k;
  starts[++groups] = family.count;
  info.groups = groups;
}

/** Calls `f` once per permutation of a[lo..hi) (Heap's algorithm), restoring a afterwards. */
function permuteInPlace(a: Int32Array, lo: number, hi: number, f: () => void): void {
  const n = hi - lo;
  if (n <= 1) return f();
  const saved = a.slice(lo, hi);
  const c = new Int32Array(n);
  f();
  for (let i = 1; i < n; ) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? lo : lo + c[i]!;
      const t = a[j]!;
      a[j] = a[lo + i]!;
      a[lo + i] = t;
      f();
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  a.set(saved, lo);
}

/** Rank of the permutation gids[first..first+n) (values first..first+n-1) in lexicographic order. */
function lehmerRank(gids: Int32Array, first: number, n: number): number {
  let rank = 0;
  for (let i = 0; i < n; i++) {
    let smaller = 0;
    for (let j = i + 1; j < n; j++) if (gids[first + j]! < gids[first + i]!) smaller++;
    rank = rank * (n - i) + smaller;
  }
  return rank;
}

interface MinSearch {
  /** Begins a search for the smallest image of `src`, to be left in `dst`. */
  start(src: Int32Array, dst: Int32Array): void;
  /** Offers plan(src) (src itself for null) as a candidate. */
  offer(plan: Plan | null): void;
}

/** Keeps the lexicographically smallest candidate offered in dst. */
function createMinSearch(size: number): MinSearch {
  const tmp = new Int32Array(size);
  let src: Int32Array = tmp;
  let dst: Int32Array = tmp;
  let has = false;
  return {
    start(s, d) {
      src = s;
      dst = d;
      has = false;
    },
    offer(plan) {
      let image = src;
      if (plan) {
        plan(src, tmp);
        image = tmp;
      }
      if (has) {
        let k = 0;
        while (k < size && image[k] === dst[k]) k++;
        if (k === size || image[k]! > dst[k]!) return;
      }
      dst.set(image);
      has = true;
    },
  };
}

/** Offsets within a node block of the slots no permutation changes: its key (see createSortingCanonicalizer). */
function keyOffsets(family: FamilyLayout, permuter: Permuter): Int32Array {
  const offsets: number[] = [];
  for (const v of family.vars) if (!permuter.affects(v.type)) for (let k = 0; k < v.width; k++) offsets.push(v.offset + k);
  if (family.upOffset >= 0) offsets.push(family.upOffset);
  return Int32Array.from(offsets);
}

/** Compares the keys of node blocks i and j of `family` in `s`. */
function compareKeys(s: Int32Array, family: FamilyLayout, keys: Int32Array, i: number, j: number): number {
  const a = family.base + i * family.stride;
  const b = family.base + j * family.stride;
  for (let k = 0; k < keys.length; k++) {
    const at = keys[k]!;
    if (s[a + at] !== s[b + at]) return s[a + at]! - s[b + at]!;
  }
  return 0;
}
