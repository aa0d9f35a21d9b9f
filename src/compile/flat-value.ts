// Flat values: how a value of a finite type lies in Int32 slots (its width), its ordinal (the
// number 0..domainSize-1 that bitsets, map keys and message codes use), and its default.
// Readable JavaScript values and text are readable-value.ts's business.

import { domainSize } from "../check/types.js";
import type { Type } from "../check/types.js";

/** The most elements a set type may have: its bitset must fit one non-negative Int32 slot. */
export const MAX_SET_ELEMENTS = 31;

/**
 * Slots a value of `type` occupies: scalars and sets 1, records the sum of their fields, maps
 * |K| times the value width, `seq<T, max>` a length slot plus `max` element slots.
 */
export function widthOf(type: Type): number {
  switch (type.kind) {
    case "int":
    case "bool":
    case "enum":
    case "node":
    case "set":
      return 1;
    case "map":
      return domainSize(type.key) * widthOf(type.value);
    case "seq":
      return 1 + type.max * widthOf(type.element);
    case "record":
    case "message":
      return type.fields.reduce((sum, f) => sum + widthOf(f.type), 0);
  }
}

/** Number of values of `type` (Infinity for an unbounded int): the checker's definition. */
export { domainSize } from "../check/types.js";

/** True for types stored in one slot as their own value (ints, bools, enums, node ids). */
export function isScalar(type: Type): boolean {
  return type.kind === "int" || type.kind === "bool" || type.kind === "enum" || type.kind === "node";
}

/** True for types held as a slot range (records, maps, sequences, messages). */
export function isComposite(type: Type): boolean {
  return type.kind === "record" || type.kind === "map" || type.kind === "seq" || type.kind === "message";
}

/** The ordinal of the flat value of `type` at `arr[off..]`: mixed radix, first part most significant. */
export function ordinalOf(type: Type, arr: ArrayLike<number>, off: number): number {
  switch (type.kind) {
    case "int":
      return arr[off]! - type.low;
    case "bool":
    case "enum":
    case "node":
    case "set":
      return arr[off]!;
    case "record":
    case "message": {
      let ord = 0;
      let at = off;
      for (const f of type.fields) {
        ord = ord * domainSize(f.type) + ordinalOf(f.type, arr, at);
        at += widthOf(f.type);
      }
      return ord;
    }
    case "map": {
      const keys = domainSize(type.key);
      const size = domainSize(type.value);
      const w = widthOf(type.value);
      let ord = 0;
      for (let k = 0; k < keys; k++) ord = ord * size + ordinalOf(type.value, arr, off + k * w);
      return ord;
    }
    case "seq": {
      const len = arr[off]!;
      const n = domainSize(type.element);
      const w = widthOf(type.element);
      let ord = 0;
      for (let i = 0; i < len; i++) ord += n ** i;
      let rest = 0;
      for (let i = 0; i < len; i++) rest = rest * n + ordinalOf(type.element, arr, off + 1 + i * w);
      return ord + rest;
    }
  }
}

/** Writes the value of `type` with ordinal `ord` to `arr[off..]` (the inverse of ordinalOf). */
export function writeOrdinal(type: Type, ord: number, arr: { [i: number]: number }, off: number): void {
  switch (type.kind) {
    case "int":
      arr[off] = ord + type.low;
      return;
    case "bool":
    case "enum":
    case "node":
    case "set":
      arr[off] = ord;
      return;
    case "record":
    case "message": {
      let rest = ord;
      let at = off + widthOf(type);
      for (let i = type.fields.length - 1; i >= 0; i--) {
        const f = type.fields[i]!;
        const size = domainSize(f.type);
        at -= widthOf(f.type);
        writeOrdinal(f.type, rest % size, arr, at);
        rest = Math.floor(rest / size);
      }
      return;
    }
    case "map": {
      const keys = domainSize(type.key);
      const size = domainSize(type.value);
      const w = widthOf(type.value);
      let rest = ord;
      for (let k = keys - 1; k >= 0; k--) {
        writeOrdinal(type.value, rest % size, arr, off + k * w);
        rest = Math.floor(rest / size);
      }
      return;
    }
    case "seq": {
      const n = domainSize(type.element);
      const w = widthOf(type.element);
      let len = 0;
      let rest = ord;
      while (rest >= n ** len) rest -= n ** len++;
      for (let i = 0; i < type.max * w; i++) arr[off + 1 + i] = 0;
      arr[off] = len;
      for (let i = len - 1; i >= 0; i--) {
        writeOrdinal(type.element, rest % n, arr, off + 1 + i * w);
        rest = Math.floor(rest / n);
      }
      return;
    }
  }
}

/** Writes the default value of `type` (false, the range's low end, the first member, {}, []). */
export function writeDefault(type: Type, arr: { [i: number]: number }, off: number): void {
  switch (type.kind) {
    case "int":
      arr[off] = Number.isFinite(type.low) ? type.low : 0;
      return;
    case "record":
    case "message": {
      let at = off;
      for (const f of type.fields) {
        writeDefault(f.type, arr, at);
        at += widthOf(f.type);
      }
      return;
    }
    case "map": {
      const w = widthOf(type.value);
      for (let k = 0; k < domainSize(type.key); k++) writeDefault(type.value, arr, off + k * w);
      return;
    }
    case "seq":
      for (let i = 0; i < widthOf(type); i++) arr[off + i] = 0;
      return;
    default:
      arr[off] = 0;
  }
}

/** The value of a scalar or set element with ordinal `ord`, as stored in a slot. */
export function scalarFromOrdinal(type: Type, ord: number): number {
  return type.kind === "int" ? ord + type.low : ord;
}
