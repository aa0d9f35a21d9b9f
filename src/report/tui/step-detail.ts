// The state diff of one step of a trace, as tagged lines for the trace viewer's side panel: what
// the step did and sent, the variables it changed (messages in flight as +/- lines), then the
// whole state after it, grouped by node; and the expanded state (Enter in the viewer): every
// variable of every node, the network and the fault budgets left, in sections. Pure; colour is
// the viewer's business.

import type { Trace } from "../../explore/trace.js";
import { formatValue } from "../format.js";

export type DetailTone = "title" | "heading" | "changed" | "added" | "removed" | "plain";

export interface DetailLine {
  readonly text: string;
  readonly tone: DetailTone;
}

/** The detail of step `index` (0 = the initial state, i = the state after step i), clamped to the trace. */
export function stepDetail(trace: Trace, index: number): DetailLine[] {
  const n = trace.steps.length;
  const i = Math.max(0, Math.min(n, index));
  if (i === 0) return [{ text: `initial state (step 0 of ${n})`, tone: "title" }, ...stateLines(trace.initial, new Set())];
  const entry = trace.steps[i - 1]!;
  const lines: DetailLine[] = [{ text: `step ${i} of ${n}: ${entry.step.text}`, tone: "title" }];
  for (const s of entry.step.sent ?? []) lines.push({ text: `  sends ${s.text} ${s.from} -> ${s.to}`, tone: "plain" });
  lines.push({ text: "changes", tone: "heading" });
  const changed = new Set<string>();
  for (const change of entry.changes) {
    changed.add(change.name);
    if (isList(change.before) && isList(change.after) && change.name === "network") {
      const { added, removed } = multisetDiff(items(change.before), items(change.after));
      for (const m of removed) lines.push({ text: `  - ${m}`, tone: "removed" });
      for (const m of added) lines.push({ text: `  + ${m}`, tone: "added" });
      continue;
    }
    lines.push({ text: `  ${change.name}: ${show(change.before)} → ${show(change.after)}`, tone: "changed" });
  }
  if (entry.changes.length === 0) lines.push({ text: "  (nothing changed)", tone: "plain" });
  lines.push({ text: `state after step ${i}`, tone: "heading" });
  lines.push(...stateLines(entry.state, changed));
  return lines;
}

/** One block of the expanded state: a node, the globals, the network or the fault budgets. */
export interface StateSection {
  readonly heading: string;
  /** True when the step changed something in it. */
  readonly changed: boolean;
  readonly lines: readonly DetailLine[];
}

/** The state after step `index` (clamped), whole, for the viewer's expanded view. */
export interface ExpandedState {
  readonly title: string;
  readonly sections: readonly StateSection[];
}

/**
 * Every variable of the state after step `index` (0 = initial), one a line, in sections: one per
 * node (`Server[0]`) in key order, `globals` for variables of no node, then other owners
 * (`history.kv`, `effects`), the network (messages this step sent marked `+`, those it took
 * `-`) and the fault budgets left. A value the step changed says what it was: `role = Leader (was
 * Candidate)`.
 */
export function expandedState(trace: Trace, index: number): ExpandedState {
  const n = trace.steps.length;
  const i = Math.max(0, Math.min(n, index));
  const entry = i === 0 ? undefined : trace.steps[i - 1]!;
  const title = entry ? `state after step ${i} of ${n}: ${entry.step.text}` : `initial state (step 0 of ${n})`;
  const before = new Map((entry?.changes ?? []).map((c) => [c.name, c.before]));
  const sections = new Map<string, { lines: DetailLine[]; changed: boolean }>();
  let network: StateSection | undefined;
  for (const [key, value] of Object.entries(entry?.state ?? trace.initial)) {
    if (key === "network" && isList(value)) {
      const was = before.get(key);
      network = networkSection(items(value), before.has(key) ? (isList(was) ? items(was) : []) : undefined);
      continue;
    }
    const dot = ownerEnd(key);
    const owner = dot > 0 ? key.slice(0, dot) : "";
    const heading = owner === "faults" ? "fault budgets left" : owner || "globals";
    const target = sections.get(heading) ?? { lines: [], changed: false };
    sections.set(heading, target);
    const name = dot > 0 ? key.slice(dot + 1) : key;
    const isChanged = before.has(key);
    target.lines.push({ text: `${name} = ${show(value)}${isChanged ? ` (was ${show(before.get(key))})` : ""}`, tone: isChanged ? "changed" : "plain" });
    target.changed ||= isChanged;
  }
  const all = [...sections].map(([heading, s]): StateSection => ({ heading, ...s }));
  const budgets = all.filter((s) => s.heading === "fault budgets left");
  const rest = all.filter((s) => s.heading !== "fault budgets left");
  return { title, sections: [...rest, ...(network ? [network] : []), ...budgets] };
}

/** The messages in flight; with `before` (the step changed them) the new ones `+`, the taken ones `-`. */
function networkSection(after: readonly string[], before: readonly string[] | undefined): StateSection {
  const heading = `network: ${after.length === 0 ? "empty" : `${after.length} in flight`}`;
  if (before === undefined) return { heading, changed: false, lines: after.map((m) => ({ text: `  ${m}`, tone: "plain" })) };
  const { added, removed } = multisetDiff(before, after);
  const fresh = new Map<string, number>();
  for (const m of added) fresh.set(m, (fresh.get(m) ?? 0) + 1);
  const lines = after.map((m): DetailLine => {
    const count = fresh.get(m) ?? 0;
    if (count === 0) return { text: `  ${m}`, tone: "plain" };
    fresh.set(m, count - 1);
    return { text: `+ ${m}`, tone: "added" };
  });
  return { heading, changed: true, lines: [...lines, ...removed.map((m): DetailLine => ({ text: `- ${m}`, tone: "removed" }))] };
}

/** The state grouped by owner (`Server[0]: role = Leader, term = 1`); the network one message a line. */
function stateLines(state: Readonly<Record<string, unknown>>, changed: ReadonlySet<string>): DetailLine[] {
  const groups = new Map<string, { fields: string[]; isChanged: boolean }>();
  const lines: DetailLine[] = [];
  let network: string[] | undefined;
  for (const [key, value] of Object.entries(state)) {
    if (key === "network" && isList(value)) {
      network = items(value);
      continue;
    }
    const dot = ownerEnd(key);
    const owner = dot > 0 ? key.slice(0, dot) : "";
    const group = groups.get(owner) ?? { fields: [], isChanged: false };
    group.fields.push(`${dot > 0 ? key.slice(dot + 1) : key} = ${show(value)}`);
    group.isChanged ||= changed.has(key);
    groups.set(owner, group);
  }
  for (const [owner, group] of groups) {
    lines.push({ text: `  ${owner ? `${owner}: ` : ""}${group.fields.join(", ")}`, tone: group.isChanged ? "changed" : "plain" });
  }
  if (network !== undefined) {
    lines.push({ text: `  network: ${network.length === 0 ? "empty" : `${network.length} in flight`}`, tone: changed.has("network") ? "changed" : "plain" });
    for (const m of network) lines.push({ text: `    ${m}`, tone: "plain" });
  }
  return lines;
}

/** Where the owner of `Server[0].role` or `history.kv.acked` ends: the last dot. */
function ownerEnd(key: string): number {
  return key.lastIndexOf(".");
}

function isList(value: unknown): boolean {
  return Array.isArray(value) || (value !== null && typeof value === "object" && Array.isArray((value as Record<string, unknown>)["#set"]));
}

function items(value: unknown): string[] {
  const list = Array.isArray(value) ? value : ((value as Record<string, unknown>)["#set"] as unknown[]);
  return list.map((v) => (typeof v === "string" ? v : formatValue(v)));
}

function show(value: unknown): string {
  return value === undefined ? "(none)" : formatValue(value);
}

/** Elements of `after` not matched in `before` (added) and the reverse (removed), counting repeats. */
export function multisetDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const left = new Map<string, number>();
  for (const m of before) left.set(m, (left.get(m) ?? 0) + 1);
  const added: string[] = [];
  for (const m of after) {
    const count = left.get(m) ?? 0;
    if (count > 0) left.set(m, count - 1);
    else added.push(m);
  }
  const removed = [...left].flatMap(([m, count]) => Array.from({ length: count }, () => m));
  return { added, removed };
}
