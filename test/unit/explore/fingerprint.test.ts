import { describe, expect, it } from "vitest";
import { fingerprint, fingerprintRange } from "../../../src/explore/fingerprint.js";

describe("fingerprint", () => {
  it("is deterministic, and a range fingerprint equals the fingerprint of the copied slice", () => {
    const a = new Int32Array(2);
    const b = new Int32Array(2);
    fingerprint(Int32Array.of(1, 2, 3), a);
    fingerprintRange(Int32Array.of(9, 1, 2, 3, 9), 1, 3, b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("separates 100,000 small distinct states without a 64-bit collision", () => {
    const seen = new Set<string>();
    const out = new Int32Array(2);
    const state = new Int32Array(3);
    for (let i = 0; i < 100_000; i++) {
      state[0] = i % 47;
      state[1] = Math.floor(i / 47) % 43;
      state[2] = Math.floor(i / (47 * 43));
      fingerprint(state, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(100_000);
  });

  it("depends on the length: trailing zero slots change the fingerprint", () => {
    const a = new Int32Array(2);
    const b = new Int32Array(2);
    fingerprint(Int32Array.of(1), a);
    fingerprint(Int32Array.of(1, 0), b);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});
