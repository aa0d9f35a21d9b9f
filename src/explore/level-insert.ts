// Phase B of the parallel BFS as the main thread runs it: the level's candidates go to insert
// tasks (one per group of seen-set partitions, level-merge.ts does the work), then the new states
// are counted per chunk from the flags those tasks set.

import { PARTITIONS, type PartitionRef } from "./partitioned-set.js";
import type { Region } from "./arena.js";
import type { ExpandResult, TaskRunner } from "./parallel-tasks.js";

/**
 * Inserts the candidates of `used` (chunks in order) into the partitions `parts` (updated in
 * place: tables may grow) with `groups` tasks on `runner`; marks new states in `flags` and
 * answers how many each chunk has, or undefined when a partition could not grow.
 */
export async function insertLevel(
  runner: TaskRunner,
  groups: number,
  parts: PartitionRef[],
  used: readonly ExpandResult[],
  flags: Region,
  flagOffsets: readonly number[],
  maxPartitionBytes: number,
): Promise<number[] | undefined> {
  const chunks = used.map((r) => ({ fingerprints: r.fingerprints, partitionStarts: r.partitionStarts }));
  const tasks = [];
  for (let g = 0; g < groups; g++) {
    const partitions: number[] = [];
    for (let p = g; p < PARTITIONS; p += groups) partitions.push(p);
    const refs = partitions.map((p) => parts[p]!);
    tasks.push(runner.run({ kind: "insert", partitions, refs, chunks, flags, flagOffsets, maxPartitionBytes }).then((r) => ({ partitions, r })));
  }
  let full = false;
  for (const { partitions, r } of await Promise.all(tasks)) {
    partitions.forEach((p, i) => (parts[p] = r.refs[i]!));
    full ||= r.full;
  }
  if (full) return undefined;
  const marks = new Uint8Array(flags.buffer, flags.offset, flags.length);
  return used.map((r, c) => {
    let won = 0;
    for (let k = flagOffsets[c]!, end = k + r.candidates; k < end; k++) won += marks[k]!;
    return won;
  });
}
