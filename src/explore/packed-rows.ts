// Fixed-width bit-packed rows of int32 columns in shared memory (frame of reference: each column
// stores value - min in just enough bits for the page). The parallel explorer keeps its
// candidates and parent pointers this way; it decides what the columns mean.

import { int32s, type Region } from "./arena.js";

/** Header words: rows, columns, bits per row; then per column its min, width and bit offset. */
const HEADER = 3;

/** The mask of the low `width` bits (0 <= width <= 32) as an int32. */
function lowMask(width: number): number {
  return width === 32 ? -1 : ((1 << width) - 1) | 0;
}

/** Bits needed for the unsigned value `span` (0 <= span < 2^32). */
function bitsFor(span: number): number {
  let bits = 0;
  while (bits < 32 && span >= 2 ** bits) bits++;
  return bits;
}

let scratch = new Int32Array(1024);

/**
 * Packs `rows` rows of `columns` int32s, read from `src` row-major starting at `start`, into a
 * page in a region from `alloc(bytes)`. Each column keeps its own min and width, so a page of
 * small values takes a few bits per row. Deterministic: the same rows give the same page.
 */
export function packRows(src: Int32Array, start: number, rows: number, columns: number, alloc: (bytes: number) => Region): Region {
  const end = start + rows * columns;
  // Pass 1: the range of every column (column by column: tight loops).
  const mins = new Int32Array(columns);
  const widths = new Int32Array(columns);
  const offsets = new Int32Array(columns);
  let rowBits = 0;
  for (let c = 0; c < columns; c++) {
    let lo = rows > 0 ? src[start + c]! : 0;
    let hi = lo;
    for (let at = start + c + columns; at < end; at += columns) {
      const v = src[at]!;
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    mins[c] = lo;
    widths[c] = bitsFor(hi - lo);
    offsets[c] = rowBits;
    rowBits += widths[c]!;
  }
  // Pass 2: or each field into place, column by column, in zeroed scratch words.
  const dataStart = HEADER + 3 * columns;
  const dataWords = Math.ceil((rows * rowBits) / 32) + 1;
  if (scratch.length < dataWords) scratch = new Int32Array(Math.max(dataWords, scratch.length * 2));
  const data = scratch;
  data.fill(0, 0, dataWords);
  for (let c = 0; c < columns; c++) {
    const width = widths[c]!;
    if (width === 0) continue;
    const min = mins[c]!;
    for (let at = start + c, pos = offsets[c]!; at < end; at += columns, pos += rowBits) {
      const value = (src[at]! - min) | 0;
      const word = pos >>> 5;
      const bit = pos & 31;
      data[word] = data[word]! | (value << bit);
      if (bit + width > 32) data[word + 1] = data[word + 1]! | (value >>> (32 - bit));
    }
  }
  const region = alloc((dataStart + dataWords) * 4);
  const page = int32s(region);
  page[0] = rows;
  page[1] = columns;
  page[2] = rowBits;
  for (let c = 0; c < columns; c++) {
    page[HEADER + 3 * c] = mins[c]!;
    page[HEADER + 3 * c + 1] = widths[c]!;
    page[HEADER + 3 * c + 2] = offsets[c]!;
  }
  page.set(data.subarray(0, dataWords), dataStart);
  return region;
}

/** Read access to a page made by `packRows`. Cheap to create; holds precomputed column masks. */
export class PackedRows {
  readonly rows: number;
  readonly columns: number;
  private readonly page: Int32Array;
  private readonly rowBits: number;
  /** Per column: bit offset in the row, width, mask of the width, min. */
  private readonly spec: Int32Array;
  private readonly dataBits: number;

  constructor(region: Region) {
    const page = int32s(region);
    this.page = page;
    this.rows = page[0]!;
    this.columns = page[1]!;
    this.rowBits = page[2]!;
    const n = this.columns;
    this.spec = new Int32Array(n * 4);
    for (let c = 0; c < n; c++) {
      const width = page[HEADER + 3 * c + 1]!;
      this.spec[c * 4] = page[HEADER + 3 * c + 2]!;
      this.spec[c * 4 + 1] = width;
      this.spec[c * 4 + 2] = lowMask(width);
      this.spec[c * 4 + 3] = page[HEADER + 3 * c]!;
    }
    this.dataBits = (HEADER + 3 * n) * 32;
  }

  /** Writes row `row` (all columns) into `out` from index `at`. */
  readRow(row: number, out: Int32Array, at: number): void {
    const page = this.page;
    const spec = this.spec;
    const base = this.dataBits + row * this.rowBits;
    const n = this.columns;
    for (let c = 0, j = 0; c < n; c++, j += 4) {
      const pos = base + spec[j]!;
      const word = pos >>> 5;
      const bit = pos & 31;
      let value = page[word]! >>> bit;
      if (bit + spec[j + 1]! > 32) value |= page[word + 1]! << (32 - bit);
      out[at + c] = ((value & spec[j + 2]!) + spec[j + 3]!) | 0;
    }
  }

  /** The value in column `column` of row `row`. */
  read(row: number, column: number): number {
    const spec = this.spec;
    const j = column * 4;
    const pos = this.dataBits + row * this.rowBits + spec[j]!;
    const word = pos >>> 5;
    const bit = pos & 31;
    let value = this.page[word]! >>> bit;
    if (bit + spec[j + 1]! > 32) value |= this.page[word + 1]! << (32 - bit);
    return ((value & spec[j + 2]!) + spec[j + 3]!) | 0;
  }
}
