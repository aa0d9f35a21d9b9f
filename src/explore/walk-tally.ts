// Merges the results of walk ranges, taken in walk order, into the totals of one random search:
// so a search gives the same counts and the same failing walk whether its ranges ran on one
// thread or on several. Running the ranges is walk-runner.ts's job.

import type { Model } from "../compile/model.js";
import { AddResult, FingerprintSet } from "./fingerprint-set.js";
import type { FoundWalk, Shard, WalkRangeResult } from "./walk-runner.js";
import { DEFAULT_MAX_SEEN_BYTES } from "./walk-runner.js";

/** How many of `walks` walks (numbered 0 .. walks - 1 over all shards) fall to `shard`. */
export function walksInShard(walks: number, shard: Shard | undefined): number {
  if (!Number.isFinite(walks)) return Number.POSITIVE_INFINITY;
  const index = shard?.index ?? 0;
  const count = shard?.count ?? 1;
  return walks > index ? Math.floor((walks - 1 - index) / count) + 1 : 0;
}

/**
 * The running totals of a random search. `add` takes ranges in order of local walk index, each
 * starting where the last one's completed walks ended; the first failing walk ends the tally
 * (later ranges are ignored). Distinct states are counted from the ranges' exported fingerprints
 * when they carry them (several runners), otherwise from their `distinctAdded` (one runner).
 */
export class WalkTally {
  /** The next local walk index the tally expects (walks before it are all counted). */
  next = 0;
  steps = 0;
  generated = 0;
  deepest = 0;
  distinct = 0;
  capped = false;
  readonly coverage: number[];
  readonly reached: boolean[];
  found: FoundWalk | undefined;
  private seen: FingerprintSet | undefined;

  constructor(
    model: Model,
    private readonly maxSeenBytes: number = DEFAULT_MAX_SEEN_BYTES,
  ) {
    this.coverage = new Array<number>(model.actions.length).fill(0);
    this.reached = model.properties.map(() => false);
  }

  /** Walks counted so far (the failing one included). */
  get walks(): number {
    return this.next;
  }

  /** Bytes held by the merged fingerprint set (0 with a single runner). */
  get seenBytes(): number {
    return this.seen?.bytes ?? 0;
  }

  /** Adds a range that starts at `next`; a failing walk in it ends the tally. */
  add(range: WalkRangeResult): void {
    if (this.found !== undefined) return;
    if (range.from !== this.next) throw new Error(`internal: walk range ${range.from} added when ${this.next} was expected`);
    this.next += range.completed;
    this.steps += range.steps;
    this.generated += range.generated;
    this.deepest = Math.max(this.deepest, range.deepest);
    range.coverage.forEach((n, i) => (this.coverage[i] = (this.coverage[i] ?? 0) + n));
    for (const i of range.reached) this.reached[i] = true;
    if (range.fingerprints !== undefined) this.merge(range.fingerprints);
    else this.distinct += range.distinctAdded;
    this.capped ||= range.capped;
    this.found = range.found;
  }

  private merge(fingerprints: Int32Array): void {
    this.seen ??= new FingerprintSet({ initialCapacity: 1 << 14, maxBytes: this.maxSeenBytes });
    for (let at = 0; at + 1 < fingerprints.length && !this.capped; at += 2) {
      const added = this.seen.add(fingerprints[at]!, fingerprints[at + 1]!);
      if (added === AddResult.Added) this.distinct++;
      else if (added === AddResult.Full) this.capped = true;
    }
  }
}
