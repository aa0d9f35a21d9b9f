// <TraceViewer>: the counterexample as a sequence diagram (renderTraceDiagram's rows) with the
// selected step highlighted, beside (wide terminals) or below it the state diff of that step.
// Enter expands the selected state (every variable, the network, the fault budgets left) under
// the selected row of the diagram; Enter or Esc collapses it.
// Keys: ↑/↓ or k/j move between steps, g/G (Home/End) jump to the ends, q (or Esc on the diagram) quits.

import { useState } from "react";
import { Box, Text, useApp, useInput } from "ink";
import type { Trace } from "../../explore/trace.js";
import { layoutTraceDiagram, type DiagramLine } from "./trace-diagram.js";
import { expandedState, stepDetail, type DetailLine, type DetailTone, type StateSection } from "./step-detail.js";

export interface TraceViewerProps {
  readonly trace: Trace;
  /** The verdict, e.g. `specs/x.fl: invariant Safe violated after 6 steps`. */
  readonly title?: string;
  /** Shown under the title: why the last state fails (`NoLostOrder is false in the last state: ...`). */
  readonly note?: string;
  /** Shown under the diagram: the replay command. */
  readonly footer?: string;
  /** Terminal size; the viewer lays itself out to fit. */
  readonly width?: number;
  readonly height?: number;
  /** False under NO_COLOR or `--no-color`: no colour attributes at all. */
  readonly color?: boolean;
  /** The step selected first (default: the last, where the property fails). */
  readonly initialStep?: number;
  /** Called when the user quits: `q`, Esc on the diagram, or Ctrl-C (`interrupted` true). */
  readonly onExit?: (interrupted: boolean) => void;
  /** This trace's place among those shown one after another, `[1, 3]` for the first of three. */
  readonly position?: readonly [number, number];
  /** Listen to keys (off for static renders, where no stdin exists). */
  readonly isInteractive?: boolean;
}

/** Widest layout puts the diff beside the diagram from this many columns on. */
const SIDE_BY_SIDE = 130;

export function TraceViewer(props: TraceViewerProps) {
  const { trace, title, note, footer, width = 80, height = 40, color = true, isInteractive = true } = props;
  const last = trace.steps.length;
  const [selected, setSelected] = useState(clamp(props.initialStep ?? last, 0, last));
  const [isExpanded, setExpanded] = useState(false);
  const { exit } = useApp();
  useInput(
    (input, key) => {
      const quit = (interrupted: boolean): void => {
        props.onExit?.(interrupted);
        exit();
      };
      if (key.ctrl && input === "c") return quit(true);
      if (input === "q" || (key.escape && !isExpanded)) return quit(false);
      if (key.return || key.escape) setExpanded(!isExpanded);
      else if (key.upArrow || input === "k") setSelected((s) => clamp(s - 1, 0, last));
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
  const diagramWidth = isExpanded ? width : beside ? width - detailWidth - 2 : width;
  const diagram = layoutTraceDiagram(trace, diagramWidth);
  const chrome = (title ? 2 : 0) + (note ? 1 : 0) + (footer ? 1 : 0) + 2;
  const [at, of] = props.position ?? [1, 1];
  const quit = at < of ? `q: next trace (${at + 1} of ${of}) · ctrl-c: quit` : "q: quit";
  const help = isExpanded ? `↑/↓ j/k: step · enter/esc: back to the diagram · ${quit}` : `↑/↓ j/k: step · enter: expand state · g/G: first/last · ${quit}`;

  let body;
  if (isExpanded) {
    const row = diagram.lines.filter((l) => l.step < 0 || l.step === selected).slice(0, 2);
    body = (
      <Box flexDirection="column">
        {row.map((line, i) => (
          <DiagramRow key={i} line={line} isSelected={line.step === selected} color={color} />
        ))}
        <ExpandedView trace={trace} selected={selected} width={width} height={height - chrome - row.length - 2} color={color} />
      </Box>
    );
  } else {
    const full = stepDetail(trace, selected);
    const detailRows = beside ? 0 : Math.min(full.length, Math.max(6, Math.floor((height - chrome) / 2)));
    const diagramRows = Math.max(4, height - chrome - detailRows - (beside ? 0 : 1));
    const rows = windowRows(diagram.lines, selected, diagramRows);
    const detail = cutDetail(full, beside ? Math.max(diagramRows, 4) : detailRows);
    body = (
      <Box flexDirection={beside ? "row" : "column"}>
        <Box flexDirection="column" width={diagramWidth} marginRight={beside ? 2 : 0}>
          {rows.map((line, i) => (
            <DiagramRow key={i} line={line} isSelected={line.step === selected} color={color} />
          ))}
        </Box>
        <Box flexDirection="column" width={detailWidth} marginTop={beside ? 0 : 1}>
          {detail.map((line, i) => (
            <DetailRow key={i} line={line} color={color} />
          ))}
        </Box>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={width}>
      {title && (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold color={color ? "red" : undefined} wrap="truncate-end">
            {title}
          </Text>
          {note && <Text wrap="truncate-end">{note}</Text>}
        </Box>
      )}
      {body}
      {footer && <Text wrap="truncate-end">{footer}</Text>}
      <Text dimColor wrap="truncate-end">
        {help}
      </Text>
    </Box>
  );
}

interface ExpandedViewProps {
  readonly trace: Trace;
  readonly selected: number;
  readonly width: number;
  /** Rows it may take; long sections are cut to fit. */
  readonly height: number;
  readonly color: boolean;
}

/** The expanded state: its title, then its sections side by side, as many to a row as fit. */
function ExpandedView({ trace, selected, width, height, color }: ExpandedViewProps) {
  const state = expandedState(trace, selected);
  const rows = fitSections(state.sections, width, height - 2);
  return (
    <Box flexDirection="column" marginTop={1} marginBottom={1}>
      <Text bold wrap="truncate-end">
        {state.title}
      </Text>
      {rows.map((row, r) => (
        <Box key={r} marginTop={1}>
          {row.map(({ section, width: columns }, i) => (
            <Box key={i} flexDirection="column" width={columns}>
              <Text bold color={color && section.changed ? "yellow" : undefined} wrap="truncate-end">
                {section.heading}
              </Text>
              {section.lines.map((line, k) => (
                <DetailRow key={k} line={{ text: `  ${line.text}`, tone: line.tone }} color={color} />
              ))}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** A section of the expanded state and the columns it takes. */
export interface PlacedSection {
  readonly section: StateSection;
  readonly width: number;
}

/**
 * `sections` in rows no wider than `width` (each as wide as its longest line, plus a gap), each
 * section cut (`… N more`) so that the rows, with a heading and a blank line each, fit in `height`.
 */
export function fitSections(sections: readonly StateSection[], width: number, height: number): PlacedSection[][] {
  const rows: PlacedSection[][] = [];
  let used = 0;
  for (const section of sections) {
    const columns = Math.min(width, 3 + Math.max(section.heading.length, ...section.lines.map((l) => l.text.length + 2)));
    const row = rows[rows.length - 1];
    if (row === undefined || used + columns > width) {
      rows.push([{ section, width: columns }]);
      used = columns;
    } else {
      row.push({ section, width: columns });
      used += columns;
    }
  }
  const tallest = (row: readonly PlacedSection[]): number => Math.max(...row.map((p) => p.section.lines.length));
  if (rows.reduce((sum, row) => sum + 2 + tallest(row), 0) <= height) return rows;
  const cap = Math.max(1, Math.floor(height / Math.max(1, rows.length)) - 3);
  const cut = ({ section: s, width: w }: PlacedSection): PlacedSection => ({
    width: w,
    section: s.lines.length <= cap + 1 ? s : { ...s, lines: [...s.lines.slice(0, cap), { text: `… ${s.lines.length - cap} more`, tone: "heading" }] },
  });
  return rows.map((row) => row.map(cut));
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

/** At most `rows` lines of `detail`, the last saying that Enter shows the rest when some are cut. */
function cutDetail(detail: readonly DetailLine[], rows: number): DetailLine[] {
  if (detail.length <= rows) return [...detail];
  return [...detail.slice(0, Math.max(0, rows - 1)), { text: `… ${detail.length - rows + 1} more lines: enter shows the whole state`, tone: "heading" }];
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
