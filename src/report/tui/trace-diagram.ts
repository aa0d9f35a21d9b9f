// A counterexample as a text sequence diagram: one lane per node, an arrow per delivered message
// (from the sender's lane to the receiver's), marks for timers, actions and faults, and the
// step's words beside it. Pure (trace, width) -> lines; the ink viewer highlights the rows.

import type { Trace } from "../../explore/trace.js";
import type { StepDescription } from "../../compile/model.js";

/** One line of the diagram: `step` is -1 for the lane header, 0 for the initial state, i for step i. */
export interface DiagramLine {
  readonly step: number;
  readonly text: string;
}

export interface TraceDiagram {
  readonly lanes: readonly string[];
  readonly lines: readonly DiagramLine[];
}

/** The marks drawn on lanes (all one column wide in terminals). */
export const MARKS = {
  lane: "│",
  downLane: "┊",
  timer: "◷",
  action: "●",
  crash: "✕",
  restart: "↻",
  cut: "╳",
  clock: "⏱",
  self: "↺",
  drop: "✗",
} as const;

/** Keys of the decoded state that belong to no node (`faults.drop`, `effects.charge`, `history.kv.lost`). */
const NOT_NODES = new Set(["faults", "effects", "history"]);
const NODE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])?$/;
const MIN_CAPTION = 24;
/** Wider lanes (whole message labels) are taken only while captions keep this many columns. */
const WIDE_CAPTION = 30;

/** The lanes: nodes in the initial state's key order, then nodes first named by a step. */
export function traceLanes(trace: Trace): string[] {
  const lanes: string[] = [];
  const add = (name: string | undefined): void => {
    if (name !== undefined && NODE_NAME.test(name) && !NOT_NODES.has(name) && !lanes.includes(name)) lanes.push(name);
  };
  for (const key of Object.keys(trace.initial)) {
    const dot = key.indexOf(".");
    if (dot > 0) add(key.slice(0, dot));
  }
  for (const { step } of trace.steps) {
    add(step.actor);
    add(step.message?.from);
    add(step.message?.to);
    for (const s of step.sent ?? []) {
      add(s.from);
      add(s.to);
    }
    for (const name of partitionSides(step.text)?.flat() ?? []) add(name);
  }
  return lanes;
}

/** The diagram as plain lines, at most `width` columns each. */
export function renderTraceDiagram(trace: Trace, width: number): string[] {
  return layoutTraceDiagram(trace, width).lines.map((l) => l.text);
}

/**
 * Lays the diagram out in `width` columns: lane spacing fits the longest node name when it can
 * (and whole message labels while captions keep 30 columns); step captions go beside the lanes
 * when at least 24 columns remain, else on the line below.
 * Deterministic. Every line fits in `width` columns (all marks are one column wide) as long as
 * `width` leaves 5 columns per lane; beyond that lanes keep 5 columns and lines run longer.
 */
export function layoutTraceDiagram(trace: Trace, width: number): TraceDiagram {
  const lanes = traceLanes(trace);
  const digits = String(trace.steps.length).length;
  const margin = digits + 2;
  const geometry = chooseGeometry(lanes, labelNeed(trace, lanes), Math.max(width, margin + 8), margin);
  const { gap, caption } = geometry;
  const centers = lanes.map((_, i) => margin + i * gap + Math.floor((gap - 1) / 2));
  const canvasWidth = margin + lanes.length * gap;
  const lines: DiagramLine[] = [];

  const header = Array.from({ length: canvasWidth }, () => " ");
  lanes.forEach((name, i) => {
    const shown = truncate(name, gap - 1);
    const start = Math.max(margin + i * gap, centers[i]! - Math.floor((shown.length - 1) / 2));
    for (let k = 0; k < shown.length && start + k < canvasWidth; k++) header[start + k] = shown[k]!;
  });
  lines.push({ step: -1, text: header.join("").trimEnd() });

  const down = new Set<number>();
  const emit = (step: number, cells: string[], words: string): void => {
    const label = String(step).padStart(digits + 1) + " ";
    for (let k = 0; k < margin; k++) cells[k] = label[k] ?? " ";
    const row = cells.join("");
    if (caption > 0) {
      lines.push({ step, text: `${row} ${truncate(words, caption)}`.trimEnd() });
    } else {
      lines.push({ step, text: row.trimEnd() });
      lines.push({ step, text: `${" ".repeat(margin)}${truncate(words, Math.max(1, width - margin))}` });
    }
  };
  const blank = (): string[] => {
    const cells = Array.from({ length: canvasWidth }, () => " ");
    centers.forEach((x, i) => (cells[x] = down.has(i) ? MARKS.downLane : MARKS.lane));
    return cells;
  };

  emit(0, blank(), "initial state");
  trace.steps.forEach((entry, i) => {
    const cells = blank();
    drawStep(entry.step, cells, { lanes, centers, down });
    emit(i + 1, cells, stepWords(entry.step));
  });
  return { lanes, lines };
}

/** The lane spacing that shows every delivered message's label whole (arrow ends included). */
function labelNeed(trace: Trace, lanes: readonly string[]): number {
  let need = 0;
  for (const { step } of trace.steps) {
    const m = step.message;
    if (!m) continue;
    const span = Math.abs(lanes.indexOf(m.to) - lanes.indexOf(m.from));
    if (span > 0) need = Math.max(need, Math.ceil((compact(m.text).length + 2 + 5) / span));
  }
  return need;
}

function chooseGeometry(lanes: readonly string[], need: number, width: number, margin: number): { gap: number; caption: number } {
  const n = Math.max(1, lanes.length);
  const longest = Math.max(1, ...lanes.map((l) => l.length));
  const base = Math.min(30, Math.max(10, longest + 3));
  const ideal = Math.min(30, Math.max(base, need));
  const room = (gap: number): number => width - margin - n * gap - 1;
  const roomy = Math.min(ideal, Math.floor((width - margin - 1 - WIDE_CAPTION) / n));
  if (roomy >= base) return { gap: roomy, caption: room(roomy) };
  if (room(base) >= MIN_CAPTION) return { gap: base, caption: room(base) };
  return { gap: Math.max(5, Math.min(base, Math.floor((width - margin) / n))), caption: 0 };
}

interface Lanes {
  readonly lanes: readonly string[];
  readonly centers: readonly number[];
  readonly down: Set<number>;
}

/** Draws one step's event over a row of lanes. */
function drawStep(step: StepDescription, cells: string[], at: Lanes): void {
  const lane = (name: string | undefined): number => (name === undefined ? -1 : at.lanes.indexOf(name));
  const x = (i: number): number => at.centers[i]!;
  const actor = lane(step.actor);
  const m = step.message;
  const text = step.text;
  if (step.kind === "deliver" && m) return drawArrow(cells, at, lane(m.from), lane(m.to), compact(m.text), "solid");
  if (step.kind === "timer" && actor >= 0) return void (cells[x(actor)] = MARKS.timer);
  if (step.kind === "action" && actor >= 0) return void (cells[x(actor)] = MARKS.action);
  if (step.kind === "tick") return drawRule(cells, at, "╌", `${MARKS.clock} ${text.replace(/^time advances to /, "time ")}`);
  if (m && text.startsWith("network drops ")) return drawArrow(cells, at, lane(m.from), lane(m.to), compact(m.text), "drop");
  if (m && text.startsWith("network duplicates ")) return drawArrow(cells, at, lane(m.from), lane(m.to), `2×${compact(m.text)}`, "dashed");
  const cut = /^link (.+)->(.+) cut(?: \(\d+ messages? in flight lost\))?$/.exec(text);
  if (cut) return drawArrow(cells, at, lane(cut[1]), lane(cut[2]), "cut", "cut");
  if (text === "all links healed") return drawRule(cells, at, "┈", "healed");
  const sides = partitionSides(text);
  if (sides) {
    drawRule(cells, at, "┄", "");
    for (const name of sides[1]) if (lane(name) >= 0) cells[x(lane(name))] = MARKS.cut;
    return;
  }
  if (actor < 0) return;
  if (text.endsWith(" crashes")) {
    cells[x(actor)] = MARKS.crash;
    at.down.add(actor);
  } else if (text.endsWith(" restarts")) {
    cells[x(actor)] = MARKS.restart;
    at.down.delete(actor);
  } else if (/ clock [+-]1 /.test(text)) {
    cells[x(actor)] = MARKS.clock;
    const delta = text.includes(" clock +1 ") ? "+1" : "-1";
    writeAt(cells, x(actor) + 1, delta, nextLaneStart(at, actor, cells.length));
  }
}

type ArrowStyle = "solid" | "dashed" | "drop" | "cut";

/** `├──Vote{term:1}──>│` left to right, `│<──Vote{term:1}──┤` right to left, `↺ Vote` to itself. */
function drawArrow(cells: string[], at: Lanes, from: number, to: number, label: string, style: ArrowStyle): void {
  if (from < 0 || to < 0) return;
  const a = at.centers[from]!;
  const b = at.centers[to]!;
  if (a === b) {
    cells[a] = MARKS.self;
    writeAt(cells, a + 2, label, nextLaneStart(at, from, cells.length));
    return;
  }
  const body = style === "solid" ? "─" : "┄";
  const head = style === "drop" ? MARKS.drop : a < b ? ">" : "<";
  const tail = style === "cut" ? MARKS.cut : a < b ? "├" : "┤";
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  for (let k = lo + 1; k < hi; k++) cells[k] = body;
  for (const c of at.centers) if (c > lo && c < hi) cells[c] = "┼";
  cells[a] = tail;
  cells[a < b ? b - 1 : b + 1] = head;
  // The label goes between the sender and the next lane when it fits there, else mid-arrow.
  const next = a < b ? at.centers.find((c) => c > a) : [...at.centers].reverse().find((c) => c < a);
  const [slo, shi] = next === undefined || next === b ? [lo, hi] : a < b ? [a, next] : [next, a];
  const near = shi - slo - 5;
  const [left, right] = near >= label.length ? [slo, shi] : [lo, hi];
  const room = right - left - 5;
  if (room < 1) return;
  const shown = truncate(label, room);
  writeAt(cells, left + 3 + Math.floor((room - shown.length) / 2), shown, right - 2);
}

/** A horizontal rule between the first and last lanes, with `label` in the middle. */
function drawRule(cells: string[], at: Lanes, fill: string, label: string): void {
  const first = at.centers[0];
  const last = at.centers[at.centers.length - 1];
  if (first === undefined || last === undefined) return;
  for (let k = first + 1; k < last; k++) if (cells[k] === " ") cells[k] = fill;
  if (label === "") return;
  const padded = ` ${label} `;
  if (last - first - 1 >= padded.length + 2) {
    writeAt(cells, first + 1 + Math.floor((last - first - 1 - padded.length) / 2), padded, last);
  } else {
    writeAt(cells, last + 2, label, cells.length);
  }
}

function nextLaneStart(at: Lanes, lane: number, limit: number): number {
  return lane + 1 < at.centers.length ? at.centers[lane + 1]! - 1 : limit;
}

/** Writes `s` into cells[start..end) (clipped). */
function writeAt(cells: string[], start: number, s: string, end: number): void {
  for (let k = 0; k < s.length && start + k < Math.min(end, cells.length); k++) cells[start + k] = s[k]!;
}

/** `Vote{term: 1, ok: true}` -> `Vote{term:1,ok:true}`. */
export function compact(message: string): string {
  return message.replace(/: /g, ":").replace(/, /g, ",");
}

/** The step's words, then what it sent: `Server[0] times out; sends RequestVote{term: 1} to Server[1], Server[2]`. */
export function stepWords(step: StepDescription): string {
  const byText = new Map<string, string[]>();
  for (const s of step.sent ?? []) byText.set(s.text, [...(byText.get(s.text) ?? []), s.to]);
  const sends = [...byText].map(([text, to]) => `${text} to ${to.join(", ")}`);
  return sends.length === 0 ? step.text : `${step.text}; sends ${sends.join("; ")}`;
}

/** The two sides of `partition {A, B} | {C}` (maybe `(2 messages in flight lost)` after), or undefined for other texts. */
function partitionSides(text: string): [string[], string[]] | undefined {
  const m = /^partition \{(.*)\} \| \{(.*)\}(?: \(\d+ messages? in flight lost\))?$/.exec(text);
  if (!m) return undefined;
  const names = (s: string): string[] => s.split(",").map((n) => n.trim()).filter((n) => n !== "");
  return [names(m[1]!), names(m[2]!)];
}

function truncate(s: string, max: number): string {
  if (max <= 0) return "";
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}
