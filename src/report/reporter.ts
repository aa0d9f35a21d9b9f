// The Reporter boundary (after Stateright's report.rs): the CLI feeds events, a reporter turns
// them into text, JSON or a terminal UI. Reporters never decide exit codes.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLookup } from "../diagnostics/render.js";
import type { CheckResult } from "../explore/result.js";
import type { Trace } from "../explore/trace.js";

/** Everything known about one spec file once its run is over. */
export interface FileReport {
  /** The path as the user gave it (relative where possible). */
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when the spec did not compile. */
  readonly result: CheckResult | undefined;
  /** The counterexample (violation, deadlock or evaluation error), rebuilt by replay. */
  readonly trace: Trace | undefined;
  /** The command that reproduces the counterexample exactly. */
  readonly replayCommand: string | undefined;
  readonly exitCode: number;
}

export interface Reporter {
  /** Called once per file before its search starts. */
  onStart(file: string): void;
  /** Live progress during a search (at most a few times per second). */
  onProgress(file: string, progress: { distinctStates: number; depth: number; seconds: number; queue: number }): void;
  /** Called once per file with its full outcome. */
  onFile(report: FileReport, lookup: SourceLookup): void;
  /** Called once at the end with every file's report; returns nothing, writes what it must. */
  onFinish(reports: readonly FileReport[]): void;
}
