// <TraceViewer>: the counterexample as a sequence diagram (renderTraceDiagram's rows) with the
// selected step highlighted, beside (wide terminals) or below it the state diff of that step.
// Keys: ↑/↓ or k/j move between steps, g/G (Home/End) jump to the ends, q or Esc quits.

import { useState } from "react";
import { Box, Text, useApp, useInput } from "ink";
import type { Trace } from "../../explore/trace.js";
import { layoutTraceDiagram, type DiagramLine } from "./trace-diagram.js";
import { stepDetail, type DetailLine, type DetailTone } from "./step-detail.js";

export interface TraceViewerProps {
  readonly trace: Trace;
  /** The verdict, e.g. `specs/x.fl: invariant Safe violated after 6 steps`. */
  readonly title?: string;
  /** Shown under the diagram: the replay command. */
  readonly footer?: string;
  /** Terminal size; the viewer lays itself out to fit. */
  readonly width?: number;
  readonly height?: number;
  /** False under NO_COLOR or `--no-color`: no colour attributes at all. */
  readonly color?: boolean;
  /** The step selected first (default: the last, where the property fails). */
  readonly initialStep?: number;
  /** Called when the user quits: `q`/Esc, or Ctrl-C (`interrupted` true). */
  readonly onExit?: (interrupted: boolean) => void;
  /** Listen to keys (off for static renders, where no stdin exists). */
  readonly isInteractive?: boolean;
}

/** Widest layout puts the diff beside the diagram from this many columns on. */
const SIDE_BY_SIDE = 130;

export function TraceViewer(props: TraceViewerProps) {
  const { trace, title, footer, width = 80, height = 40, color = true, isInteractive = true } = props;
  const last = trace.steps.length;
  const [selected, setSelected] = useState(clamp(props.initialStep ?? last, 0, last));
  const { exit } = useApp();
  useInput(
    (input, key) => {
      const quit = (interrupted: boolean): void => {
        props.onExit?.(interrupted);
        exit();
      };
      if (key.ctrl && input === "c") return quit(true);
      if (input === "q" || key.escape) return quit(false);
      if (key.upArrow || input === "k") setSelected((s) => clamp(s - 1, 0, last));
      else if (key.downArrow || input === "j") setSelected((s) => clamp(s + 1, 0, last));
      else if (key.pageUp) setSelected((s) => clamp(s - 10, 0, last));
      else if (key.pageDown) setSelected((s) => clamp(s + 10, 0, last));
      else if (key.home || input === "g") setSelected(0);
      else if (key.end || input === "G") setSelected(last);
    },
    { isActive: isInteractive },
  );

  const beside = width >= SIDE_BY_SIDE;
  const detailWidth = beside ? Math.min(52, Math.floor(width * 0.33)) : width;
  const diagramWidth = beside ? width - detailWidth - 2 : width;
  const diagram = layoutTraceDiagram(trace, diagramWidth);
  const detail = stepDetail(trace, selected);
  const chrome = (title ? 2 : 0) + (footer ? 1 : 0) + 2;
  const detailRows = beside ? 0 : Math.min(detail.length, Math.max(6, Math.floor((height - chrome) / 2)));
  const diagramRows = Math.max(4, height - chrome - detailRows - (beside ? 0 : 1));
  const rows = windowRows(diagram.lines, selected, diagramRows);

  return (
    <Box flexDirection="column" width={width}>
      {title && (
        <Box marginBottom={1}>
          <Text bold color={color ? "red" : undefined} wrap="truncate-end">
            {title}
          </Text>
        </Box>
      )}
      <Box flexDirection={beside ? "row" : "column"}>
        <Box flexDirection="column" width={diagramWidth} marginRight={beside ? 2 : 0}>
          {rows.map((line, i) => (
            <DiagramRow key={i} line={line} isSelected={line.step === selected} color={color} />
          ))}
        </Box>
        <Box flexDirection="column" width={detailWidth} marginTop={beside ? 0 : 1}>
          {(beside ? detail : detail.slice(0, detailRows)).map((line, i) => (
            <DetailRow key={i} line={line} color={color} />
          ))}
        </Box>
      </Box>
      {footer && <Text wrap="truncate-end">{footer}</Text>}
      <Text dimColor>↑/↓ j/k: step · g/G: first/last · q: quit</Text>
    </Box>
  );
}

function DiagramRow({ line, isSelected, color }: { line: DiagramLine; isSelected: boolean; color: boolean }) {
  if (line.step < 0) return <Text bold wrap="truncate-end">{line.text}</Text>;
  const text = isSelected ? `▸${line.text.slice(1)}` : line.text;
  return (
    <Text inverse={isSelected} color={color && isSelected ? "yellow" : undefined} wrap="truncate-end">
      {text}
    </Text>
  );
}

const TONES: Record<DetailTone, { color?: string; bold?: boolean; dim?: boolean }> = {
  title: { bold: true },
  heading: { dim: true },
  changed: { color: "yellow" },
  added: { color: "green" },
  removed: { color: "red" },
  plain: {},
};

function DetailRow({ line, color }: { line: DetailLine; color: boolean }) {
  const tone = TONES[line.tone];
  return (
    <Text bold={tone.bold} dimColor={tone.dim} color={color ? tone.color : undefined} wrap={line.tone === "title" ? "wrap" : "truncate-end"}>
      {line.text}
    </Text>
  );
}

/** The header line, then at most `rows - 1` step lines around the selected step. */
export function windowRows(lines: readonly DiagramLine[], selected: number, rows: number): DiagramLine[] {
  const header = lines.filter((l) => l.step < 0);
  const body = lines.filter((l) => l.step >= 0);
  const room = Math.max(1, rows - header.length);
  if (body.length <= room) return [...header, ...body];
  const at = Math.max(0, body.findIndex((l) => l.step === selected));
  const start = clamp(at - Math.floor(room / 2), 0, body.length - room);
  return [...header, ...body.slice(start, start + room)];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
