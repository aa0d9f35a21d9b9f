// Finds spec files from command-line paths and reads them safely: folders are searched for *.fl,
// and a missing, unreadable, binary or oversized file becomes one FL0xxx diagnostic.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { describeFsError } from "../util/fs-error.js";

/** Spec files larger than this are refused before parsing. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

export interface SpecPaths {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Expands paths into spec files: a file is taken as it is (whatever its extension), a folder
 * is searched recursively for `*.fl` (sorted, skipping node_modules and dot-folders).
 * Order: the order of the paths, each folder's files sorted by path.
 */
export function findSpecFiles(paths: readonly string[]): SpecPaths {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      diagnostics.push(makeDiagnostic("FL0003", undefined, { path }));
      continue;
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const found = walkFolder(path).sort();
    if (found.length === 0) diagnostics.push(makeDiagnostic("FL0004", undefined, { path }));
    files.push(...found);
  }
  return { files: [...new Set(files)], diagnostics };
}

function walkFolder(folder: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walkFolder(full));
    else if (entry.isFile() && entry.name.endsWith(".fl")) out.push(full);
  }
  return out;
}

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Reads a spec file as UTF-8 text; refuses folders, binary files and files over MAX_SPEC_BYTES. */
export function readSpecFile(path: string): ReadResult {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail("FL0005", { path, reason: "it is a folder" });
    size = stat.size;
  } catch (error) {
    return fail("FL0003", { path });
  }
  if (size > MAX_SPEC_BYTES) return fail("FL0007", { path, size, limit: MAX_SPEC_BYTES });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail("FL0005", { path, reason: describeFsError(error) });
  }
  if (bytes.length > MAX_SPEC_BYTES) return fail("FL0007", { path, size: bytes.length, limit: MAX_SPEC_BYTES });
  if (bytes.includes(0)) return fail("FL0006", { path });
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
  } catch {
    return fail("FL0006", { path });
  }
}

function fail(code: "FL0003" | "FL0005" | "FL0006" | "FL0007", args: Record<string, string | number>): ReadResult {
  return { ok: false, diagnostic: makeDiagnostic(code, undefined, args) };
}

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}
