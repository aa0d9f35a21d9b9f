// The Informal Trace Format (ITF) of Apalache and Quint, so counterexamples can drive other tools:
// traceToItf writes a Trace as an ITF document, itfToStates reads the states back, and the
// reporter prints one document per failing spec. Value encodings follow ADR-015.

import { renderDiagnostics } from "../diagnostics/render.js";
import type { Trace } from "../explore/trace.js";
import type { FileReport, Reporter } from "./reporter.js";

export const ITF_FORMAT_DESCRIPTION = "https://apalache-mc.org/docs/adr/015adr-trace.html";

/** What the document's `#meta` says besides the format. */
export interface ItfMeta {
  /** The spec file. */
  readonly source: string;
  readonly description?: string;
  /** The command that reproduces the trace. */
  readonly replay?: string;
}

/** An ITF value: JSON with `#bigint`, `#set`, `#map`, `#tup` and `#unserializable` objects. */
export type ItfValue =
  | boolean
  | number
  | string
  | readonly ItfValue[]
  | { readonly "#bigint": string }
  | { readonly "#set": readonly ItfValue[] }
  | { readonly "#map": readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly "#tup": readonly ItfValue[] }
  | { readonly "#unserializable": string }
  | { readonly [field: string]: ItfValue };

export interface ItfState {
  readonly "#meta": { readonly index: number; readonly action?: string };
  readonly [name: string]: unknown;
}

export interface ItfDocument {
  readonly "#meta": {
    readonly format: "ITF";
    readonly "format-description": string;
    readonly source: string;
    readonly description?: string;
    readonly replay?: string;
  };
  readonly vars: readonly string[];
  readonly states: readonly ItfState[];
}

/**
 * A trace as an ITF document: `vars` are the decoded state's keys (`Server[0].role`, `network`,
 * ...) in the initial state's order; state i + 1 is the state after step i, and its `#meta`
 * carries the step's words as `action`. Values: integers as JSON numbers (`#bigint` beyond
 * 2^53), sets as `#set`, maps as `#map`, records as objects, sequences (and arrays of the older
 * decode, which wrote sets as arrays) as arrays, enum members and node ids as strings.
 */
export function traceToItf(trace: Trace, meta: ItfMeta): ItfDocument {
  const decoded = [trace.initial, ...trace.steps.map((s) => s.state)];
  const vars: string[] = [];
  for (const state of decoded) for (const key of Object.keys(state)) if (!vars.includes(key)) vars.push(key);
  const states = decoded.map((state, index) => {
    const action = index === 0 ? undefined : trace.steps[index - 1]!.step.text;
    const out: Record<string, unknown> = { "#meta": action === undefined ? { index } : { index, action } };
    for (const key of vars) if (key in state) out[key] = toItfValue(state[key]);
    return out as ItfState;
  });
  return {
    "#meta": {
      format: "ITF",
      "format-description": ITF_FORMAT_DESCRIPTION,
      source: meta.source,
      ...(meta.description !== undefined ? { description: meta.description } : {}),
      ...(meta.replay !== undefined ? { replay: meta.replay } : {}),
    },
    vars,
    states,
  };
}

/** One decoded value as ITF. */
export function toItfValue(value: unknown): ItfValue {
  if (typeof value === "number") return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : { "#bigint": BigInt(value).toString() };
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : { "#bigint": value.toString() };
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(toItfValue);
  if (value instanceof Set) return { "#set": [...value].map(toItfValue) };
  if (value instanceof Map) return { "#map": [...value].map(([k, v]) => [toItfValue(k), toItfValue(v)] as const) };
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj["#set"])) return { "#set": obj["#set"].map(toItfValue) };
    if (Array.isArray(obj["#map"])) {
      const entries = (obj["#map"] as unknown[]).map((e) => (Array.isArray(e) ? e : [e, undefined]));
      return { "#map": entries.map(([k, v]) => [toItfValue(k), toItfValue(v)] as const) };
    }
    const out: Record<string, ItfValue> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = toItfValue(v);
    return out;
  }
  return { "#unserializable": String(value) };
}

/**
 * Reads the states of an ITF document (parsed JSON, or its text) back into decoded form: the
 * inverse of traceToItf on the values it writes (`#set` and `#map` stay as such, `#bigint` becomes
 * a number when it is a safe integer and a bigint otherwise, `#tup` an array). `#meta` keys are
 * left out. Never throws: a malformed document gives a message instead.
 */
export function itfToStates(json: unknown): Record<string, unknown>[] | string {
  let doc = json;
  if (typeof json === "string") {
    try {
      doc = JSON.parse(json);
    } catch (error) {
      return `is not JSON: ${(error as Error).message}`;
    }
  }
  if (!isObject(doc)) return "is not an ITF document: expected a JSON object";
  if (!Array.isArray(doc["states"])) return "is not an ITF document: `states` is missing or not an array";
  const states: Record<string, unknown>[] = [];
  for (const [i, state] of (doc["states"] as unknown[]).entries()) {
    if (!isObject(state)) return `has state ${i} that is not an object`;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(state)) {
      if (key === "#meta") continue;
      const decoded = fromItfValue(value);
      if (decoded instanceof ItfShapeError) return `has a malformed value in state ${i}, variable \`${key}\`: ${decoded.message}`;
      out[key] = decoded;
    }
    states.push(out);
  }
  return states;
}

class ItfShapeError {
  constructor(readonly message: string) {}
}

function fromItfValue(value: unknown): unknown {
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (Array.isArray(value)) return mapAll(value);
  if (!isObject(value)) return new ItfShapeError(`unexpected ${value === null ? "null" : typeof value}`);
  if ("#bigint" in value) {
    const text = value["#bigint"];
    if (typeof text !== "string" || !/^-?[0-9]+$/.test(text)) return new ItfShapeError("`#bigint` is not a decimal string");
    const n = BigInt(text);
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }
  if ("#set" in value) {
    const items = Array.isArray(value["#set"]) ? mapAll(value["#set"]) : new ItfShapeError("`#set` is not an array");
    return items instanceof ItfShapeError ? items : { "#set": items };
  }
  if ("#map" in value) {
    const entries = value["#map"];
    if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && e.length === 2)) {
      return new ItfShapeError("`#map` is not an array of [key, value] pairs");
    }
    const out: [unknown, unknown][] = [];
    for (const entry of entries as unknown[][]) {
      const pair = mapAll(entry);
      if (pair instanceof ItfShapeError) return pair;
      out.push([pair[0], pair[1]]);
    }
    return { "#map": out };
  }
  if ("#tup" in value) return Array.isArray(value["#tup"]) ? mapAll(value["#tup"]) : new ItfShapeError("`#tup` is not an array");
  if ("#unserializable" in value) return String(value["#unserializable"]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const decoded = fromItfValue(v);
    if (decoded instanceof ItfShapeError) return decoded;
    out[k] = decoded;
  }
  return out;
}

function mapAll(values: readonly unknown[]): unknown[] | ItfShapeError {
  const out: unknown[] = [];
  for (const v of values) {
    const decoded = fromItfValue(v);
    if (decoded instanceof ItfShapeError) return decoded;
    out.push(decoded);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Prints, in onFinish, one ITF document per spec that has a counterexample (violation, deadlock
 * or evaluation error), in file order, each on one line (JSON Lines): a run over one failing
 * spec prints exactly one document, a valid `.itf.json` file. Specs without a trace print
 * nothing. Diagnostics go to `err` as text.
 */
export function createItfReporter(out: (text: string) => void, err: (text: string) => void = () => {}): Reporter {
  const documents: ItfDocument[] = [];
  return {
    onStart() {},
    onProgress() {},
    onFile(report, lookup) {
      if (report.diagnostics.length > 0) err(renderDiagnostics(report.diagnostics, lookup) + "\n");
      if (report.trace) documents.push(traceToItf(report.trace, metaOf(report)));
    },
    onFinish() {
      for (const doc of documents) out(JSON.stringify(doc) + "\n");
    },
  };
}

function metaOf(report: FileReport): ItfMeta {
  const r = report.result;
  const v = r?.violation;
  const what = v
    ? v.kind === "deadlock"
      ? "deadlock"
      : `${v.kind} ${v.property} violated`
    : r?.error
      ? `evaluation error ${r.error.code}: ${r.error.message}`
      : "counterexample";
  return {
    source: report.file,
    description: `faultline: ${what}`,
    ...(report.replayCommand ? { replay: report.replayCommand } : {}),
  };
}
