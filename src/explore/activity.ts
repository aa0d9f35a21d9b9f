// What each worker thread is doing, for the live view: a board in shared memory where every
// thread owns a row (busy flag, units of work done) that only it writes; the main thread reads
// the rows whenever it reports progress. A unit is a state expanded (BFS) or a step (random walks).

/** One worker thread's row of the board. */
export interface WorkerActivity {
  /** Running a task right now. */
  readonly busy: boolean;
  /** Units of work done so far (states expanded, or random-walk steps). */
  readonly expanded: number;
}

/** BigInt64 words: [rows claimed, then (busy, done) per row]. */
const HEADER = 1;

/** A board for `threads` rows, to hand to the threads (workerData) and to `readActivity`. */
export function createActivityBoard(threads: number): SharedArrayBuffer {
  return new SharedArrayBuffer(8 * (HEADER + 2 * threads));
}

/** Every row of the board, in the order the threads claimed them. */
export function readActivity(board: SharedArrayBuffer): WorkerActivity[] {
  const words = new BigInt64Array(board);
  const rows = (words.length - HEADER) / 2;
  const claimed = Math.min(rows, Number(Atomics.load(words, 0)));
  return Array.from({ length: rows }, (_, i) => ({
    busy: i < claimed && Atomics.load(words, HEADER + 2 * i) !== 0n,
    expanded: Number(Atomics.load(words, HEADER + 2 * i + 1)),
  }));
}

/** A thread's own row: `start()` before a task, `finish(units)` after it. */
export class ActivityRow {
  private readonly words: BigInt64Array;
  private readonly at: number;

  /** Claims the next free row of `board` (undefined when every row is taken). */
  static claim(board: SharedArrayBuffer): ActivityRow | undefined {
    const words = new BigInt64Array(board);
    const row = Number(Atomics.add(words, 0, 1n));
    return row < (words.length - HEADER) / 2 ? new ActivityRow(words, HEADER + 2 * row) : undefined;
  }

  private constructor(words: BigInt64Array, at: number) {
    this.words = words;
    this.at = at;
  }

  start(): void {
    Atomics.store(this.words, this.at, 1n);
  }

  finish(units: number): void {
    Atomics.add(this.words, this.at + 1, BigInt(units));
    Atomics.store(this.words, this.at, 0n);
  }
}
