// Picks the reporter for a run: the ink UI on a terminal, plain text when piped (or NO_COLOR'd
// text), or a machine format. The only place that decides between them. ink and react are loaded
// only for the live view: they take ~370 ms to load, most of a piped `faultline check`'s start.

import { createJsonReporter } from "../report/json.js";
import { createJunitReporter } from "../report/junit.js";
import { createSarifReporter } from "../report/sarif.js";
import { createItfReporter } from "../report/itf.js";
import { ANSI_STYLE, PLAIN_STYLE, createTextReporter } from "../report/text.js";
import type { Reporter } from "../report/reporter.js";
import type { OutputOptions } from "./options.js";
import { writeFileAtomically } from "../util/atomic-write.js";
import { withGithubAnnotations } from "../report/github.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { describeFsError } from "../util/fs-error.js";

/** The report could not be written where `--output` asked. */
export class OutputError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export interface ChosenReporter {
  readonly reporter: Reporter;
  /** Resolves when the reporter is done with the terminal (the trace viewer was closed). */
  readonly done: () => Promise<void>;
  /** Shows that a first Ctrl-C was taken and the search is stopping (the live view only). */
  readonly stopping: () => void;
  /**
   * Restores the terminal at once (a second Ctrl-C, errors; `why` says which, for a search still
   * on screen). Safe to call more than once.
   */
  readonly close: (why?: string) => void;
}

/**
 * The reporter for `options.format`, writing to this process's stdout and stderr. `onInterrupt`
 * is called for Ctrl-C when the reporter reads keys itself (the live view, in raw mode).
 */
export async function chooseReporter(options: OutputOptions, version: string, onInterrupt: () => void): Promise<ChosenReporter> {
  const chosen = await chooseBase(options, version, onInterrupt);
  if (process.env["GITHUB_ACTIONS"] !== "true") return chosen;
  const annotate = (text: string): void => void process.stderr.write(text);
  return { ...chosen, reporter: withGithubAnnotations(chosen.reporter, annotate) };
}

async function chooseBase(options: OutputOptions, version: string, onInterrupt: () => void): Promise<ChosenReporter> {
  const err = (text: string): void => void process.stderr.write(text);
  // `--output FILE`: the report is collected and written at the end, atomically (write, rename),
  // so a reader never sees half a report and an interrupted run leaves the old file intact.
  const collected: string[] = [];
  const out = options.output === undefined
    ? (text: string): void => void process.stdout.write(text)
    : (text: string): void => void collected.push(text);
  const finish = async (): Promise<void> => {
    if (options.output === undefined) return;
    try {
      writeFileAtomically(options.output, collected.join(""));
    } catch (error) {
      throw new OutputError(makeDiagnostic("FL0015", undefined, { path: options.output, reason: describeFsError(error) }));
    }
  };
  const plain = (reporter: Reporter): ChosenReporter => ({ reporter, done: finish, stopping: () => {}, close: () => {} });
  switch (options.format) {
    case "json":
      return plain(createJsonReporter(out));
    case "junit":
      return plain(createJunitReporter(out));
    case "sarif":
      return plain(createSarifReporter(out, { version }));
    case "itf":
      return plain(createItfReporter(out, err));
    case "text":
      break;
  }
  const noColor = Boolean(process.env["NO_COLOR"]);
  const isTerminal = process.stdout.isTTY === true && process.env["CI"] !== "true";
  const useColor = options.color ?? (isTerminal && !noColor);
  if (!isTerminal || options.plain || options.output !== undefined) return plain(createTextReporter(out, err, useColor ? ANSI_STYLE : PLAIN_STYLE));
  const { createTuiReporter } = await import("../report/tui/tui-reporter.js");
  const tui = createTuiReporter({ color: useColor, onInterrupt });
  return {
    reporter: tui,
    done: async () => {
      await tui.waitUntilDone();
    },
    stopping: () => tui.stopping(),
    close: (why) => tui.close(why),
  };
}
