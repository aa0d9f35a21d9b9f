// <Progress>: the live view of a running search (distinct states, states/s, queue, depth,
// memory, elapsed time, what each worker does; for a random search: walks, steps, steps/s,
// distinct states seen, deepest walk). Stateless: it shows the snapshot it is given, so the
// reporter re-renders it on each onProgress and tests render it with renderToString.

import { Box, Text } from "ink";
import type { ProgressSnapshot, RandomActivity, WorkerActivity } from "../reporter.js";
import { formatBytes, formatCount, formatSeconds } from "../format.js";

export interface ProgressProps {
  readonly file: string;
  /** Undefined before the first snapshot (the search is starting). */
  readonly progress?: ProgressSnapshot;
  /** False under NO_COLOR or `--no-color`: no colour attributes at all. */
  readonly color?: boolean;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** One live block: a title line, two lines of figures (a random search's own), then the workers (when known). */
export function Progress({ file, progress, color = true }: ProgressProps) {
  const p = progress;
  const frame = SPINNER[Math.floor((p?.seconds ?? 0) * 8) % SPINNER.length]!;
  const rate = p ? (p.statesPerSecond ?? (p.seconds > 0 ? p.distinctStates / p.seconds : 0)) : 0;
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={color ? "cyan" : undefined}>{frame}</Text> checking <Text bold>{file}</Text>
        {p?.random ? " · random walks" : ""}
        {p ? ` · ${formatSeconds(p.seconds)}` : " · starting"}
      </Text>
      {p?.random && <RandomFigures progress={p} random={p.random} />}
      {p && !p.random && (
        <Box flexDirection="column" paddingLeft={2}>
          <Box>
            <Figure label="distinct states" value={formatCount(p.distinctStates)} />
            <Figure label="states/s" value={formatCount(rate)} />
            <Figure label="queue" value={formatCount(p.queue)} />
          </Box>
          <Box>
            <Figure label="depth" value={String(p.depth)} />
            <Figure label="memory" value={p.memoryBytes === undefined ? "?" : formatBytes(p.memoryBytes)} />
            <Figure label="elapsed" value={formatSeconds(p.seconds)} />
          </Box>
          {p.workers && p.workers.length > 0 && <Workers workers={p.workers} color={color} />}
        </Box>
      )}
    </Box>
  );
}

/** A random search's figures: walks (and their share of `--walks`), steps, steps/s; states seen, deepest walk, memory. */
function RandomFigures({ progress: p, random: r }: { progress: ProgressSnapshot; random: RandomActivity }) {
  const share = r.walksPlanned !== undefined && r.walksPlanned > 0 ? ` (${Math.floor((100 * r.walks) / r.walksPlanned)}%)` : "";
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Box>
        <Figure label="walks" value={formatCount(r.walks) + share} pad={14} />
        <Figure label="steps" value={formatCount(r.steps)} pad={14} />
        <Figure label="steps/s" value={formatCount(r.stepsPerSecond)} pad={14} />
      </Box>
      <Box>
        <Figure label="distinct seen" value={formatCount(p.distinctStates)} pad={14} />
        <Figure label="deepest walk" value={String(r.deepestWalk)} pad={14} />
        <Figure label="memory" value={p.memoryBytes === undefined ? "?" : formatBytes(p.memoryBytes)} pad={14} />
      </Box>
    </Box>
  );
}

/** A label (padded to `pad` characters) and its value, in a cell of 30 columns. */
function Figure({ label, value, pad = 16 }: { label: string; value: string; pad?: number }) {
  return (
    <Box width={30}>
      <Text dimColor>{label.padEnd(pad)}</Text>
      <Text>{value}</Text>
    </Box>
  );
}

/** A cell per worker: a bar of its share of the expanded states, the count, busy or idle. */
function Workers({ workers, color }: { workers: readonly WorkerActivity[]; color: boolean }) {
  const most = Math.max(1, ...workers.map((w) => w.expanded));
  const busy = workers.filter((w) => w.busy).length;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        workers: {busy}/{workers.length} busy
      </Text>
      <Box flexWrap="wrap">
        {workers.map((w, i) => (
          <Box key={i} width={30}>
            <Text>{`w${i + 1}`.padEnd(4)}</Text>
            <Text color={color ? (w.busy ? "green" : "gray") : undefined}>{workerBar(w.expanded, most)}</Text>
            <Text> {formatCount(w.expanded).padStart(9)}</Text>
            <Text dimColor>{w.busy ? " busy" : " idle"}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** `████░░░░` : eight cells, filled in proportion to `value / most`. */
export function workerBar(value: number, most: number): string {
  const filled = Math.round((8 * Math.max(0, value)) / Math.max(1, most));
  return "█".repeat(Math.min(8, filled)) + "░".repeat(8 - Math.min(8, filled));
}
