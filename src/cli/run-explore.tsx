// `faultline explore <file>`: loads one spec and opens the interactive <Explorer> on it. Needs a
// terminal on both stdin and stdout; otherwise says so (FL0013) instead of waiting for keys.

import { render } from "ink";
import { SourceFile } from "../diagnostics/source-file.js";
import { hasErrors, makeDiagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { loadModel } from "../index.js";
import { Explorer } from "../report/tui/explorer.js";
import { ExitCode } from "./exit-codes.js";
import { displayPath, readSpecFile } from "./load-files.js";
import type { ExploreOptions } from "./options.js";

export interface ExploreIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WritableStream;
  /** Colour on (default: on unless NO_COLOR is set). */
  readonly color?: boolean;
}

/** Runs `faultline explore`; resolves to the exit code once the user quits. */
export async function runExplore(options: ExploreOptions, io: ExploreIo): Promise<number> {
  const file = displayPath(options.path);
  const read = readSpecFile(options.path);
  const source = read.ok ? new SourceFile(file, read.text) : undefined;
  const lookup = (name: string): SourceFile | undefined => (name === file ? source : undefined);
  if (!read.ok) {
    io.stderr.write(renderDiagnostics([read.diagnostic], lookup) + "\n");
    return read.diagnostic.code === "FL0003" ? ExitCode.UsageError : ExitCode.SpecError;
  }
  const loaded = loadModel(read.text, file, { constants: options.constants });
  if (loaded.diagnostics.length > 0) io.stderr.write(renderDiagnostics(loaded.diagnostics, lookup) + "\n");
  if (!loaded.model || hasErrors(loaded.diagnostics)) {
    if (loaded.diagnostics.some((d) => d.code.startsWith("FL9"))) return ExitCode.InternalError;
    return loaded.diagnostics.some((d) => d.code.startsWith("FL0")) ? ExitCode.UsageError : ExitCode.SpecError;
  }
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    io.stderr.write(renderDiagnostics([makeDiagnostic("FL0013", undefined)], lookup) + "\n");
    return ExitCode.UsageError;
  }
  let interrupted = false;
  const app = render(
    <Explorer
      model={loaded.model}
      file={file}
      constants={options.constants}
      width={io.stdout.columns ?? 100}
      height={io.stdout.rows ?? 40}
      color={io.color ?? !process.env["NO_COLOR"]}
      onExit={(wasInterrupted) => (interrupted = wasInterrupted)}
    />,
    { stdout: io.stdout, stdin: io.stdin, exitOnCtrlC: false, patchConsole: false, interactive: true },
  );
  try {
    await app.waitUntilExit();
  } finally {
    app.unmount();
  }
  return interrupted ? ExitCode.Interrupted : ExitCode.Ok;
}
