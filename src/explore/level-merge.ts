// Phase B of the parallel BFS, run in workers: inserts a level's candidates into the seen-set
// partition by partition. Each task owns some partitions and takes their candidates (phase A
// grouped each chunk's by partition) in chunk order, so the first occurrence of a state wins
// whoever runs it. Phase A is chunk-expander.ts's.

import { int32s } from "./arena.js";
import { AddResult } from "./fingerprint-set.js";
import { OwnedPartition, PARTITIONS, partitionOf } from "./partitioned-set.js";
import type { InsertResult, InsertTask } from "./parallel-tasks.js";

/** Candidates are grouped by windows of 2^12 slots of their table, so inserts stay in cache. */
const WINDOW_SHIFT = 12;
/** A window that gets at least this many candidates is read into cache before they go in. */
const WARM_FROM = 32;
/** Candidates grouped at a time (bounds the scratch memory: 3 words each, twice). */
const BATCH = 1 << 18;

/** (hi, lo, candidate index) per owned candidate: in arrival order, then grouped by window. */
const arrived = new Int32Array(BATCH * 3);
const grouped = new Int32Array(BATCH * 3);

/**
 * Inserts the owned partitions' candidates of every chunk, and marks in `flags` those that
 * were new. Candidates go in batches (in chunk order), each inserted window by window of the
 * tables: a stable grouping, so among equal fingerprints the first in chunk order still comes
 * first. The set's contents and the flags depend only on the candidates, never on which task owns
 * which partition.
 */
export function insertCandidates(task: InsertTask): InsertResult {
  const owned: (OwnedPartition | undefined)[] = new Array<OwnedPartition | undefined>(PARTITIONS).fill(undefined);
  task.partitions.forEach((p, i) => (owned[p] = new OwnedPartition(task.refs[i]!, task.maxPartitionBytes)));
  const flags = new Uint8Array(task.flags.buffer, task.flags.offset, task.flags.length);
  let count = 0;
  let full = false;
  for (let c = 0; c < task.chunks.length && !full; c++) {
    const { fingerprints, partitionStarts } = task.chunks[c]!;
    const triples = int32s(fingerprints);
    const offset = task.flagOffsets[c]!;
    for (const p of task.partitions) {
      for (let at = partitionStarts[p]! * 3, end = partitionStarts[p + 1]! * 3; at < end; at += 3) {
        arrived[count * 3] = triples[at]!;
        arrived[count * 3 + 1] = triples[at + 1]!;
        arrived[count * 3 + 2] = offset + triples[at + 2]!;
        if (++count === BATCH) {
          full = insertBatch(owned, task.partitions, count, flags);
          count = 0;
          if (full) break;
        }
      }
      if (full) break;
    }
  }
  if (!full && count > 0) full = insertBatch(owned, task.partitions, count, flags);
  return { kind: "insert", refs: task.partitions.map((p) => owned[p]!.toRef()), full };
}

/** Groups the `count` arrived candidates by window (stably), inserts them; true when a table was full. */
function insertBatch(owned: (OwnedPartition | undefined)[], partitions: readonly number[], count: number, flags: Uint8Array): boolean {
  // Step 1: Number the windows of the owned tables (as they are now).
  const firstWindow = new Int32Array(PARTITIONS);
  const masks = new Int32Array(PARTITIONS);
  let windows = 0;
  for (const p of partitions) {
    firstWindow[p] = windows;
    masks[p] = owned[p]!.slots - 1;
    windows += Math.max(1, owned[p]!.slots >>> WINDOW_SHIFT);
  }
  // Step 2: Count per window, then place in arrival order within each window.
  const starts = new Int32Array(windows + 1);
  for (let i = 0; i < count * 3; i += 3) {
    const p = partitionOf(arrived[i]!);
    starts[firstWindow[p]! + ((arrived[i + 1]! & masks[p]!) >>> WINDOW_SHIFT) + 1]!++;
  }
  for (let w = 0; w < windows; w++) starts[w + 1]! += starts[w]!;
  const next = starts.slice(0, windows);
  for (let i = 0; i < count * 3; i += 3) {
    const p = partitionOf(arrived[i]!);
    const at = next[firstWindow[p]! + ((arrived[i + 1]! & masks[p]!) >>> WINDOW_SHIFT)]!++ * 3;
    grouped[at] = arrived[i]!;
    grouped[at + 1] = arrived[i + 1]!;
    grouped[at + 2] = arrived[i + 2]!;
  }
  // Step 3: Insert window by window; the first occurrence of a fingerprint is the new state. A
  // window with many candidates is read in address order first (see GrowingTable.warm).
  for (const p of partitions) {
    const table = owned[p]!;
    const first = firstWindow[p]!;
    const last = first + Math.max(1, (masks[p]! + 1) >>> WINDOW_SHIFT);
    for (let w = first; w < last; w++) {
      const end = starts[w + 1]! * 3;
      let at = starts[w]! * 3;
      if (end - at >= WARM_FROM * 3) table.warm((w - first) << WINDOW_SHIFT, 1 << WINDOW_SHIFT);
      for (; at < end; at += 3) {
        const added = table.add(grouped[at]!, grouped[at + 1]!);
        if (added === AddResult.Added) flags[grouped[at + 2]!] = 1;
        else if (added === AddResult.Full) return true;
      }
    }
  }
  return false;
}
