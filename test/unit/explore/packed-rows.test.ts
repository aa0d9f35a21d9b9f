import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Arena, ownRegion } from "../../../src/explore/arena.js";
import { packRows, PackedRows } from "../../../src/explore/packed-rows.js";

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe("packRows / PackedRows", () => {
  it("round-trips any rows, by row and by cell", () => {
    const rowsArb = fc.integer({ min: 0, max: 6 }).chain((columns) =>
      fc.tuple(fc.constant(columns), fc.array(fc.array(fc.oneof(int32, fc.integer({ min: -3, max: 9 })), { minLength: columns, maxLength: columns }), { maxLength: 40 })),
    );
    fc.assert(
      fc.property(rowsArb, fc.nat(5), ([columns, rows], start) => {
        const src = Int32Array.from([...new Array<number>(start * columns).fill(7), ...rows.flat()]);
        const page = new PackedRows(packRows(src, start * columns, rows.length, columns, ownRegion));
        expect(page.rows).toBe(rows.length);
        const out = new Int32Array(columns + 1);
        rows.forEach((row, r) => {
          page.readRow(r, out, 1);
          expect(Array.from(out.subarray(1))).toEqual(row);
          row.forEach((v, c) => expect(page.read(r, c)).toBe(v));
        });
      }),
    );
  });

  it("takes few bits for small ranges", () => {
    const src = Int32Array.from({ length: 3000 }, (_, i) => 1000 + (i % 4));
    const region = packRows(src, 0, 1000, 3, ownRegion);
    expect(region.length).toBeLessThan(1000);
  });

  it("packs into an arena, whose regions stay readable as it grows", () => {
    const arena = new Arena();
    const first = packRows(Int32Array.from([1, 2, 3, 4]), 0, 2, 2, (bytes) => arena.alloc(bytes));
    for (let i = 0; i < 50; i++) arena.alloc(100_000);
    expect(arena.size).toBeGreaterThan(5_000_000);
    const page = new PackedRows(first);
    expect([page.read(0, 0), page.read(0, 1), page.read(1, 0), page.read(1, 1)]).toEqual([1, 2, 3, 4]);
    arena.reset();
    expect(arena.size).toBe(0);
    expect(new Uint8Array(arena.alloc(16, true).buffer, 0, 16).every((b) => b === 0)).toBe(true);
  });
});
