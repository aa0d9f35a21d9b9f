// `faultline merge <report.json>...`: the `--format json` reports of the N shards of one random
// search (`--shard I/N`, N processes or CI jobs) read back and merged into one report, printed in
// any format like a check's. Entries are grouped by spec file; each group must hold shards 0..N-1
// of one search (mergeShards says why not). Pure except for reading the files.

import { readFileSync } from "node:fs";
import { makeDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source-file.js";
import type { SourceLookup } from "../diagnostics/render.js";
import { mergeShards } from "../explore/shard-merge.js";
import { decodeReplay, type Trace } from "../explore/trace.js";
import type { RandomResult } from "../explore/result.js";
import type { FileReport } from "../report/reporter.js";
import { JSON_SCHEMA_VERSION } from "../report/json.js";
import { exitCodeOf } from "./run-check.js";
import { describeFsError } from "../util/fs-error.js";
import { loadModel } from "../index.js";

/** One file entry of a JSON report, as json.ts writes it (only what merging reads). */
interface JsonEntry {
  readonly file: string;
  readonly outcome: string;
  readonly diagnostics: readonly { code: string; severity: string; message: string; span?: Span; notes?: { message: string; span?: Span }[] }[];
  readonly random?: RandomResult["random"];
  readonly violation?: { property: string; kind: string; replay: string; explanation?: string };
  readonly error?: { code: string; message: string; replay: string; action?: string };
  readonly trace?: Trace;
  readonly replayCommand?: string;
  readonly rerunCommand?: string;
  readonly [field: string]: unknown;
}

/**
 * The merged reports, one per spec file (in first-seen order), or the problems met. `lookup`
 * finds the specs (their properties are listed when they are still there).
 */
export function mergeReports(paths: readonly string[], lookup: SourceLookup): { reports: FileReport[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, { entry: JsonEntry; result: RandomResult }[]>();
  for (const path of paths) {
    const entries = readReport(path, diagnostics);
    for (const entry of entries ?? []) {
      if (entry.random === undefined) {
        diagnostics.push(makeDiagnostic("FL0016", undefined, { path, problem: `its entry for ${entry.file} is not a random search (run the shards with \`--random --shard I/N\`)` }));
        continue;
      }
      const group = groups.get(entry.file) ?? [];
      group.push({ entry, result: toResult(entry) });
      groups.set(entry.file, group);
    }
  }
  const reports: FileReport[] = [];
  for (const [file, group] of groups) {
    const merged = mergeShards(group.map((g) => g.result));
    if (typeof merged === "string") {
      diagnostics.push(makeDiagnostic("FL0017", undefined, { file, problem: merged }));
      continue;
    }
    reports.push(toReport(file, merged, group, lookup));
  }
  return { reports, diagnostics };
}

/** Source lookup for merged reports: the spec files, read from disk when they are still there. */
export function specLookup(): (file: string) => SourceFile | undefined {
  const cache = new Map<string, SourceFile | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, new SourceFile(file, readFileSync(file, "utf8")));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

function readReport(path: string, diagnostics: Diagnostic[]): readonly JsonEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    diagnostics.push(code === "ENOENT" ? makeDiagnostic("FL0003", undefined, { path }) : makeDiagnostic("FL0005", undefined, { path, reason: describeFsError(error) }));
    return undefined;
  }
  const problem = (what: string) => void diagnostics.push(makeDiagnostic("FL0016", undefined, { path, problem: what }));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    problem("it is not JSON (write the shards' reports with `--format json --output FILE`)");
    return undefined;
  }
  const report = doc as { version?: unknown; tool?: unknown; files?: unknown };
  if (typeof doc !== "object" || doc === null || report.tool !== "faultline" || !Array.isArray(report.files)) {
    problem("it has no `tool: \"faultline\"` and `files`");
    return undefined;
  }
  if (report.version !== JSON_SCHEMA_VERSION) {
    problem(`its version is ${JSON.stringify(report.version)}; this faultline reads version ${JSON_SCHEMA_VERSION}`);
    return undefined;
  }
  return report.files as JsonEntry[];
}

/** A shard's entry as the RandomResult it was written from (the fields mergeShards and the reporters read). */
function toResult(entry: JsonEntry): RandomResult {
  const pathOf = (token: string) => {
    const path = decodeReplay(token);
    return Array.isArray(path) ? path : [];
  };
  const { violation, error } = entry;
  return {
    ...(entry as unknown as RandomResult),
    ...(violation ? { violation: { property: violation.property, kind: violation.kind, token: violation.replay, path: pathOf(violation.replay) } } : {}),
    ...(error ? { error: { ...error, token: error.replay, path: pathOf(error.replay) } } : {}),
  } as RandomResult;
}

/** The merged report of `file`: the merged figures, and the failing shard's trace and commands. */
function toReport(file: string, merged: RandomResult, group: readonly { entry: JsonEntry; result: RandomResult }[], lookup: SourceLookup): FileReport {
  const source = group.find((g) => g.result.random.failingWalk !== undefined && g.result.random.failingWalk === merged.random.failingWalk)?.entry ?? group[0]!.entry;
  const diagnostics = source.diagnostics.map((d): Diagnostic => ({ ...d, severity: d.severity as Diagnostic["severity"], code: d.code as Diagnostic["code"] }));
  return {
    file,
    diagnostics,
    result: merged,
    trace: merged.outcome === "limit" ? undefined : source.trace,
    replayCommand: merged.outcome === "limit" ? undefined : source.replayCommand,
    ...(source.rerunCommand !== undefined ? { rerunCommand: source.rerunCommand.replace(/ --shard \d+\/\d+/, "") } : {}),
    ...(source.violation?.explanation !== undefined ? { explanation: source.violation.explanation } : {}),
    ...propertiesOf(lookup(file), source.rerunCommand),
    exitCode: exitCodeOf(merged),
  };
}

/**
 * The spec's properties (JUnit lists one test case each), when the spec file is still where the
 * report says and compiles with the constants of the shard's rerun command.
 */
function propertiesOf(source: SourceFile | undefined, rerun: string | undefined): Pick<FileReport, "properties"> {
  if (source === undefined) return {};
  const constants = Object.fromEntries([...(rerun ?? "").matchAll(/ --const ([A-Za-z_]\w*)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const model = loadModel(source.text, source.name, { constants }).model;
  return model ? { properties: model.properties.map((p) => ({ name: p.name, kind: p.kind })) } : {};
}
