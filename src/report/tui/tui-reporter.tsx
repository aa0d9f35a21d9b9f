// The terminal UI reporter (only when stdout is a TTY): finished files scroll up as <Static> text,
// the running search shows <Progress> below them; at the end each counterexample opens in the
// interactive <TraceViewer> (or prints as a static diagram when stdin is not a TTY). While the
// live view shows, keys are read in raw mode (so typing does not echo into the view) and Ctrl-C
// is passed on as `onInterrupt`.

import { Box, Static, Text, render, useInput, type Instance } from "ink";
import { renderDiagnostics, type SourceLookup } from "../../diagnostics/render.js";
import type { FileReport, ProgressSnapshot, Reporter } from "../reporter.js";
import { ANSI_STYLE, PLAIN_STYLE, closingLine, renderResult } from "../text.js";
import { formatCount, formatSeconds } from "../format.js";
import { Progress } from "./progress.js";
import { renderTraceDiagram } from "./trace-diagram.js";
import { TraceViewer } from "./trace-viewer.js";

export interface TuiReporterOptions {
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Colour on (default: on unless NO_COLOR is set). */
  readonly color?: boolean;
  /** Open the interactive viewer for counterexamples (default: when stdin is a TTY). */
  readonly interactive?: boolean;
  /** Ctrl-C pressed while the live view reads keys (interactive only). */
  readonly onInterrupt?: () => void;
}

export interface TuiReporter extends Reporter {
  /**
   * Resolves once the last viewer is closed (at once when none opened). Await it after runCheck
   * and before exiting. Resolves to true when the user pressed Ctrl-C in a viewer.
   */
  waitUntilDone(): Promise<boolean>;
  /** Says under the live view that the search is stopping (after a first Ctrl-C). */
  stopping(): void;
  /**
   * Unmounts whatever is on screen and restores the terminal (cursor, raw mode). Idempotent. A
   * search still running is replaced by one line saying how far it got and `why` it ended
   * (default `stopped`).
   */
  close(why?: string): void;
}

interface LiveState {
  readonly blocks: readonly { readonly id: number; readonly text: string }[];
  readonly running?: { readonly file: string; readonly progress?: ProgressSnapshot };
  /** A first Ctrl-C arrived: the search stops at its next poll. */
  readonly isStopping?: boolean;
}

/** Creates the ink reporter; nothing is drawn until the first onStart or onFile. */
export function createTuiReporter(options: TuiReporterOptions = {}): TuiReporter {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const color = options.color ?? !process.env["NO_COLOR"];
  const interactive = options.interactive ?? stdin.isTTY === true;
  const columns = (): number => stdout.columns ?? 80;
  let state: LiveState = { blocks: [] };
  let live: Instance | undefined;
  let viewer: Instance | undefined;
  let finished: Promise<boolean> = Promise.resolve(false);
  let isClosed = false;

  const tree = () => <LiveView state={state} color={color} interactive={interactive} onInterrupt={options.onInterrupt} />;
  const update = (next: LiveState): void => {
    state = next;
    if (isClosed) return;
    if (live) live.rerender(tree());
    else live = render(tree(), { stdout, stdin, exitOnCtrlC: false, patchConsole: false, interactive: true });
  };

  const addBlock = (text: string): void => update({ ...state, blocks: [...state.blocks, { id: state.blocks.length, text }] });

  return {
    onStart(file) {
      update({ ...state, running: { file } });
    },
    onProgress(file, progress) {
      update({ ...state, running: { file, progress } });
    },
    stopping() {
      if (state.running) update({ ...state, isStopping: true });
    },
    onFile(report, lookup) {
      const text = fileBlock(report, lookup, color, interactive ? undefined : columns());
      update({ blocks: [...state.blocks, { id: state.blocks.length, text }] });
    },
    onFinish(reports) {
      const failed = reports.filter((r) => r.exitCode !== 0).length;
      if (reports.length > 1) addBlock(`${reports.length} specs checked: ${reports.length - failed} passed, ${failed} failed`);
      live?.unmount();
      live = undefined;
      if (!interactive || isClosed) return;
      const withTraces = reports.filter((r) => r.trace !== undefined);
      finished = showViewers(withTraces);
    },
    waitUntilDone() {
      return finished;
    },
    close(why = "stopped") {
      if (isClosed) return;
      const { running, blocks } = state;
      if (running) update({ blocks: [...blocks, { id: blocks.length, text: cutShort(running.file, running.progress, why) }] });
      isClosed = true;
      live?.unmount();
      viewer?.unmount();
      live = viewer = undefined;
    },
  };

  async function showViewers(reports: readonly FileReport[]): Promise<boolean> {
    for (const [i, report] of reports.entries()) {
      if (isClosed) return false;
      let interrupted = false;
      viewer = render(
        <TraceViewer
          trace={report.trace!}
          title={report.result ? headline(report) : report.file}
          note={report.result && closingLine(report.result, report.explanation)}
          footer={report.replayCommand ? `replay: ${report.replayCommand}` : undefined}
          width={columns()}
          height={stdout.rows ?? 40}
          color={color}
          position={[i + 1, reports.length]}
          onExit={(wasInterrupted) => (interrupted = wasInterrupted)}
        />,
        { stdout, stdin, exitOnCtrlC: false, patchConsole: false, interactive: true },
      );
      await viewer.waitUntilExit();
      viewer = undefined;
      if (interrupted) return true;
    }
    return false;
  }
}

interface LiveViewProps {
  readonly state: LiveState;
  readonly color: boolean;
  /** Read keys (raw mode): Ctrl-C calls onInterrupt, other keys are ignored rather than echoed. */
  readonly interactive: boolean;
  readonly onInterrupt?: () => void;
}

function LiveView({ state, color, interactive, onInterrupt }: LiveViewProps) {
  useInput(
    (input, key) => {
      if (key.ctrl && input === "c") onInterrupt?.();
    },
    { isActive: interactive && state.running !== undefined },
  );
  return (
    <Box flexDirection="column">
      <Static items={[...state.blocks]}>{(block) => <Text key={block.id}>{block.text}</Text>}</Static>
      {state.running && <Progress file={state.running.file} progress={state.running.progress} color={color} />}
      {state.running && state.isStopping && (
        <Text color={color ? "yellow" : undefined}>  stopping at the next poll… (Ctrl-C again quits at once)</Text>
      )}
    </Box>
  );
}

/** The line left for a search cut short: `specs/x.fl: interrupted after 1,234 distinct states, depth 9, 2.1 s (NOT exhaustive)`. */
export function cutShort(file: string, progress: ProgressSnapshot | undefined, why: string): string {
  if (progress === undefined) return `${file}: ${why} before the search started`;
  const { distinctStates, depth, seconds } = progress;
  return `${file}: ${why} after ${formatCount(distinctStates)} distinct states, depth ${depth}, ${formatSeconds(seconds)} (NOT exhaustive)`;
}

/**
 * What stays on screen for one finished file: its diagnostics, the verdict, replay line and
 * statistics; the trace as a static diagram when `diagramWidth` is given (no interactive viewer).
 */
export function fileBlock(report: FileReport, lookup: SourceLookup, color: boolean, diagramWidth?: number): string {
  const parts: string[] = [];
  if (report.diagnostics.length > 0) parts.push(renderDiagnostics(report.diagnostics, lookup));
  if (report.result) {
    const style = color ? ANSI_STYLE : PLAIN_STYLE;
    parts.push(renderResult({ ...report, trace: undefined }, report.result, style));
  }
  if (report.trace && diagramWidth !== undefined) {
    const end = report.result && closingLine(report.result, report.explanation);
    parts.push([...renderTraceDiagram(report.trace, diagramWidth), ...(end ? ["", end] : [])].join("\n"));
  }
  return parts.join("\n\n");
}

/** The first line of the text verdict, without colour: `specs/x.fl: invariant Safe violated after 6 steps (shortest trace)`. */
function headline(report: FileReport): string {
  return renderResult({ ...report, trace: undefined }, report.result!, PLAIN_STYLE).split("\n")[0]!;
}
