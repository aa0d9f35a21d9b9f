// The Reporter boundary (after Stateright's report.rs): the CLI feeds events, a reporter turns
// them into text, JSON or a terminal UI. Reporters never decide exit codes.

import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { SourceLookup } from "../diagnostics/render.js";
import type { CheckResult } from "../explore/result.js";
import type { Trace } from "../explore/trace.js";
import type { WorkerActivity } from "../explore/activity.js";

/** Everything known about one spec file once its run is over. */
export interface FileReport {
  /** The path as the user gave it (relative where possible). */
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when the spec did not compile. */
  readonly result: CheckResult | undefined;
  /** The counterexample (violation, deadlock or evaluation error), rebuilt by replay. */
  readonly trace: Trace | undefined;
  /**
   * Why the last state of the trace violates the property, in words (`charge(order: 0) happened
   * twice`), when the model can say more than "P is false in the last state".
   */
  readonly explanation?: string;
  /**
   * For an evaluation error: where in the spec it happened (the failing expression when the
   * check knows it, else the handler or action that failed).
   */
  readonly failureSpan?: Span;
  /** For random searches: the command that reruns the same search (`--random --seed S`). */
  readonly rerunCommand?: string;
  /** The command that reproduces the counterexample exactly. */
  readonly replayCommand: string | undefined;
  readonly exitCode: number;
  /**
   * The spec's properties in declaration order (the model's `properties`, `deadlock` last when
   * checked), for reporters that list every property (JUnit: one testcase each). `span` is the
   * declaration, when known (SARIF locations); without it SARIF looks the declaration up in the
   * source text. Undefined when the spec did not compile.
   */
  readonly properties?: readonly PropertyEntry[];
}

/** One property of a spec as the reporters see it. */
export interface PropertyEntry {
  readonly name: string;
  /** A PropertyKind: `invariant`, `reachable`, `transition`, `atmostonce`, `nolostwrites`, `deadlock`. */
  readonly kind: string;
  readonly span?: Span;
}

/** What one worker thread is doing, for the live view (the pool's activity board). */
export type { WorkerActivity } from "../explore/activity.js";

/** What a random search (`--random`) has covered so far, for the live view. */
export interface RandomActivity {
  /** Walks completed. */
  readonly walks: number;
  /** The walks the search runs at most, when bounded by `--walks`. */
  readonly walksPlanned?: number;
  /** Steps taken over those walks, and per second since the search started. */
  readonly steps: number;
  readonly stepsPerSecond: number;
  /** The most steps one walk took. */
  readonly deepestWalk: number;
}

/**
 * A progress snapshot for the live view. The first four fields are always set; the others when
 * the explorer knows them (Progress from explore/result.ts carries all but `workers`). A random
 * search sets `random`; its `distinctStates` are the distinct states its walks have seen.
 */
export interface ProgressSnapshot {
  readonly distinctStates: number;
  readonly depth: number;
  readonly seconds: number;
  readonly queue: number;
  readonly statesPerSecond?: number;
  readonly generatedStates?: number;
  readonly memoryBytes?: number;
  readonly workers?: readonly WorkerActivity[];
  readonly random?: RandomActivity;
}

export interface Reporter {
  /** Called once per file before its search starts. */
  onStart(file: string): void;
  /** Live progress during a search (at most a few times per second). */
  onProgress(file: string, progress: ProgressSnapshot): void;
  /** Called once per file with its full outcome. */
  onFile(report: FileReport, lookup: SourceLookup): void;
  /** Called once at the end with every file's report; returns nothing, writes what it must. */
  onFinish(reports: readonly FileReport[]): void;
}
