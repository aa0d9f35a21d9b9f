// State packing: small fields share slots, so states are fewer slots, while every count, trace
// and decoded state stays what the wide layout gives. A value outside its field is an internal
// error, never a silent wrap.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { buildTrace } from "../../../src/explore/trace.js";
import { compileSource } from "../../helpers/compile-source.js";

const spec = (name: string): string => readFileSync(new URL(`../../../specs/${name}`, import.meta.url), "utf8");

describe("state packing", () => {
  it("TwoPhase with 8 resource managers: 11 slots become 2", () => {
    const model = compileSource(spec("two-phase.fl"), { K: "8" });
    expect(model.layout.stateSize).toBe(11);
    expect(model.stateSize).toBe(2);
    // 8 RM states (2 bits), the TM's state (2 bits) and its prepared set (8 bits) share a word;
    // the network's 24 message codes fill the other.
    expect(model.packing!.fields.map((f) => [f.word, f.shift, f.bits])).toEqual([
      ...Array.from({ length: 8 }, (_, i) => [0, 2 * i, 2]),
      [0, 16, 2],
      [0, 18, 8],
      [1, 0, 24],
    ]);
  });

  it.each([
    ["two-phase.fl", { K: "4" }],
    ["split-brain.fl", {}],
    ["stale-leader.fl", {}],
    ["lww-clock-skew.fl", {}],
    ["partition-queue-durable.fl", {}],
    ["register-available.fl", {}],
    ["retry-idempotency-key.fl", {}],
  ])("%s: the same outcome, counts, trace and decoded states as the wide layout", (file, constants) => {
    const packed = compileSource(spec(file), constants);
    const wide = compileSource(spec(file), constants, "test.fl", { packStates: false });
    expect(packed.stateSize).toBeLessThan(wide.stateSize);
    const a = explore(packed);
    const b = explore(wide);
    expect({ outcome: a.outcome, distinct: a.stats.distinctStates, generated: a.stats.generatedStates }).toEqual({
      outcome: b.outcome,
      distinct: b.stats.distinctStates,
      generated: b.stats.generatedStates,
    });
    expect(a.violation?.token).toBe(b.violation?.token);
    if (a.violation) expect(buildTrace(packed, a.violation.path)).toEqual(buildTrace(wide, b.violation!.path));
    expect(packed.decode(packed.initialStates()[0]!)).toEqual(wide.decode(wide.initialStates()[0]!));
  });

  it("unpacks what it packs, for any values within the fields", () => {
    const model = compileSource(spec("leader-election.fl"));
    const packing = model.packing!;
    const fields = packing.fields;
    const value = fc.tuple(...fields.map((f) => (f.bits === 32 ? fc.integer() : fc.integer({ min: f.low, max: f.low + 2 ** f.bits - 1 }))));
    fc.assert(
      fc.property(value, (values) => {
        const wide = new Int32Array(model.layout.stateSize);
        fields.forEach((f, i) => (wide[f.slot] = values[i]!));
        const state = new Int32Array(packing.size);
        packing.pack(wide, state);
        const back = new Int32Array(model.layout.stateSize);
        packing.unpack(state, back);
        expect(Array.from(back)).toEqual(Array.from(wide));
      }),
    );
  });

  it("throws an internal error, instead of wrapping, on a value outside its field", () => {
    const model = compileSource(spec("two-phase.fl"));
    const packing = model.packing!;
    const wide = new Int32Array(model.layout.stateSize);
    packing.unpack(model.initialStates()[0]!, wide);
    const enumSlot = packing.fields.find((f) => f.bits === 2)!.slot;
    wide[enumSlot] = 4;
    expect(() => packing.pack(wide, new Int32Array(packing.size))).toThrow(/internal/);
    wide[enumSlot] = -1;
    expect(() => packing.pack(wide, new Int32Array(packing.size))).toThrow(/internal/);
  });

  it("leaves small states wide when packing would not pay", () => {
    // Four 20-bit fields and an empty network slot: 5 slots would become 4.
    const model = compileSource(`
      node A {
        var w: 0..1000000 = 0  var x: 0..1000000 = 0  var y: 0..1000000 = 0  var z: 0..1000000 = 0
        action go when x < 2 { x = x + 1 }
      }
      network unordered capacity 1
      end when true
    `);
    expect(model.layout.stateSize).toBe(5);
    expect(model.packing).toBeUndefined();
    expect(model.stateSize).toBe(model.layout.stateSize);
  });
});
