// Random search (`--random`): seeded random walks over a Model on this thread, the first failing
// walk shrunk (shrink.ts), and a RandomResult that says what was covered. Walks run in
// walk-runner.ts; random-parallel.ts spreads the same walks over worker threads.

import type { Model } from "../compile/model.js";
import { EvaluationError } from "../compile/model.js";
import { summarize, type Stop } from "./bfs.js";
import { formatSeed, normalizeSeed } from "./prng.js";
import type { LimitKind, Progress, RandomResult, RandomStats } from "./result.js";
import { DEFAULT_SHORTEN_STEPS, SHORTEN_FIRST_WALK, shrinkWalk } from "./shrink.js";
import { createWalkRunner, type Shard } from "./walk-runner.js";
import { WalkTally, walksInShard } from "./walk-tally.js";

/** Walks run when neither `walks` nor `timeLimitMs` is given. */
export const DEFAULT_WALKS = 10_000;
/** Steps per walk at most, by default. */
export const DEFAULT_WALK_DEPTH = 100;
/** The largest walk depth accepted (a walk's path is held in one array of this length). */
export const MAX_WALK_DEPTH = 1_000_000;
/**
 * A slice of walks (run between two polls of the clock, `shouldStop` and progress, and two turns
 * of the event loop in randomSearchAsync) aims at this many milliseconds; its step budget follows
 * the pace of the last slice, within these bounds. Slicing never changes a result.
 */
const SLICE_MS = 20;
const FIRST_SLICE_STEPS = 1 << 12;
const MIN_SLICE_STEPS = 1 << 8;
const MAX_SLICE_STEPS = 1 << 20;
const PROGRESS_INTERVAL_MS = 250;

export interface RandomOptions {
  /** The seed (a number or a 64-bit bigint): the same seed gives the same walks everywhere. */
  readonly seed: number | bigint;
  /** Walks in all, over every shard. Default: DEFAULT_WALKS, or no bound when `timeLimitMs` is set. */
  readonly walks?: number;
  /** Steps per walk at most (default DEFAULT_WALK_DEPTH). */
  readonly walkDepth?: number;
  /** Stop after about this many milliseconds (between walks; what was found stays deterministic). */
  readonly timeLimitMs?: number;
  /** Run only the walks w with w % count === index (`--shard I/N`, 0-based here). */
  readonly shard?: Shard;
  /** Cap on the bytes of the visited-state set (default 64 MiB); counting stops beyond it. */
  readonly maxSeenBytes?: number;
  /** Steps of shorter walks tried after shrinking (default DEFAULT_SHORTEN_STEPS; 0: none). */
  readonly shortenSteps?: number;
  /** Called with a snapshot at most about every 250 ms. */
  readonly onProgress?: (progress: RandomProgress) => void;
  /** Polled between slices of walks; answering true stops the search with limit `interrupted`. */
  readonly shouldStop?: () => boolean;
}

/** A Progress snapshot of a random search (`level` is the deepest walk so far, `queuedStates` 0). */
export interface RandomProgress extends Progress {
  readonly walks: number;
  /** The walks this search (this shard) runs at most, when bounded by a number of walks. */
  readonly walksPlanned?: number;
  readonly steps: number;
  readonly stepsPerSecond: number;
}

/** The options after defaults and checks, shared with random-parallel.ts. */
export interface RandomPlan {
  readonly seed: bigint;
  readonly walkDepth: number;
  readonly shard: Shard | undefined;
  /** Local walks this shard runs (may be infinite). */
  readonly localWalks: number;
  readonly deadline: number;
  readonly startedAt: number;
}

/** Applies defaults and checks options; throws RangeError on values the CLI should have refused. */
export function planRandomSearch(options: RandomOptions): RandomPlan {
  const startedAt = performance.now();
  const seed = normalizeSeed(options.seed);
  const walkDepth = options.walkDepth ?? DEFAULT_WALK_DEPTH;
  if (!Number.isInteger(walkDepth) || walkDepth < 0 || walkDepth > MAX_WALK_DEPTH) {
    throw new RangeError(`walkDepth must be an integer from 0 to ${MAX_WALK_DEPTH}, not ${walkDepth}`);
  }
  const shard = options.shard;
  if (shard !== undefined && !(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count)) {
    throw new RangeError(`shard ${shard.index}/${shard.count} is not a shard: expected 0 <= index < count`);
  }
  const walks = options.walks ?? (options.timeLimitMs === undefined ? DEFAULT_WALKS : Number.POSITIVE_INFINITY);
  if (!(walks >= 0)) throw new RangeError(`walks must be a natural number, not ${walks}`);
  const deadline = startedAt + (options.timeLimitMs ?? Number.POSITIVE_INFINITY);
  return { seed, walkDepth, shard, localWalks: walksInShard(walks, shard), deadline, startedAt };
}

/**
 * Runs seeded random walks over `model` on this thread (see createWalkRunner for what a walk is
 * and in which order it checks properties) until a walk fails, all walks ran, the time limit
 * passed or `shouldStop` answered true. A failing walk is shrunk (shrinkWalk) and reported with
 * its replay path and the seed.
 *
 * Determinism: walk w's steps depend only on (seed, w) and the model; walks are taken in order of
 * number, so the failure reported is that of the lowest-numbered failing walk, and counts cover
 * exactly the walks before it and itself, at any worker count (random-parallel.ts) and on any
 * machine. A time limit or `shouldStop` only decides how many walks complete; `random.walks` says
 * how many did. The outcome is never `ok`: without a failure it is `limit` (`walks`, `time` or
 * `interrupted`).
 */
export function randomSearch(model: Model, options: RandomOptions): RandomResult {
  const search = searchInSlices(model, options);
  for (;;) {
    const slice = search.next();
    if (slice.done === true) return slice.value;
  }
}

/**
 * randomSearch(), giving the event loop a turn between slices of walks (about every
 * SLICE_MS): signal handlers, timers and the live view run while it searches, and a
 * `shouldStop` set by them is seen within a slice. The same result as randomSearch().
 */
export async function randomSearchAsync(model: Model, options: RandomOptions): Promise<RandomResult> {
  const search = searchInSlices(model, options);
  for (;;) {
    const slice = search.next();
    if (slice.done === true) return slice.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The search of randomSearch(), pausing (yield) after each slice of walks; returns its result. */
function* searchInSlices(model: Model, options: RandomOptions): Generator<void, RandomResult, void> {
  const plan = planRandomSearch(options);
  const runner = createWalkRunner(model, {
    seed: plan.seed,
    walkDepth: plan.walkDepth,
    ...(plan.shard !== undefined ? { shard: plan.shard } : {}),
    ...(options.maxSeenBytes !== undefined ? { maxSeenBytes: options.maxSeenBytes } : {}),
  });
  const tally = new WalkTally(model, options.maxSeenBytes);
  let lastProgressAt = plan.startedAt;
  let limit: LimitKind = "walks";
  let sliceSteps = FIRST_SLICE_STEPS;
  const end = Math.min(plan.localWalks, lastLocalWalk(plan.shard));
  while (tally.found === undefined && tally.next < end) {
    const before = performance.now();
    const range = runner.run(tally.next, end, sliceSteps);
    tally.add(range);
    const now = performance.now();
    if (tally.found !== undefined || tally.next >= end) break;
    if (now >= plan.deadline) {
      limit = "time";
      break;
    }
    if (options.shouldStop?.() === true) {
      limit = "interrupted";
      break;
    }
    if (options.onProgress !== undefined && now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
      lastProgressAt = now;
      options.onProgress(randomProgress(tally, plan, now, runner.seenBytes));
    }
    sliceSteps = nextSliceSteps(sliceSteps, range.steps, now - before);
    yield;
  }
  return finishRandomSearch(model, tally, plan, limit, runner.seenBytes, options.shortenSteps);
}

/** The step budget of the next slice: about SLICE_MS at the pace of the last one, at most doubling. */
function nextSliceSteps(budget: number, steps: number, ms: number): number {
  const paced = ms > 0 ? (steps * SLICE_MS) / ms : Number.POSITIVE_INFINITY;
  return Math.max(MIN_SLICE_STEPS, Math.min(2 * budget, MAX_SLICE_STEPS, Math.round(paced)));
}

/** The local walk index past the last one a search may run: walks from SHORTEN_FIRST_WALK on are the shrinker's. */
export function lastLocalWalk(shard: Shard | undefined): number {
  return Math.floor((SHORTEN_FIRST_WALK - (shard?.index ?? 0)) / (shard?.count ?? 1));
}

/** A progress snapshot of `tally`. */
export function randomProgress(tally: WalkTally, plan: RandomPlan, now: number, memoryBytes: number): RandomProgress {
  const seconds = (now - plan.startedAt) / 1000;
  return {
    distinctStates: tally.distinct,
    generatedStates: tally.generated,
    queuedStates: 0,
    level: tally.deepest,
    seconds,
    statesPerSecond: seconds > 0 ? tally.distinct / seconds : 0,
    memoryBytes,
    walks: tally.walks,
    ...(Number.isFinite(plan.localWalks) ? { walksPlanned: plan.localWalks } : {}),
    steps: tally.steps,
    stepsPerSecond: seconds > 0 ? tally.steps / seconds : 0,
  };
}

/**
 * Turns a finished tally into a RandomResult: shrinks its failing walk, if any (with the seed's
 * reserved walks for shortening), or reports `limit` (the given kind) with unreached reachables.
 */
export function finishRandomSearch(
  model: Model,
  tally: WalkTally,
  plan: RandomPlan,
  limit: LimitKind,
  memoryBytes: number,
  shortenSteps: number = DEFAULT_SHORTEN_STEPS,
): RandomResult {
  const searchedAt = performance.now();
  const searchSeconds = (searchedAt - plan.startedAt) / 1000;
  const found = tally.found;
  let stop: Stop = { kind: "limit", limit };
  let shrunkStats: Partial<RandomStats> = {};
  if (found !== undefined) {
    const shrunk = shrinkWalk(model, found, { seed: plan.seed, shortenSteps });
    const path = shrunk.path;
    const failure = shrunk.failure;
    if (failure.kind === "violation") stop = { kind: "violation", property: failure.property, path };
    else if (failure.kind === "deadlock") stop = { kind: "deadlock", path };
    else {
      const error = new EvaluationError(failure.code, failure.message, failure.actionId);
      stop = { kind: "error", error, path, emittedBefore: failure.emittedBefore };
    }
    shrunkStats = {
      failingWalk: found.walk,
      originalLength: found.path.length - 1,
      shrunkLength: path.length - 1,
      shrinkRuns: shrunk.runs,
    };
  }
  const seconds = (performance.now() - plan.startedAt) / 1000;
  const seed = formatSeed(plan.seed);
  const base = {
    stats: {
      distinctStates: tally.distinct,
      generatedStates: tally.generated,
      depth: tally.walks > 0 ? tally.deepest + 1 : 0,
      seconds,
      statesPerSecond: seconds > 0 ? tally.distinct / seconds : 0,
      peakMemoryBytes: memoryBytes + tally.seenBytes,
    },
    coverage: model.actions.map((a, i) => ({ label: a.label, kind: a.kind, count: tally.coverage[i] ?? 0 })),
  };
  const unreached = model.properties.flatMap((p, i) => (p.kind === "reachable" && !tally.reached[i] ? [p.name] : []));
  const result = summarize(model, stop, base, unreached);
  const random: RandomStats = {
    seed,
    ...(plan.shard !== undefined ? { shard: plan.shard } : {}),
    walks: tally.walks,
    steps: tally.steps,
    stepsPerSecond: searchSeconds > 0 ? tally.steps / searchSeconds : 0,
    distinctStates: tally.distinct,
    distinctCapped: tally.capped,
    deepestWalk: tally.deepest,
    walkDepth: plan.walkDepth,
    ...shrunkStats,
  };
  const violation = result.violation !== undefined ? { violation: { ...result.violation, seed } } : {};
  const error = result.error !== undefined ? { error: { ...result.error, seed } } : {};
  return { ...result, ...violation, ...error, random };
}
