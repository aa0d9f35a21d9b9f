// <Explorer>: `faultline explore`, stepping through a spec's state space by hand. Shows the current
// state by node, what it violates, and the numbered enabled steps; the run so far as a replay line.
// Keys: ↑/↓ or k/j select, Enter or 1-9 take a step, u/Backspace undo, r restart, q/Esc quit.

import { useState } from "react";
import { Box, Text, useApp, useInput } from "ink";
import type { Model } from "../../compile/model.js";
import {
  currentFrame,
  replayLine,
  restart,
  startSession,
  stateLines,
  stepLabel,
  takeStep,
  undoStep,
  violations,
  type Session,
} from "./explorer-state.js";

export interface ExplorerProps {
  readonly model: Model;
  /** The spec's path as the user wrote it (for the title and the replay line). */
  readonly file: string;
  /** `--const` overrides, repeated in the replay line. */
  readonly constants?: Readonly<Record<string, string>>;
  /** Terminal size; the step list is windowed to fit. */
  readonly width?: number;
  readonly height?: number;
  /** False under NO_COLOR or `--no-color`. */
  readonly color?: boolean;
  /** Called when the user quits: `q`/Esc, or Ctrl-C (`interrupted` true). */
  readonly onExit?: (interrupted: boolean) => void;
  /** Listen to keys (off for static renders). */
  readonly isInteractive?: boolean;
}

interface View {
  readonly session: Session;
  /** Index of the selected step in the current frame's list. */
  readonly selected: number;
}

export function Explorer(props: ExplorerProps) {
  const { model, file, constants = {}, width = 100, height = 40, color = true, isInteractive = true } = props;
  const [view, setView] = useState<View>(() => ({ session: startSession(model), selected: 0 }));
  const { exit } = useApp();
  const frame = currentFrame(view.session);
  const count = frame.steps.length;

  useInput(
    (input, key) => {
      const quit = (interrupted: boolean): void => {
        props.onExit?.(interrupted);
        exit();
      };
      if (key.ctrl && input === "c") return quit(true);
      if (input === "q" || key.escape) return quit(false);
      const take = (pick: (v: View) => number): void =>
        setView((v) => {
          const next = takeStep(v.session, pick(v));
          return next === v.session ? v : { session: next, selected: 0 };
        });
      if (key.upArrow || input === "k") setView((v) => ({ ...v, selected: clamp(v.selected - 1, 0, count - 1) }));
      else if (key.downArrow || input === "j") setView((v) => ({ ...v, selected: clamp(v.selected + 1, 0, count - 1) }));
      else if (key.return) take((v) => v.selected);
      else if (/^[1-9]$/.test(input)) take(() => Number(input) - 1);
      else if (input === "u" || key.backspace || key.delete) setView((v) => ({ session: undoStep(v.session), selected: 0 }));
      else if (input === "r") setView((v) => ({ session: restart(v.session), selected: 0 }));
    },
    { isActive: isInteractive },
  );

  const depth = view.session.frames.length - 1;
  const lines = stateLines(view.session);
  const problems = violations(view.session);
  const reached = frame.reached;
  // Rows left for the step list: the chrome below is about 12 lines plus the state.
  const listRows = Math.max(3, height - lines.length - problems.length - 12);
  const [start, end] = windowOf(count, view.selected, listRows);
  const tint = (c: string): string | undefined => (color ? c : undefined);

  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        faultline explore {file} · step {depth}
        {frame.via ? ` · after: ${stepLabel(frame.via)}` : " · initial state"}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>state</Text>
        {lines.map((line, i) => (
          <Text key={i} color={line.changed ? tint("yellow") : undefined} wrap="truncate-end">
            {"  "}
            {line.text}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {problems.length === 0 ? (
          <Text color={tint("green")}>no property violated</Text>
        ) : (
          problems.map((p, i) => (
            <Text key={i} bold color={tint("red")} wrap="wrap">
              violated: {p}
            </Text>
          ))
        )}
        {reached.length > 0 && <Text color={tint("cyan")}>reached: {reached.join(", ")}</Text>}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>enabled steps ({count})</Text>
        {frame.error && (
          <Text color={tint("red")} wrap="wrap">
            a step fails to evaluate: {frame.error}
          </Text>
        )}
        {count === 0 && !frame.error && <Text>  (none)</Text>}
        {start > 0 && <Text dimColor>  ↑ {start} more</Text>}
        {frame.steps.slice(start, end).map((step, k) => {
          const i = start + k;
          const isSelected = i === view.selected;
          const number = `${i + 1}`.padStart(`${count}`.length);
          const faulty = step.kind === "fault" || step.kind === "tick";
          return (
            <Text
              key={i}
              inverse={isSelected}
              color={isSelected ? tint("yellow") : faulty ? tint("magenta") : undefined}
              wrap="truncate-end"
            >
              {isSelected ? "▸ " : "  "}
              {number}. {stepLabel(step)}
              {step.transitionViolation >= 0 ? "  (breaks a transition property)" : ""}
            </Text>
          );
        })}
        {end < count && <Text dimColor>  ↓ {count - end} more</Text>}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text wrap="truncate-end">replay: {replayLine(view.session, file, constants)}</Text>
        <Text dimColor wrap="truncate-end">↑/↓ j/k: select · Enter or 1-9: take · u/Backspace: undo · r: restart · q: quit</Text>
      </Box>
    </Box>
  );
}

/** The [start, end) slice of `count` items, `rows` long, that keeps `selected` in view. */
export function windowOf(count: number, selected: number, rows: number): [number, number] {
  if (count <= rows) return [0, count];
  const room = Math.max(1, rows - 2);
  const start = clamp(selected - Math.floor(room / 2), 0, count - room);
  return [start, start + room];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
