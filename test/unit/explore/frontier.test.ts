import { describe, expect, it } from "vitest";
import { Frontier, LevelBuffer, ParentTable } from "../../../src/explore/frontier.js";

/** Reads a level back as [index, ...slots] records, chunk by chunk. */
function recordsOf(level: LevelBuffer): number[][] {
  const out: number[][] = [];
  level.chunks.forEach((chunk, c) => {
    for (let r = 0; r < level.lengths[c]!; r++) {
      out.push(Array.from(chunk.subarray(r * level.recordSize, (r + 1) * level.recordSize)));
    }
  });
  return out;
}

describe("LevelBuffer", () => {
  it("keeps records in push order across growing chunks, copying only stateSize slots", () => {
    const level = new LevelBuffer(2);
    const scratch = new Int32Array(3);
    for (let i = 0; i < 1000; i++) {
      scratch.set([i, -i | 0, 99]);
      expect(level.push(i + 7, scratch)).toBe(true);
    }
    expect(level.size).toBe(1000);
    expect(level.chunks.length).toBeGreaterThan(1);
    const records = recordsOf(level);
    expect(records).toHaveLength(1000);
    expect(records[0]).toEqual([7, 0, 0]);
    expect(records[999]).toEqual([1006, 999, -999]);
    expect(level.bytes).toBeGreaterThanOrEqual(1000 * 3 * 4);
  });

  it("releases read chunks and clears", () => {
    const level = new LevelBuffer(1);
    for (let i = 0; i < 600; i++) level.push(i, Int32Array.of(i));
    const before = level.bytes;
    level.releaseChunk(0);
    expect(level.bytes).toBeLessThan(before);
    level.clear();
    expect(level.size).toBe(0);
    expect(level.bytes).toBe(0);
  });
});

describe("ParentTable", () => {
  it("records parents past one chunk and rebuilds paths from the root", () => {
    const table = new ParentTable();
    expect(table.push(-1, 0)).toBe(0);
    expect(table.push(-1, 1)).toBe(1);
    // A chain 1 -> 2 -> ... -> 200000, each reached by ordinal i % 5.
    let last = 1;
    for (let i = 2; i <= 200_000; i++) last = table.push(i - 1, i % 5);
    expect(last).toBe(200_000);
    expect(table.size).toBe(200_001);
    expect(table.parentOf(0)).toBe(-1);
    expect(table.parentOf(150_000)).toBe(149_999);
    expect(table.ordinalOf(150_000)).toBe(0);
    expect(table.pathTo(0)).toEqual([0]);
    expect(table.pathTo(4)).toEqual([1, 2, 3, 4]);
    const long = table.pathTo(200_000);
    expect(long).toHaveLength(200_000);
    expect(long.slice(-3)).toEqual([3, 4, 0]);
  });
});

describe("Frontier", () => {
  it("advances: the next level becomes current and a fresh next level starts", () => {
    const frontier = new Frontier(1);
    frontier.next.push(0, Int32Array.of(5));
    frontier.advance();
    expect(frontier.current.size).toBe(1);
    expect(frontier.next.size).toBe(0);
    frontier.next.push(1, Int32Array.of(6));
    frontier.advance();
    expect(recordsOf(frontier.current)).toEqual([[1, 6]]);
    expect(frontier.bytes).toBeGreaterThan(0);
  });
});
