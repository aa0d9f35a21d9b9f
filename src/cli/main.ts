// The faultline CLI: the only module that touches process.argv, stdout/stderr and process.exit.
// Wires the phases (load files -> parse/check/compile -> explore or replay) to a reporter.

import { readFileSync } from "node:fs";
import { SourceFile } from "../diagnostics/source-file.js";
import { renderDiagnostic } from "../diagnostics/render.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseArgs, type CheckOptions, type MergeOptions } from "./options.js";
import { ExitCode, worstExitCode } from "./exit-codes.js";
import { HELP_CHECK, HELP_EXPLORE, HELP_MAIN, HELP_MERGE } from "./help.js";
import { mergeReports, specLookup } from "./merge.js";
import { runCheck } from "./run-check.js";
import { OutputError, chooseReporter, type ChosenReporter } from "./reporters.js";
import { internalError } from "../index.js";

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    printDiagnostics(parsed.diagnostics);
    return ExitCode.UsageError;
  }
  const command = parsed.command;
  switch (command.kind) {
    case "help":
      process.stdout.write({ check: HELP_CHECK, explore: HELP_EXPLORE, merge: HELP_MERGE, main: HELP_MAIN }[command.topic]);
      return ExitCode.Ok;
    case "version":
      process.stdout.write(`faultline ${readVersion()}\n`);
      return ExitCode.Ok;
    case "check":
      return check(command.options);
    case "explore": {
      // The explorer is all ink: loaded only for this command (see reporters.ts).
      const { runExplore } = await import("./run-explore.js");
      return runExplore(command.options, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
    case "merge":
      return merge(command.options);
  }
}

/** `faultline merge`: the shards' JSON reports merged, then reported as a check's would be. */
async function merge(options: MergeOptions): Promise<number> {
  const lookup = specLookup();
  const { reports, diagnostics } = mergeReports(options.paths, lookup);
  if (diagnostics.length > 0) {
    printDiagnostics(diagnostics);
    return ExitCode.UsageError;
  }
  const chosen = await chooseReporter(options, readVersion(), () => process.exit(ExitCode.Interrupted));
  for (const report of reports) {
    chosen.reporter.onStart(report.file);
    chosen.reporter.onFile(report, lookup);
  }
  chosen.reporter.onFinish(reports);
  return (await finished(chosen)) ?? worstExitCode(reports.map((r) => r.exitCode as ExitCode));
}

/** Waits until the reporter is done; UsageError (after saying why) when `--output` could not be written. */
async function finished(chosen: ChosenReporter): Promise<number | undefined> {
  try {
    await chosen.done();
    return undefined;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    printDiagnostics([error.diagnostic]);
    return ExitCode.UsageError;
  }
}

async function check(options: CheckOptions): Promise<number> {
  // Ctrl-C (SIGINT, or the key itself while the live view reads keys): the first stops the search
  // at its next poll, and what was explored is reported (exit 130); a second one quits at once.
  let interrupted = false;
  const onInterrupt = (): void => {
    if (interrupted) {
      chosen.close("interrupted");
      process.exit(ExitCode.Interrupted);
    }
    interrupted = true;
    chosen.stopping();
  };
  const chosen = await chooseReporter(options, readVersion(), onInterrupt);
  const restore = (): void => chosen.close();
  process.once("exit", restore);
  process.on("SIGINT", onInterrupt);
  try {
    const reports = await runCheck(options, chosen.reporter, () => interrupted);
    const failed = await finished(chosen);
    if (failed !== undefined) return failed;
    const code = worstExitCode(reports.map((r) => r.exitCode as ExitCode));
    return interrupted && code === ExitCode.Ok ? ExitCode.Interrupted : code;
  } finally {
    chosen.close();
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("exit", restore);
  }
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const lookup = (): SourceFile | undefined => undefined;
  process.stderr.write(diagnostics.map((d) => renderDiagnostic(d, lookup)).join("\n\n") + "\n");
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  printDiagnostics([internalError(error)]);
  if (process.env["FAULTLINE_DEBUG"]) console.error(error);
  code = ExitCode.InternalError;
}
process.exitCode = code;
