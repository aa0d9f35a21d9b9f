// Shrinking a failing random walk with fast-check: a walk is a list of choice indices, replayed
// modulo the number of successors at each step so that any list of naturals is a walk; fast-check's
// array shrinker removes and lowers choices while the same property still fails.

import fc from "fast-check";
import type { Model } from "../compile/model.js";
import { isSameFailure, replayChoices } from "./replay-choices.js";
import { createWalkArbitrary } from "./walk-arbitrary.js";
import { createWalkRunner, type FoundWalk, type WalkFailure } from "./walk-runner.js";

export interface ShrunkWalk {
  /** The ReplayPath of the shrunk failure: it replays (and replayResult judges it) to the same failure. */
  readonly path: number[];
  readonly failure: WalkFailure;
  /** Candidate walks replayed while shrinking. */
  readonly runs: number;
}

/** Rounds of fast-check shrinking, each from the canonical form of the last round's result. */
const MAX_ROUNDS = 4;
/** Steps of shorter walks to try after shrinking, by default (see ShrinkOptions.shortenSteps). */
export const DEFAULT_SHORTEN_STEPS = 50_000;
/** Steps replayed at most, by default, over a whole shrinkWalk (see ShrinkOptions.maxReplaySteps). */
export const DEFAULT_MAX_REPLAY_STEPS = 500_000;
/** Walk numbers from here on are reserved for shortening: searches never reach them. */
export const SHORTEN_FIRST_WALK = 2 ** 52;

export interface ShrinkOptions {
  /** The search's seed: shorter walks are drawn from its reserved walk numbers (SHORTEN_FIRST_WALK on). */
  readonly seed: number | bigint;
  /**
   * After shrinking, run fresh walks bounded to fewer steps than the shrunk trace, for up to this
   * many steps in all; each one that fails the same way is shrunk too, and kept when shorter.
   * 0 turns this off.
   */
  readonly shortenSteps?: number;
  /**
   * Steps replayed at most while shrinking (each candidate costs its length plus one); fast-check
   * then rejects the remaining candidates unseen. Bounds the time spent on long walks.
   */
  readonly maxReplaySteps?: number;
}

/** What is left of a shrink's budget of replayed steps, and how many candidates were replayed. */
export interface RunBudget {
  left: number;
  runs: number;
}

/**
 * Shrinks a failing walk to a short path that fails the same way (the same property; or a
 * deadlock; or an evaluation error with the same code and action). First fast-check's shrinker
 * (shrinkChoices); then, with `options`, a bounded search for shorter failing walks, each shrunk
 * in turn. The result is never longer than `found.path`, replays to the same failure, and depends
 * only on the model, the walk and the options: never on timing.
 */
export function shrinkWalk(model: Model, found: FoundWalk, options?: ShrinkOptions): ShrunkWalk {
  // A walk that does not replay to its failure (a model that is not deterministic) is kept as found.
  if (!isSameFailure(replayChoices(model, found.path).failure, found.failure)) {
    return { path: found.path, failure: found.failure, runs: 0 };
  }
  const runBudget: RunBudget = { left: options?.maxReplaySteps ?? DEFAULT_MAX_REPLAY_STEPS, runs: 0 };
  let best = shrinkChoices(model, found.path, found.failure, runBudget);
  let shortenLeft = options?.shortenSteps ?? DEFAULT_SHORTEN_STEPS;
  let next = SHORTEN_FIRST_WALK;
  while (options !== undefined && shortenLeft > 0 && best.length > 2) {
    const runner = createWalkRunner(model, { seed: options.seed, walkDepth: best.length - 2, maxSeenBytes: 1 << 16 });
    const range = runner.run(next, Number.MAX_SAFE_INTEGER, shortenLeft);
    shortenLeft -= range.steps;
    next += range.completed;
    if (range.found === undefined) break;
    if (!isSameFailure(range.found.failure, found.failure)) continue;
    const shorter = shrinkChoices(model, range.found.path, found.failure, runBudget);
    if (shorter.length < best.length) best = shorter;
  }
  const final = replayChoices(model, best);
  if (final.failure === undefined || !isSameFailure(final.failure, found.failure)) {
    throw new Error("internal: a shrunk walk does not fail the same way on replay");
  }
  return { path: final.path, failure: final.failure, runs: runBudget.runs };
}

/**
 * Shrinks the walk `path`, which fails with `failure`, with fast-check: the property "replaying
 * these choices (replayChoices) does not meet `failure` first" is checked on `path` alone (seed
 * fixed, no generated values) over createWalkArbitrary, whose shrinks remove steps (re-matching
 * later ones) and then remove and lower choices as `fc.array(fc.nat())` does. The counterexample
 * is cut at its failure and reduced to canonical ordinals, and shrunk again while that shortens it.
 * Each candidate replayed spends its length plus one from `budget`; once it is spent, candidates are
 * rejected unseen.
 */
export function shrinkChoices(model: Model, path: readonly number[], failure: WalkFailure, budget: RunBudget = { left: DEFAULT_MAX_REPLAY_STEPS, runs: 0 }): number[] {
  const failsTheSame = (choices: readonly number[]): boolean => {
    if (budget.left <= 0) return false;
    budget.left -= choices.length + 1;
    budget.runs++;
    return isSameFailure(replayChoices(model, choices).failure, failure);
  };
  if (!isSameFailure(replayChoices(model, path).failure, failure)) {
    throw new Error("internal: a failing walk does not fail the same way on replay");
  }
  const arbitrary = createWalkArbitrary(model, () => budget.left <= 0);
  let best = replayChoices(model, path).path;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const details = fc.check(
      fc.property(arbitrary, (choices) => !failsTheSame(choices)),
      { examples: [[best]], numRuns: 1, seed: 0, endOnFailure: false },
    );
    // The counterexample failed the same way, so its canonical form does too, and is no longer.
    const canonical = replayChoices(model, details.counterexample?.[0] ?? best).path;
    const shorter = canonical.length < best.length;
    best = canonical;
    if (!shorter) break;
  }
  return best;
}
