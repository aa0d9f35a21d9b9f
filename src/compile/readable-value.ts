// Readable values: a flat value as JSON data (ints as numbers, bools as booleans, enums and node
// ids as names, sequences as arrays, records as objects, sets and maps in the Informal Trace
// Format's `#set` and `#map` forms) and as the text a user writes; and back. For decode, traces,
// describeStep, conversions and tests.

import type { NodeType, Type } from "../check/types.js";
import { domainSize, MAX_SET_ELEMENTS, ordinalOf, widthOf, writeOrdinal } from "./flat-value.js";

/**
 * A readable value: ints as numbers, bools as booleans, enum members and node ids as names,
 * sequences as arrays, records as objects keyed by field, sets as `{ "#set": [elements] }` and maps
 * as `{ "#map": [[key, value], ...] }` (elements and keys in ascending ordinal), as in the
 * Informal Trace Format (ITF).
 */
export type Readable = number | boolean | string | readonly Readable[] | ReadableSet | ReadableMap | ReadableRecord;

/** A set value: its elements in ascending ordinal. */
export interface ReadableSet {
  readonly "#set": readonly Readable[];
}

/** A map value: one [key, value] entry per key, in ascending key ordinal. */
export interface ReadableMap {
  readonly "#map": readonly (readonly [Readable, Readable])[];
}

/** A record (or message) value: its fields by name. */
export interface ReadableRecord {
  readonly [field: string]: Readable;
}

/** True for the `#set` form. */
export function isReadableSet(value: unknown): value is ReadableSet {
  return typeof value === "object" && value !== null && Array.isArray((value as Record<string, unknown>)["#set"]);
}

/** True for the `#map` form. */
export function isReadableMap(value: unknown): value is ReadableMap {
  return typeof value === "object" && value !== null && Array.isArray((value as Record<string, unknown>)["#map"]);
}

/** Names a node: `Server[1]`, or `TM` for a family declared without a count. */
export type NodeNamer = (family: string, index: number) => string;

/** The readable value of the flat value at `arr[off..]`. */
export function readValue(type: Type, arr: ArrayLike<number>, off: number, name: NodeNamer): Readable {
  switch (type.kind) {
    case "int":
      return arr[off]!;
    case "bool":
      return arr[off] !== 0;
    case "enum":
      return type.members[arr[off]!] ?? `?${arr[off]}`;
    case "node":
      return name(type.family, arr[off]!);
    case "set": {
      const out: Readable[] = [];
      const bits = arr[off]!;
      const tmp = new Int32Array(widthOf(type.element));
      for (let b = 0; b < MAX_SET_ELEMENTS + 1; b++) {
        if (((bits >>> b) & 1) === 0) continue;
        writeOrdinal(type.element, b, tmp, 0);
        out.push(readValue(type.element, tmp, 0, name));
      }
      return { "#set": out };
    }
    case "record":
    case "message": {
      const out: Record<string, Readable> = {};
      let at = off;
      for (const f of type.fields) {
        out[f.name] = readValue(f.type, arr, at, name);
        at += widthOf(f.type);
      }
      return out;
    }
    case "map": {
      const out: [Readable, Readable][] = [];
      const w = widthOf(type.value);
      const key = new Int32Array(widthOf(type.key));
      for (let k = 0; k < domainSize(type.key); k++) {
        writeOrdinal(type.key, k, key, 0);
        out.push([readValue(type.key, key, 0, name), readValue(type.value, arr, off + k * w, name)]);
      }
      return { "#map": out };
    }
    case "seq": {
      const w = widthOf(type.element);
      const out: Readable[] = [];
      for (let i = 0; i < arr[off]!; i++) out.push(readValue(type.element, arr, off + 1 + i * w, name));
      return out;
    }
  }
}

/**
 * The value as the user would write it: `3`, `Leader`, `Server[1]`, `{1, 2}`, `{term: 1}`,
 * `[1, 2]`; maps, which have no literal, as `{0 -> 1, 1 -> 0}`.
 */
export function valueText(type: Type, arr: ArrayLike<number>, off: number, name: NodeNamer): string {
  return readableText(type, readValue(type, arr, off, name));
}

/** Text of a readable value of `type` (see valueText). */
export function readableText(type: Type, value: Readable): string {
  switch (type.kind) {
    case "int":
    case "bool":
    case "enum":
    case "node":
      return String(value);
    case "set":
      return `{${(value as ReadableSet)["#set"].map((v) => readableText(type.element, v)).join(", ")}}`;
    case "seq":
      return `[${(value as readonly Readable[]).map((v) => readableText(type.element, v)).join(", ")}]`;
    case "record":
    case "message": {
      const obj = value as { readonly [key: string]: Readable };
      return `{${type.fields.map((f) => `${f.name}: ${readableText(f.type, obj[f.name]!)}`).join(", ")}}`;
    }
    case "map": {
      const entries = (value as ReadableMap)["#map"];
      return `{${entries.map(([k, v]) => `${readableText(type.key, k)} -> ${readableText(type.value, v)}`).join(", ")}}`;
    }
  }
}

/**
 * Writes a readable value back (the inverse of readValue). Throws a RangeError when `value`
 * does not belong to `type`; used by tests, `--replay` tooling and codec round trips.
 */
export function writeValue(type: Type, value: Readable, arr: { [i: number]: number }, off: number, name: NodeNamer): void {
  const fail = (): never => {
    throw new RangeError(`${JSON.stringify(value)} is not a value of this type`);
  };
  switch (type.kind) {
    case "int":
      if (typeof value !== "number" || value < type.low || value > type.high) fail();
      arr[off] = value as number;
      return;
    case "bool":
      if (typeof value !== "boolean") fail();
      arr[off] = value ? 1 : 0;
      return;
    case "enum": {
      const index = type.members.indexOf(value as string);
      if (index < 0) fail();
      arr[off] = index;
      return;
    }
    case "node":
      arr[off] = nodeIndexOf(type, value, name) ?? fail();
      return;
    case "set": {
      if (!isReadableSet(value)) fail();
      const tmp = new Int32Array(widthOf(type.element));
      let bits = 0;
      for (const v of (value as ReadableSet)["#set"]) {
        writeValue(type.element, v, tmp, 0, name);
        bits |= 1 << ordinalOf(type.element, tmp, 0);
      }
      arr[off] = bits;
      return;
    }
    case "record":
    case "message": {
      if (typeof value !== "object" || Array.isArray(value) || isReadableSet(value) || isReadableMap(value)) fail();
      const obj = value as ReadableRecord;
      let at = off;
      for (const f of type.fields) {
        if (!(f.name in obj)) fail();
        writeValue(f.type, obj[f.name]!, arr, at, name);
        at += widthOf(f.type);
      }
      return;
    }
    case "map": {
      if (!isReadableMap(value)) fail();
      const entries = (value as ReadableMap)["#map"];
      const w = widthOf(type.value);
      const key = new Int32Array(widthOf(type.key));
      const seen = new Set<number>();
      for (const entry of entries) {
        if (!Array.isArray(entry) || entry.length !== 2) fail();
        writeValue(type.key, entry[0], key, 0, name);
        const k = ordinalOf(type.key, key, 0);
        if (seen.has(k)) fail();
        seen.add(k);
        writeValue(type.value, entry[1], arr, off + k * w, name);
      }
      if (seen.size !== domainSize(type.key)) fail();
      return;
    }
    case "seq": {
      if (!Array.isArray(value) || value.length > type.max) fail();
      const items = value as readonly Readable[];
      const w = widthOf(type.element);
      for (let i = 0; i < type.max * w; i++) arr[off + 1 + i] = 0;
      arr[off] = items.length;
      items.forEach((v, i) => writeValue(type.element, v, arr, off + 1 + i * w, name));
      return;
    }
  }
}

function nodeIndexOf(type: NodeType, value: Readable, name: NodeNamer): number | undefined {
  for (let i = 0; i < type.count; i++) if (name(type.family, i) === value) return i;
  return undefined;
}
