// <Progress>: the live view of a running search (distinct states, states/s, queue, depth,
// memory, elapsed time, what each worker does). Stateless: it shows the snapshot it is given,
// so the reporter re-renders it on each onProgress and tests render it with renderToString.

import { Box, Text } from "ink";
import type { ProgressSnapshot, WorkerActivity } from "../reporter.js";
import { formatBytes, formatCount, formatSeconds } from "../format.js";

export interface ProgressProps {
  readonly file: string;
  /** Undefined before the first snapshot (the search is starting). */
  readonly progress?: ProgressSnapshot;
  /** False under NO_COLOR or `--no-color`: no colour attributes at all. */
  readonly color?: boolean;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** One live block: a title line, two lines of figures, then the workers (when known). */
export function Progress({ file, progress, color = true }: ProgressProps) {
  const p = progress;
  const frame = SPINNER[Math.floor((p?.seconds ?? 0) * 8) % SPINNER.length]!;
  const rate = p ? (p.statesPerSecond ?? (p.seconds > 0 ? p.distinctStates / p.seconds : 0)) : 0;
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={color ? "cyan" : undefined}>{frame}</Text> checking <Text bold>{file}</Text>
        {p ? ` · ${formatSeconds(p.seconds)}` : " · starting"}
      </Text>
      {p && (
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

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box width={30}>
      <Text dimColor>{label.padEnd(16)}</Text>
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
