// Swarm mode: merges the RandomResults of the N shards of one random search (`--shard I/N`, run
// as N processes or machines) into one report. Reading them back from JSON is the caller's job.

import type { ActionCoverage, LimitKind, RandomResult } from "./result.js";

/**
 * Merges the results of shards 0..N-1 of one search (same seed, same walk depth, every index once).
 * The failure kept is the one of the lowest-numbered failing walk, which is the failure an
 * unsharded search reports (every shard stops at its own first failing walk). Walks, steps,
 * generated states and coverage are summed; the deepest walk and the time are maxima (shards run
 * side by side); a reachable property is unreached only when no shard reached it. Distinct states
 * cannot be merged from counts: `distinctStates` is the largest shard's (a lower bound) and
 * `distinctStatesAtMost` their sum. Gives a message instead when the results do not fit together.
 */
export function mergeShards(results: readonly RandomResult[]): RandomResult | string {
  const first = results[0];
  if (first === undefined) return "no shard results to merge";
  const count = first.random.shard?.count ?? 1;
  const indices = new Set(results.map((r) => r.random.shard?.index ?? 0));
  if (results.some((r) => (r.random.shard?.count ?? 1) !== count) || indices.size !== results.length || results.length !== count) {
    return `expected the results of shards 0..${count - 1} of one search, each once`;
  }
  if (results.some((r) => r.random.seed !== first.random.seed || r.random.walkDepth !== first.random.walkDepth)) {
    return "the shard results come from searches with different seeds or walk depths";
  }
  const failing = results
    .filter((r) => r.random.failingWalk !== undefined)
    .sort((a, b) => a.random.failingWalk! - b.random.failingWalk!)[0];
  const sum = (f: (r: RandomResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  const max = (f: (r: RandomResult) => number): number => Math.max(...results.map(f));
  const seconds = max((r) => r.stats.seconds);
  const distinct = max((r) => r.stats.distinctStates);
  const steps = sum((r) => r.random.steps);
  const coverage: ActionCoverage[] = first.coverage.map((c, i) => ({ ...c, count: sum((r) => r.coverage[i]?.count ?? 0) }));
  const unreached = (first.unreached ?? []).filter((p) => results.every((r) => r.unreached?.includes(p) === true));
  const base = failing ?? first;
  const { shard: _shard, ...random } = base.random;
  const merged: RandomResult = {
    ...base,
    stats: {
      distinctStates: distinct,
      generatedStates: sum((r) => r.stats.generatedStates),
      depth: max((r) => r.stats.depth),
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      peakMemoryBytes: max((r) => r.stats.peakMemoryBytes),
    },
    coverage,
    random: {
      ...random,
      walks: sum((r) => r.random.walks),
      steps,
      stepsPerSecond: seconds > 0 ? steps / seconds : 0,
      distinctStates: distinct,
      distinctStatesAtMost: sum((r) => r.random.distinctStates),
      distinctCapped: results.some((r) => r.random.distinctCapped),
      deepestWalk: max((r) => r.random.deepestWalk),
      mergedShards: count,
    },
  };
  if (failing !== undefined) return merged;
  const { unreached: _unreached, ...rest } = merged;
  return { ...rest, outcome: "limit", limit: mergedLimit(results), ...(unreached.length > 0 ? { unreached } : {}) };
}

/** `walks` when every shard ran all its walks; else `interrupted` if one was, else `time`. */
function mergedLimit(results: readonly RandomResult[]): LimitKind {
  if (results.every((r) => r.limit === "walks")) return "walks";
  return results.some((r) => r.limit === "interrupted") ? "interrupted" : "time";
}
