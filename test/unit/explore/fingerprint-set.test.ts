import { describe, expect, it } from "vitest";
import { AddResult, FingerprintSet, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO } from "../../../src/explore/fingerprint-set.js";

describe("FingerprintSet", () => {
  it("adds new fingerprints once and reports duplicates", () => {
    const set = new FingerprintSet();
    expect(set.add(1, 2)).toBe(AddResult.Added);
    expect(set.add(1, 2)).toBe(AddResult.Present);
    expect(set.add(2, 1)).toBe(AddResult.Added);
    expect(set.size).toBe(2);
    expect(set.has(1, 2)).toBe(true);
    expect(set.has(1, 3)).toBe(false);
  });

  it("treats the signed and unsigned spelling of a half as the same fingerprint", () => {
    const set = new FingerprintSet();
    expect(set.add(0xffffffff, 0x80000000)).toBe(AddResult.Added);
    expect(set.has(-1, -0x80000000)).toBe(true);
    expect(set.add(-1, -0x80000000)).toBe(AddResult.Present);
  });

  it("stores (0, 0), the empty marker, by remapping it", () => {
    const set = new FingerprintSet({ initialCapacity: 16 });
    expect(set.has(0, 0)).toBe(false);
    expect(set.add(0, 0)).toBe(AddResult.Added);
    expect(set.has(0, 0)).toBe(true);
    expect(set.add(0, 0)).toBe(AddResult.Present);
    expect(set.add(0, 1)).toBe(AddResult.Added);
    expect(set.add(1, 0)).toBe(AddResult.Added);
    // The remapped pair is the one documented collision.
    expect(set.has(REMAPPED_ZERO_HI, REMAPPED_ZERO_LO)).toBe(true);
    expect(set.size).toBe(3);
  });

  it("grows past its initial capacity and keeps every fingerprint, even with clustered slots", () => {
    const set = new FingerprintSet({ initialCapacity: 16 });
    // All share lo = 5, so they land in one probe cluster.
    for (let hi = 0; hi < 5000; hi++) expect(set.add(hi, 5)).toBe(AddResult.Added);
    expect(set.size).toBe(5000);
    expect(set.capacity).toBeGreaterThanOrEqual(5000 / 0.7);
    expect(set.bytes).toBe(set.capacity * 8);
    for (let hi = 0; hi < 5000; hi++) expect(set.has(hi, 5)).toBe(true);
    expect(set.has(5000, 5)).toBe(false);
  });

  it("answers Full, without adding, when growing would pass maxBytes", () => {
    const set = new FingerprintSet({ initialCapacity: 16, maxBytes: 16 * 8 });
    let added = 0;
    let full = 0;
    for (let i = 1; i <= 40; i++) {
      const r = set.add(i, i * 7919);
      if (r === AddResult.Added) added++;
      if (r === AddResult.Full) {
        full++;
        expect(set.has(i, i * 7919)).toBe(false);
      }
    }
    expect(added).toBe(Math.floor(16 * 0.7));
    expect(full).toBe(40 - added);
    expect(set.size).toBe(added);
    expect(set.bytes).toBe(16 * 8);
    // Known fingerprints are still recognised once full.
    expect(set.add(1, 7919)).toBe(AddResult.Present);
  });
});
