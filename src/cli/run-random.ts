// `faultline check --random`: seeded random walks over the compiled model instead of BFS. The
// seed is chosen here when the user gave none (and printed), so the search itself stays pure.

import { randomBytes } from "node:crypto";
import type { Model } from "../compile/model.js";
import { randomSearch } from "../explore/random-walk.js";
import { formatSeed } from "../explore/prng.js";
import type { RandomResult } from "../explore/result.js";
import type { CheckOptions } from "./options.js";

/** A fresh 64-bit seed for a run that was given none. */
export function freshSeed(): bigint {
  return randomBytes(8).readBigUInt64BE();
}

/** Runs the random search `options` asks for (one thread; the same answer as any worker count). */
export function runRandom(model: Model, options: CheckOptions, seed: bigint, shouldStop: () => boolean): RandomResult {
  return randomSearch(model, {
    seed,
    shouldStop,
    ...(options.walks === undefined ? {} : { walks: options.walks }),
    ...(options.walkDepth === undefined ? {} : { walkDepth: options.walkDepth }),
    ...(options.timeSeconds === undefined ? {} : { timeLimitMs: options.timeSeconds * 1000 }),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  });
}

/** The command line that reruns the same random search. */
export function rerunCommand(file: string, options: CheckOptions, seed: bigint): string {
  const parts = [`faultline check ${file}`];
  for (const [k, v] of Object.entries(options.constants)) parts.push(`--const ${k}=${v}`);
  parts.push(`--random --seed ${formatSeed(seed)}`);
  if (options.walks !== undefined) parts.push(`--walks ${options.walks}`);
  if (options.walkDepth !== undefined) parts.push(`--walk-depth ${options.walkDepth}`);
  if (options.shard) parts.push(`--shard ${options.shard.index}/${options.shard.count}`);
  return parts.join(" ");
}
