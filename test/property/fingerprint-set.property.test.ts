// FingerprintSet behaves like a Set of "hi:lo" strings (fast-check model-based commands), with
// (0, 0) stored under its documented remapped pair; growth is forced by a tiny initial capacity.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AddResult, FingerprintSet, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO } from "../../src/explore/fingerprint-set.js";

interface SetModel {
  keys: Set<string>;
}

function keyOf(hi: number, lo: number): string {
  if ((hi | 0) === 0 && (lo | 0) === 0) return keyOf(REMAPPED_ZERO_HI, REMAPPED_ZERO_LO);
  return `${hi >>> 0}:${lo >>> 0}`;
}

class AddCommand implements fc.Command<SetModel, FingerprintSet> {
  constructor(readonly hi: number, readonly lo: number) {}
  check(): boolean {
    return true;
  }
  run(model: SetModel, real: FingerprintSet): void {
    const key = keyOf(this.hi, this.lo);
    const expected = model.keys.has(key) ? AddResult.Present : AddResult.Added;
    expect(real.add(this.hi, this.lo)).toBe(expected);
    model.keys.add(key);
    expect(real.size).toBe(model.keys.size);
  }
  toString(): string {
    return `add(${this.hi}, ${this.lo})`;
  }
}

class HasCommand implements fc.Command<SetModel, FingerprintSet> {
  constructor(readonly hi: number, readonly lo: number) {}
  check(): boolean {
    return true;
  }
  run(model: SetModel, real: FingerprintSet): void {
    expect(real.has(this.hi, this.lo)).toBe(model.keys.has(keyOf(this.hi, this.lo)));
  }
  toString(): string {
    return `has(${this.hi}, ${this.lo})`;
  }
}

/** Halves: mostly tiny (duplicates, (0, 0), probe clusters), sometimes any 32-bit value. */
const half = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -0x80000000, max: 0xffffffff }) },
  { weight: 1, arbitrary: fc.constantFrom(0, REMAPPED_ZERO_HI, REMAPPED_ZERO_LO, 0x80000000, -1) },
);

/** FC_SEED=<seed> replays a failure that fast-check reported. */
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

const commands = fc.commands(
  [
    fc.tuple(half, half).map(([hi, lo]) => new AddCommand(hi, lo)),
    fc.tuple(half, half).map(([hi, lo]) => new HasCommand(hi, lo)),
  ],
  { maxCommands: 400 },
);

describe("FingerprintSet (model-based)", () => {
  it("behaves like a Set of hi:lo strings, across growth", () => {
    fc.assert(
      fc.property(commands, fc.constantFrom(16, 64), (cmds, initialCapacity) => {
        fc.modelRun(() => ({ model: { keys: new Set<string>() }, real: new FingerprintSet({ initialCapacity }) }), cmds);
      }),
      { numRuns: 200, ...seed },
    );
  });

  it("under a byte cap, agrees with the Set until Full, and Full never adds", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half), { maxLength: 300 }), fc.integer({ min: 16, max: 256 }), (pairs, capSlots) => {
        const real = new FingerprintSet({ initialCapacity: 16, maxBytes: capSlots * 8 });
        const keys = new Set<string>();
        for (const [hi, lo] of pairs) {
          const key = keyOf(hi, lo);
          const result = real.add(hi, lo);
          if (keys.has(key)) expect(result).toBe(AddResult.Present);
          else if (result === AddResult.Full) expect(real.has(hi, lo)).toBe(false);
          else {
            expect(result).toBe(AddResult.Added);
            keys.add(key);
          }
          expect(real.size).toBe(keys.size);
          expect(real.bytes).toBeLessThanOrEqual(Math.max(16, capSlots) * 8);
        }
      }),
      { numRuns: 200, ...seed },
    );
  });
});
