// `faultline check`: for each spec file, load it, then either search it (BFS) or replay a token;
// build the counterexample trace and the replay line; hand a FileReport to the reporter.

import { SourceFile } from "../diagnostics/source-file.js";
import { hasErrors, makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { exploreAsync } from "../explore/bfs.js";
import { exploreParallel } from "../explore/parallel.js";
import { decodeReplay, replay, traceOf, type Replayed } from "../explore/trace.js";
import type { CheckResult, Progress } from "../explore/result.js";
import { freshSeed, rerunCommand, runRandom } from "./run-random.js";
import type { Model } from "../compile/model.js";
import { loadModel } from "../index.js";
import type { FileReport, Reporter } from "../report/reporter.js";
import { ExitCode } from "./exit-codes.js";
import { displayPath, findSpecFiles, readSpecFile } from "./load-files.js";
import type { CheckOptions } from "./options.js";
import { replayResult } from "./replay.js";
import { coverageWarnings, failureSpan } from "./spec-sites.js";

/**
 * Runs `check` over every file; returns one report per file (or one for bad paths).
 * `shouldStop` (Ctrl-C) ends the current search with the "interrupted" outcome and skips the rest.
 */
export async function runCheck(
  options: CheckOptions,
  reporter: Reporter,
  shouldStop: () => boolean = () => false,
): Promise<FileReport[]> {
  const sources = new Map<string, SourceFile>();
  const lookup = (name: string) => sources.get(name);
  const found = findSpecFiles(options.paths);
  if (found.diagnostics.length > 0) {
    const report = emptyReport("", found.diagnostics, ExitCode.UsageError);
    reporter.onFile(report, lookup);
    reporter.onFinish([report]);
    return [report];
  }
  const reports: FileReport[] = [];
  for (const path of found.files) {
    if (shouldStop()) break;
    const file = displayPath(path);
    reporter.onStart(file);
    const read = readSpecFile(path);
    let report: FileReport;
    if (!read.ok) {
      report = emptyReport(file, [read.diagnostic], ExitCode.SpecError);
    } else {
      sources.set(file, new SourceFile(file, read.text));
      report = await checkOne(file, read.text, options, reporter, shouldStop);
    }
    reporter.onFile(report, lookup);
    reports.push(report);
  }
  reporter.onFinish(reports);
  return reports;
}

async function checkOne(
  file: string,
  text: string,
  options: CheckOptions,
  reporter: Reporter,
  shouldStop: () => boolean,
): Promise<FileReport> {
  const loaded = loadModel(text, file, { constants: options.constants });
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.model || hasErrors(diagnostics)) {
    const usage = diagnostics.some((d) => d.code.startsWith("FL0"));
    const internal = diagnostics.some((d) => d.code.startsWith("FL9"));
    const exitCode = internal ? ExitCode.InternalError : usage ? ExitCode.UsageError : ExitCode.SpecError;
    return emptyReport(file, diagnostics, exitCode);
  }
  const model = loaded.model;
  let result: CheckResult;
  let rerun: string | undefined;
  if (options.random) {
    const seed = options.seed ?? freshSeed();
    const input = { source: text, fileName: file, constants: options.constants };
    result = await runRandom(model, input, options, seed, { shouldStop, onProgress: (p) => reporter.onProgress(file, p) });
    rerun = rerunCommand(file, options, seed);
  } else if (options.replay !== undefined) {
    const path = decodeReplay(options.replay);
    if (!Array.isArray(path)) {
      const problem = typeof path === "string" ? path : "is not a replay token";
      diagnostics.push(makeDiagnostic("FL0012", undefined, { token: options.replay, problem }));
      return emptyReport(file, diagnostics, ExitCode.UsageError);
    }
    const replayed = replayResult(model, path, options.replay);
    if (typeof replayed === "string") {
      diagnostics.push(makeDiagnostic("FL0012", undefined, { token: options.replay, problem: replayed }));
      return emptyReport(file, diagnostics, ExitCode.UsageError);
    }
    result = replayed;
  } else {
    const exploreOptions = {
      shouldStop,
      maxStates: options.maxStates,
      maxDepth: options.maxDepth,
      timeLimitMs: options.timeSeconds === undefined ? undefined : options.timeSeconds * 1000,
      memoryBytes: options.memoryMegabytes === undefined ? undefined : options.memoryMegabytes * 1024 * 1024,
      onProgress: (p: Progress) =>
        reporter.onProgress(file, {
          distinctStates: p.distinctStates,
          depth: p.level,
          seconds: p.seconds,
          queue: p.queuedStates,
          statesPerSecond: p.statesPerSecond,
          generatedStates: p.generatedStates,
          memoryBytes: p.memoryBytes,
          ...(p.workers ? { workers: p.workers } : {}),
        }),
    };
    const input = { source: text, fileName: file, constants: options.constants };
    result =
      options.workers > 1
        ? await exploreParallel(input, { ...exploreOptions, workers: options.workers }, model)
        : await exploreAsync(model, exploreOptions); // in slices, so Ctrl-C and the live view get a turn
    diagnostics.push(...coverageWarnings(model, result));
  }
  const failingPath = result.violation?.path ?? result.error?.path;
  const token = result.violation?.token ?? result.error?.token;
  const run = failingPath ? replay(model, failingPath) : undefined;
  const replayed = typeof run === "string" ? undefined : run;
  const explanation = replayed && explainLast(model, result, replayed);
  const failedAt = failureSpan(model, result, replayed);
  return {
    file,
    diagnostics,
    result,
    properties: model.properties.map((p) => ({ name: p.name, kind: p.kind })),
    trace: replayed && traceOf(model, replayed),
    ...(rerun !== undefined ? { rerunCommand: rerun } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    ...(failedAt !== undefined ? { failureSpan: failedAt } : {}),
    replayCommand: token === undefined ? undefined : replayCommand(file, options, token),
    exitCode: exitCodeOf(result),
  };
}

/** The model's words for why the last state of `run` violates the property `result` names. */
function explainLast(model: Model, result: CheckResult, run: Replayed): string | undefined {
  const v = result.outcome === "violation" ? result.violation : undefined;
  const index = v ? model.properties.findIndex((p) => p.name === v.property && p.kind === v.kind) : -1;
  if (index < 0 || !model.explainViolation) return undefined;
  const states = run.states;
  return model.explainViolation(states[states.length - 1]!, index, states[states.length - 2]);
}

export function exitCodeOf(result: CheckResult): number {
  switch (result.outcome) {
    case "ok":
      return ExitCode.Ok;
    case "violation":
      return ExitCode.Violation;
    case "deadlock":
      return ExitCode.Deadlock;
    case "unreached":
      return ExitCode.Unreached;
    case "error":
      return ExitCode.EvaluationError;
    case "limit":
      return result.limit === "interrupted" ? ExitCode.Interrupted : ExitCode.LimitHit;
  }
}

function replayCommand(file: string, options: CheckOptions, token: string): string {
  const consts = Object.entries(options.constants).map(([k, v]) => ` --const ${k}=${v}`).join("");
  return `faultline check ${file}${consts} --replay ${token}`;
}

function emptyReport(file: string, diagnostics: readonly Diagnostic[], exitCode: number): FileReport {
  return { file, diagnostics, result: undefined, trace: undefined, replayCommand: undefined, exitCode };
}

export type { Model };
