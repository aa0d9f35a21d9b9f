// The helpers that generated code calls (passed in as `RT`): evaluation errors (FL5xxx), checked
// arithmetic, popcount, flat-value copies and comparisons, sequences, and network insertion and
// removal for the three network kinds. Small and monomorphic so that V8 inlines them.

import type { Type } from "../check/types.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/codes.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { EvaluationError } from "./model.js";
import { ordinalOf, widthOf, writeOrdinal } from "./flat-value.js";
import { readValue, writeValue, type NodeNamer } from "./readable-value.js";

/** Thrown by generated code; `successors` rethrows it as an EvaluationError with the action id. */
export class EvalFail extends Error {
  constructor(
    readonly code: Code,
    message: string,
    /** Where in the spec, when the failing check knows (range checks do). */
    readonly span?: Span,
  ) {
    super(message);
  }
}

/** Text for a range failure: the assignment target as written and its type. */
export interface RangeSite {
  readonly target: string;
  readonly type: string;
  readonly span?: Span;
}

/** Creates the runtime for one compiled model. `sites` is filled by the code generator. */
export function createRuntime(sites: RangeSite[], name: NodeNamer) {
  const fail = (code: Code, args: Record<string, string | number> = {}, span?: Span): never => {
    throw new EvalFail(code, makeDiagnostic(code, undefined, args).message, span);
  };
  const failRange = (value: number, site: number): never => {
    const s = sites[site] ?? { target: "?", type: "?" };
    return fail("FL5001", { value, target: s.target, type: s.type }, s.span);
  };
  /** Writes a value of type `ts` into a slot range of type `tt`, checking ranges (FL5001). */
  const convertInto = (tt: Type, dst: Int32Array, d: number, ts: Type, src: ArrayLike<number>, so: number, site: number): void => {
    const value = readValue(ts, src, so, name);
    try {
      writeValue(tt, value, dst, d, name);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const s = sites[site] ?? { target: "?", type: "?" };
      fail("FL5001", { value: JSON.stringify(value), target: s.target, type: s.type }, s.span);
    }
  };
  return {
    fail,
    failRange,
    /** `v` if lo <= v <= hi, else FL5001 for range site `site`. */
    chk(v: number, lo: number, hi: number, site: number): number {
      if (v < lo || v > hi) failRange(v, site);
      return v;
    },
    /** A set's bits, checked to lie within `mask`. */
    chkSet(bits: number, mask: number, site: number): number {
      if ((bits & ~mask) !== 0) failRange(bits, site);
      return bits;
    },
    div(a: number, b: number): number {
      if (b === 0) fail("FL5002");
      return Math.trunc(a / b) + 0;
    },
    mod(a: number, b: number): number {
      if (b === 0) fail("FL5002");
      return (a % b) + 0;
    },
    popcnt(x: number): number {
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
    },
    /** Shifts a bitset from a representation starting at `from` to one starting at `to`. */
    rebase(bits: number, from: number, to: number): number {
      const shift = from - to;
      if (shift >= 0) {
        if (shift > 0 && bits >>> (32 - shift) !== 0) fail("FL5001", { value: "a set element", target: "a set", type: "set" });
        return bits << shift;
      }
      return bits >>> -shift;
    },
    setMin(bits: number, low: number): number {
      if (bits === 0) fail("FL5004", { problem: "min of an empty set" });
      return low + 31 - Math.clz32(bits & -bits);
    },
    setMax(bits: number, low: number): number {
      if (bits === 0) fail("FL5004", { problem: "max of an empty set" });
      return low + 31 - Math.clz32(bits);
    },
    eqFlat(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, w: number): boolean {
      for (let i = 0; i < w; i++) if (a[ao + i] !== b[bo + i]) return false;
      return true;
    },
    copyFlat(dst: Int32Array, d: number, src: ArrayLike<number>, so: number, w: number): void {
      for (let i = 0; i < w; i++) dst[d + i] = src[so + i]!;
    },
    slice(a: Int32Array, off: number, w: number): Int32Array {
      return a.slice(off, off + w);
    },
    /** Concatenates scalars (numbers) and flat values (Int32Arrays) into a new flat value. */
    cat(w: number, ...parts: (number | Int32Array)[]): Int32Array {
      const out = new Int32Array(w);
      let at = 0;
      for (const p of parts) {
        if (typeof p === "number") out[at++] = p;
        else {
          out.set(p, at);
          at += p.length;
        }
      }
      return out;
    },
    /** A sequence value of capacity `max` with element width `w` holding `items`. */
    seqOf(max: number, w: number, ...items: (number | Int32Array)[]): Int32Array {
      if (items.length > max) fail("FL5004", { problem: `a sequence of ${items.length} elements exceeds its bound ${max}` });
      const out = new Int32Array(1 + max * w);
      out[0] = items.length;
      items.forEach((p, i) => (typeof p === "number" ? (out[1 + i * w] = p) : out.set(p, 1 + i * w)));
      return out;
    },
    /** Slot of element `i` of the sequence at `a[off]`, checking 0 <= i < len. */
    seqAt(a: ArrayLike<number>, off: number, i: number, w: number): number {
      if (i < 0 || i >= a[off]!) fail("FL5004", { problem: `index ${i} is out of bounds for a sequence of length ${a[off]}` });
      return off + 1 + i * w;
    },
    seqGet(a: ArrayLike<number>, off: number, i: number, w: number): number {
      if (i < 0 || i >= a[off]!) fail("FL5004", { problem: `index ${i} is out of bounds for a sequence of length ${a[off]}` });
      return a[off + 1 + i * w]!;
    },
    seqGetFlat(a: Int32Array, off: number, i: number, w: number): Int32Array {
      if (i < 0 || i >= a[off]!) fail("FL5004", { problem: `index ${i} is out of bounds for a sequence of length ${a[off]}` });
      return a.slice(off + 1 + i * w, off + 1 + (i + 1) * w);
    },
    inRange(v: number, lo: number, hi: number): boolean {
      return v >= lo && v <= hi;
    },
    /** Bit `o` of `bits`, false when `o` lies outside 0..n-1. */
    inBits(bits: number, o: number, n: number): boolean {
      return o >= 0 && o < n && ((bits >>> o) & 1) === 1;
    },
    /** a is a proper subset of b. */
    subsetLt(a: number, b: number): boolean {
      return (a & ~b) === 0 && a !== b;
    },
    seqHead(a: ArrayLike<number>, off: number): number {
      if (a[off] === 0) fail("FL5004", { problem: "head of an empty sequence" });
      return a[off + 1]!;
    },
    seqHeadFlat(a: Int32Array, off: number, w: number): Int32Array {
      if (a[off] === 0) fail("FL5004", { problem: "head of an empty sequence" });
      return a.slice(off + 1, off + 1 + w);
    },
    seqTail(a: Int32Array, off: number, max: number, w: number): Int32Array {
      const len = a[off]!;
      if (len === 0) fail("FL5004", { problem: "tail of an empty sequence" });
      const out = new Int32Array(1 + max * w);
      out[0] = len - 1;
      for (let i = 0; i < (len - 1) * w; i++) out[1 + i] = a[off + 1 + w + i]!;
      return out;
    },
    seqAppend(a: Int32Array, off: number, max: number, w: number, x: number | Int32Array): Int32Array {
      const len = a[off]!;
      if (len >= max) fail("FL5004", { problem: `append to a full sequence (bound ${max})` });
      const out = a.slice(off, off + 1 + max * w);
      out[0] = len + 1;
      if (typeof x === "number") out[1 + len * w] = x;
      else out.set(x, 1 + len * w);
      return out;
    },
    /** Ordinal of a composite value (for set elements, map keys and message fields). */
    ordOf(type: Type, a: ArrayLike<number>, off: number): number {
      return ordinalOf(type, a, off);
    },
    /** The composite value of `type` with ordinal `ord`, as a new flat value. */
    fromOrd(type: Type, ord: number): Int32Array {
      const out = new Int32Array(widthOf(type));
      writeOrdinal(type, ord, out, 0);
      return out;
    },
    /** Structural equality of values of types that are laid out differently (other seq bounds). */
    eqConv(ta: Type, a: ArrayLike<number>, ao: number, tb: Type, b: ArrayLike<number>, bo: number): boolean {
      return JSON.stringify(readValue(ta, a, ao, name)) === JSON.stringify(readValue(tb, b, bo, name));
    },
    /** A new flat value of type `tt` holding the value of type `ts` at src[so..], range-checked. */
    convertNew(tt: Type, ts: Type, src: ArrayLike<number>, so: number, site: number): Int32Array {
      const out = new Int32Array(widthOf(tt));
      convertInto(tt, out, 0, ts, src, so, site);
      return out;
    },
    convertInto,
    /** Inserts `code` into the sorted multiset at n[base .. base + cap) (-1 = empty). */
    bagAdd(n: Int32Array, base: number, cap: number, code: number): void {
      if (n[base + cap - 1] !== -1) fail("FL5003", { limit: cap });
      let j = base + cap - 1;
      while (j > base && (n[j - 1] === -1 || n[j - 1]! > code)) {
        n[j] = n[j - 1]!;
        j--;
      }
      n[j] = code;
    },
    /** Removes the message at slot `j` of the multiset at n[base .. base + cap). */
    bagRemove(n: Int32Array, base: number, cap: number, j: number): void {
      const end = base + cap - 1;
      for (let i = j; i < end; i++) n[i] = n[i + 1]!;
      n[end] = -1;
    },
    /** Appends `code` to the FIFO at n[q .. q + cap). */
    fifoPush(n: Int32Array, q: number, cap: number, code: number): void {
      if (n[q + cap - 1] !== -1) fail("FL5003", { limit: cap });
      let j = q;
      while (n[j] !== -1) j++;
      n[j] = code;
    },
    /** Removes the message at slot `j` of the FIFO at n[q .. q + cap). */
    fifoRemove(n: Int32Array, q: number, cap: number, j: number): void {
      const end = q + cap - 1;
      for (let i = j; i < end; i++) n[i] = n[i + 1]!;
      n[end] = -1;
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;

/** Turns an EvalFail from generated code into the EvaluationError of action `actionId`. */
export function toEvaluationError(error: unknown, actionId: number): unknown {
  return error instanceof EvalFail ? new EvaluationError(error.code, error.message, actionId, error.span) : error;
}
