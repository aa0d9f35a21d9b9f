import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AddResult } from "../../../src/explore/fingerprint-set.js";
import { createPartition, normalizeFingerprint, OwnedPartition, partitionOf, PARTITIONS, tableHas, tableView } from "../../../src/explore/partitioned-set.js";

describe("partitioned seen-set", () => {
  it("an owned partition behaves like a Set of pairs while it grows in place", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer(), fc.integer({ min: 1, max: 5000 })), { maxLength: 3000 }), (pairs) => {
        const ref = createPartition();
        const part = new OwnedPartition(ref, Number.POSITIVE_INFINITY);
        const model = new Set<string>();
        for (const [hi, lo] of pairs) {
          const key = `${hi | 0},${lo | 0}`;
          expect(part.add(hi | 0, lo | 0)).toBe(model.has(key) ? AddResult.Present : AddResult.Added);
          model.add(key);
        }
        expect(part.count).toBe(model.size);
        expect(part.toRef().buffer).toBe(ref.buffer);
        for (const [hi, lo] of pairs) expect(tableHas(tableView(ref.buffer), hi | 0, lo | 0)).toBe(true);
        expect(part.has(123456789, 0)).toBe(model.has("123456789,0"));
      }),
      { numRuns: 30 },
    );
  });

  it("answers Full instead of growing past its budget", () => {
    const part = new OwnedPartition(createPartition(), 8 * 1024);
    let last: AddResult = AddResult.Added;
    for (let i = 1; i < 2000 && last !== AddResult.Full; i++) last = part.add(i, i * 7919);
    expect(last).toBe(AddResult.Full);
  });

  it("spreads fingerprints over every partition and remaps the empty marker", () => {
    const seen = new Set<number>();
    for (let i = 0; i < PARTITIONS * 16; i++) seen.add(partitionOf((Math.imul(i, 0x9e3779b1) | 0) >>> 0));
    expect(seen.size).toBe(PARTITIONS);
    const fp = new Int32Array([0, 0]);
    normalizeFingerprint(fp);
    expect(fp[0]! | fp[1]!).not.toBe(0);
  });
});
