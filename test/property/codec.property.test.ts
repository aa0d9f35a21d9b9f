// Codec round trips over random types: a readable value written to slots reads back equal, and
// ordinals (used by bitsets, map keys and message codes) invert: ordinalOf(writeOrdinal(o)) = o.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Type } from "../../src/check/types.js";
import { domainSize, ordinalOf, widthOf, writeOrdinal } from "../../src/compile/flat-value.js";
import { readValue, writeValue, type NodeNamer, type Readable } from "../../src/compile/readable-value.js";

const name: NodeNamer = (family, index) => (family === "TM" ? "TM" : `${family}[${index}]`);

const scalarType: fc.Arbitrary<Type> = fc.oneof(
  fc.record({ low: fc.integer({ min: -3, max: 3 }), size: fc.integer({ min: 1, max: 4 }) }).map(
    ({ low, size }): Type => ({ kind: "int", low, high: low + size - 1 }),
  ),
  fc.constant<Type>({ kind: "bool" }),
  fc.integer({ min: 1, max: 3 }).map((n): Type => ({ kind: "enum", name: "E", members: ["A", "B", "C"].slice(0, n) })),
  fc.integer({ min: 1, max: 3 }).map((count): Type => ({ kind: "node", family: "Server", count })),
  fc.constant<Type>({ kind: "node", family: "TM", count: 1 }),
);

/** Random finite types, nested up to depth 3, each with a small domain per slot. */
const typeArb: fc.Arbitrary<Type> = fc.letrec<{ type: Type }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarType,
    scalarType.map((element): Type => ({ kind: "set", element })),
    fc
      .array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), tie("type")), { minLength: 1, maxLength: 3 })
      .map((fields): Type => ({ kind: "record", fields: dedupe(fields).map(([n, type]) => ({ name: n, type })) })),
    fc.tuple(scalarType, tie("type")).map(([key, value]): Type => ({ kind: "map", key, value })),
    fc.tuple(tie("type"), fc.integer({ min: 0, max: 3 })).map(([element, max]): Type => ({ kind: "seq", element, max })),
  ),
})).type;

function dedupe<T>(fields: [string, T][]): [string, T][] {
  const seen = new Set<string>();
  return fields.filter(([n]) => !seen.has(n) && (seen.add(n), true));
}

/** A random readable value of `type`. */
function valueOf(type: Type): fc.Arbitrary<Readable> {
  switch (type.kind) {
    case "int":
      return fc.integer({ min: type.low, max: type.high });
    case "bool":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...type.members);
    case "node":
      return fc.integer({ min: 0, max: type.count - 1 }).map((i) => name(type.family, i));
    case "set":
      return fc
        .subarray(Array.from({ length: domainSize(type.element) }, (_, o) => o))
        .map((ords) => ({ "#set": ords.map((o) => ordinalValue(type.element, o)) }));
    case "record":
    case "message":
      return fc.record(Object.fromEntries(type.fields.map((f) => [f.name, valueOf(f.type)])));
    case "map": {
      const keys = Array.from({ length: domainSize(type.key) }, (_, o) => ordinalValue(type.key, o));
      return fc.tuple(...keys.map(() => valueOf(type.value))).map((values) => ({ "#map": keys.map((k, i) => [k, values[i]!] as const) }));
    }
    case "seq":
      return fc.array(valueOf(type.element), { maxLength: type.max });
  }
}

function ordinalValue(type: Type, ord: number): Readable {
  const tmp = new Int32Array(widthOf(type));
  writeOrdinal(type, ord, tmp, 0);
  return readValue(type, tmp, 0, name);
}

const typeAndValue = typeArb.chain((type) => valueOf(type).map((value) => ({ type, value })));

describe("flat values", () => {
  it("write then read gives back the same readable value", () => {
    fc.assert(
      fc.property(typeAndValue, fc.integer({ min: 0, max: 5 }), ({ type, value }, offset) => {
        const slots = new Int32Array(offset + widthOf(type) + 2).fill(-7);
        writeValue(type, value, slots, offset, name);
        expect(readValue(type, slots, offset, name)).toEqual(value);
        expect(slots[offset + widthOf(type)]).toBe(-7);
      }),
    );
  });

  it("ordinals invert: read the value of an ordinal, write it, take its ordinal", () => {
    const small = typeArb.filter((t) => domainSize(t) <= 2 ** 31);
    fc.assert(
      fc.property(
        small.chain((type) => fc.tuple(fc.constant(type), fc.integer({ min: 0, max: domainSize(type) - 1 }))),
        ([type, ord]) => {
          const a = new Int32Array(widthOf(type));
          writeOrdinal(type, ord, a, 0);
          expect(ordinalOf(type, a, 0)).toBe(ord);
          const b = new Int32Array(widthOf(type));
          writeValue(type, readValue(type, a, 0, name), b, 0, name);
          expect([...b]).toEqual([...a]);
        },
      ),
    );
  });

  it("rejects values outside the type", () => {
    const slots = new Int32Array(4);
    expect(() => writeValue({ kind: "int", low: 0, high: 3 }, 4, slots, 0, name)).toThrow(RangeError);
    expect(() => writeValue({ kind: "enum", name: "E", members: ["A"] }, "B", slots, 0, name)).toThrow(RangeError);
    expect(() => writeValue({ kind: "seq", element: { kind: "bool" }, max: 1 }, [true, false], slots, 0, name)).toThrow(RangeError);
    const set: Type = { kind: "set", element: { kind: "bool" } };
    const map: Type = { kind: "map", key: { kind: "bool" }, value: { kind: "int", low: 0, high: 1 } };
    expect(() => writeValue(set, [true], slots, 0, name)).toThrow(RangeError);
    expect(() => writeValue(map, { "#map": [[false, 0]] }, slots, 0, name)).toThrow(RangeError);
    expect(() => writeValue(map, { "#map": [[false, 0], [false, 1]] }, slots, 0, name)).toThrow(RangeError);
    expect(() => writeValue(map, { false: 0, true: 1 }, slots, 0, name)).toThrow(RangeError);
  });

  it("reads sets as #set, maps as #map and sequences as arrays (the ITF encodings)", () => {
    const elem: Type = { kind: "int", low: 0, high: 2 };
    const slots = Int32Array.from([0b101, 2, 0, 0, 0, 1]);
    expect(readValue({ kind: "set", element: elem }, slots, 0, name)).toEqual({ "#set": [0, 2] });
    expect(readValue({ kind: "seq", element: elem, max: 2 }, slots, 1, name)).toEqual([0, 0]);
    const map: Type = { kind: "map", key: { kind: "node", family: "Server", count: 2 }, value: { kind: "bool" } };
    expect(readValue(map, slots, 4, name)).toEqual({ "#map": [["Server[0]", false], ["Server[1]", true]] });
  });
});
