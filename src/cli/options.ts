// Command-line flags -> validated options (FL0xxx diagnostics). Pure: no process access here.
// main.ts is the only user of process.argv and process.exit.

import { availableParallelism } from "node:os";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { suggest } from "../util/edit-distance.js";
import { parseSeed } from "../explore/prng.js";

export type OutputFormat = "text" | "json" | "junit" | "sarif" | "itf";

const FORMATS: readonly OutputFormat[] = ["text", "json", "junit", "sarif", "itf"];

/** Where and how a report is written (`check` and `merge`). */
export interface OutputOptions {
  readonly format: OutputFormat;
  readonly color: boolean | undefined;
  /** `--output FILE`: write the report there (atomically) instead of stdout. */
  readonly output: string | undefined;
  /** `--plain`: plain text even on a terminal (no live view, no trace viewer). */
  readonly plain: boolean;
}

export interface CheckOptions extends OutputOptions {
  readonly paths: readonly string[];
  /** `--const NAME=VALUE` overrides, in order given (a later one wins). */
  readonly constants: Readonly<Record<string, string>>;
  readonly maxStates: number | undefined;
  readonly maxDepth: number | undefined;
  readonly timeSeconds: number | undefined;
  readonly memoryMegabytes: number | undefined;
  /** `--workers N`: threads for the search (default: the number of cores; 1 searches on this thread). */
  readonly workers: number;
  readonly replay: string | undefined;
  /** `--random`: seeded random walks instead of the exhaustive search. */
  readonly random: boolean;
  /** `--seed S` (decimal or 0x hex); undefined: the CLI picks one and prints it. */
  readonly seed: bigint | undefined;
  readonly walks: number | undefined;
  readonly walkDepth: number | undefined;
  /** `--shard I/N`: this process runs the walks w with w % N == I (I from 0). */
  readonly shard: { readonly index: number; readonly count: number } | undefined;
}

/** `faultline merge <report.json>...`: the JSON reports of a random search's shards, merged. */
export interface MergeOptions extends OutputOptions {
  readonly paths: readonly string[];
}

/** `faultline explore <file>`: step through one spec's state space by hand. */
export interface ExploreOptions {
  readonly path: string;
  /** `--const NAME=VALUE` overrides, in order given (a later one wins). */
  readonly constants: Readonly<Record<string, string>>;
}

export type Command =
  | { readonly kind: "help"; readonly topic: "main" | "check" | "explore" | "merge" }
  | { readonly kind: "version" }
  | { readonly kind: "check"; readonly options: CheckOptions }
  | { readonly kind: "explore"; readonly options: ExploreOptions }
  | { readonly kind: "merge"; readonly options: MergeOptions };

export type ParseResult =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

type NumericFlag = "--max-states" | "--depth" | "--time" | "--memory" | "--workers" | "--walks" | "--walk-depth";

const NUMERIC_FLAGS: Readonly<Record<NumericFlag, { integer: boolean; min: number }>> = {
  "--max-states": { integer: true, min: 1 },
  "--depth": { integer: true, min: 0 },
  "--time": { integer: false, min: 0 },
  "--memory": { integer: true, min: 16 },
  "--workers": { integer: true, min: 1 },
  "--walks": { integer: true, min: 1 },
  "--walk-depth": { integer: true, min: 1 },
};

const EXPLORE_FLAGS = ["--const", "--help"];

const OUTPUT_FLAGS = ["--format", "--no-color", "--color", "--plain", "--output"];

const MERGE_FLAGS = ["--help", ...OUTPUT_FLAGS];

const CHECK_FLAGS = ["--const", "--replay", "--help", "--random", "--seed", "--shard", ...OUTPUT_FLAGS, ...Object.keys(NUMERIC_FLAGS)];

/** Parses argv (without the node and script entries). Never throws. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    return ok({ kind: "help", topic: rest[0] === "check" || rest[0] === "explore" || rest[0] === "merge" ? rest[0] : "main" });
  }
  if (command === "--version" || command === "-V") return ok({ kind: "version" });
  if (command === "explore") return parseExplore(rest);
  if (command === "merge") return parseMerge(rest);
  if (command !== "check") {
    const diagnostic = command.startsWith("-")
      ? makeDiagnostic("FL0001", undefined, { option: command }, [{ message: "run `faultline --help` for usage" }])
      : makeDiagnostic("FL0010", undefined, { command }, [{ message: "the commands are: check, explore, merge" }]);
    return { ok: false, diagnostics: [diagnostic] };
  }
  return parseCheck(rest);
}

function parseExplore(args: readonly string[]): ParseResult {
  const scan = scanArgs(args, "explore", EXPLORE_FLAGS, () => false);
  if (scan === "help") return ok({ kind: "help", topic: "explore" });
  const { paths, constants, diagnostics } = scan;
  // After an unknown flag its value reads as a path: report only the flag then.
  if (paths.length > 1 && diagnostics.length === 0) diagnostics.push(makeDiagnostic("FL0014", undefined, { count: paths.length }));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return ok({ kind: "explore", options: { path: paths[0]!, constants } });
}

/** A flag met by scanArgs, and how to read its value (`--flag=value` or `--flag value`). */
interface FlagReader {
  readonly flag: string;
  /** The value, or undefined after reporting FL0002 "needs a value". */
  takeValue(): string | undefined;
}

interface Scanned {
  readonly paths: string[];
  readonly constants: Record<string, string>;
  readonly diagnostics: Diagnostic[];
}

const EXAMPLES = {
  check: "faultline check specs/",
  explore: "faultline explore specs/split-brain.fl",
  merge: "faultline merge shard-0.json shard-1.json",
} as const;

/**
 * Reads the arguments of `command`: paths (everything after `--` too), `--const NAME=VALUE`, and
 * `--help` (answers "help"); any other flag goes to `handle`, which reports problems into the
 * diagnostics and returns false for a flag it does not know (then FL0001, with a did-you-mean
 * among `known`). No path at all is FL0011.
 */
function scanArgs(args: readonly string[], command: "check" | "explore" | "merge", known: readonly string[], handle: (reader: FlagReader, diagnostics: Diagnostic[]) => boolean): Scanned | "help" {
  const diagnostics: Diagnostic[] = [];
  const paths: string[] = [];
  const constants: Record<string, string> = {};
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!;
    if (onlyPaths || !raw.startsWith("-") || raw === "-") {
      paths.push(raw);
      continue;
    }
    if (raw === "--") {
      onlyPaths = true;
      continue;
    }
    const eq = raw.indexOf("=");
    // `--flag=value` and `--flag value` are both accepted; `--const N=5` keeps its own `=`.
    const flag = eq > 0 && raw.startsWith("--") && !raw.startsWith("--const") ? raw.slice(0, eq) : raw;
    const inline = flag !== raw ? raw.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) {
        diagnostics.push(makeDiagnostic("FL0002", undefined, { option: flag, problem: "needs a value" }));
        return undefined;
      }
      i++;
      return next;
    };
    if (flag === "--help" || flag === "-h") return "help";
    if (flag === "--const" || flag.startsWith("--const=")) {
      const value = flag === "--const" ? takeValue() : flag.slice("--const=".length);
      const problem = value === undefined ? undefined : parseConst(value, constants);
      if (problem !== undefined) diagnostics.push(makeDiagnostic("FL0002", undefined, { option: "--const", problem }));
      continue;
    }
    if (handle({ flag, takeValue }, diagnostics)) continue;
    const hint = suggest(flag, known);
    diagnostics.push(
      makeDiagnostic("FL0001", undefined, { option: flag }, [
        { message: hint ? `did you mean \`${hint}\`?` : `run \`faultline ${command} --help\` for the options` },
      ]),
    );
  }
  if (paths.length === 0 && diagnostics.length === 0) {
    const what = command === "merge" ? "JSON report" : "spec file or folder";
    diagnostics.push(makeDiagnostic("FL0011", undefined, { command, what }, [{ message: `for example: ${EXAMPLES[command]}` }]));
  }
  return { paths, constants, diagnostics };
}

/** `--format`, `--output`, `--color`/`--no-color`, `--plain`, read into `out`; false for any other flag. */
function readOutputFlag({ flag, takeValue }: FlagReader, diagnostics: Diagnostic[], out: { -readonly [K in keyof OutputOptions]: OutputOptions[K] }): boolean {
  if (flag === "--no-color") out.color = false;
  else if (flag === "--color") out.color = true;
  else if (flag === "--plain") out.plain = true;
  else if (flag === "--output" || flag === "-o") out.output = takeValue();
  else if (flag === "--format") {
    const value = takeValue();
    if (FORMATS.includes(value as OutputFormat)) out.format = value as OutputFormat;
    else if (value !== undefined) {
      diagnostics.push(makeDiagnostic("FL0002", undefined, { option: "--format", problem: `must be one of ${FORMATS.join(", ")}, got \`${value}\`` }));
    }
  } else return false;
  return true;
}

function outputDefaults(): { -readonly [K in keyof OutputOptions]: OutputOptions[K] } {
  return { format: "text", color: undefined, output: undefined, plain: false };
}

function parseMerge(args: readonly string[]): ParseResult {
  const out = outputDefaults();
  const scan = scanArgs(args, "merge", MERGE_FLAGS, (reader, diagnostics) => readOutputFlag(reader, diagnostics, out));
  if (scan === "help") return ok({ kind: "help", topic: "merge" });
  const { paths, constants, diagnostics } = scan;
  if (Object.keys(constants).length > 0) {
    diagnostics.push(makeDiagnostic("FL0001", undefined, { option: "--const" }, [{ message: "the shards' reports already hold their constants" }]));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return ok({ kind: "merge", options: { paths, ...out } });
}

/** Adds `NAME=VALUE` to `constants`, or says what is wrong with it (completes "option `--const` ..."). */
function parseConst(value: string, constants: Record<string, string>): string | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(value);
  if (!m) return `expects NAME=VALUE, got \`${value}\``;
  constants[m[1]!] = m[2]!;
  return undefined;
}

function parseCheck(args: readonly string[]): ParseResult {
  const numbers: Partial<Record<NumericFlag, number>> = {};
  let replay: string | undefined;
  const out = outputDefaults();
  let random = false;
  let seed: bigint | undefined;
  let shard: { index: number; count: number } | undefined;
  const scan = scanArgs(args, "check", CHECK_FLAGS, ({ flag, takeValue }, diagnostics) => {
    const problem = (option: string, text: string) => diagnostics.push(makeDiagnostic("FL0002", undefined, { option, problem: text }));
    if (readOutputFlag({ flag, takeValue }, diagnostics, out)) return true;
    if (flag === "--random") random = true;
    else if (flag === "--replay") replay = takeValue();
    else if (flag === "--seed") {
      const value = takeValue();
      if (value === undefined) return true;
      seed = parseSeed(value);
      if (seed === undefined) problem("--seed", `expects a whole number (decimal or 0x hex, at most 64 bits), got \`${value}\``);
    } else if (flag === "--shard") {
      const value = takeValue();
      if (value === undefined) return true;
      const m = /^(\d+)\/(\d+)$/.exec(value);
      const index = m ? Number(m[1]) : NaN;
      const count = m ? Number(m[2]) : NaN;
      if (!m || count < 1 || index >= count || count > 1_000_000) problem("--shard", `expects I/N with 0 <= I < N, got \`${value}\``);
      else shard = { index, count };
    } else if (flag in NUMERIC_FLAGS) {
      const value = takeValue();
      if (value === undefined) return true;
      const parsed = parseNumber(flag as NumericFlag, value);
      if (typeof parsed === "string") problem(flag, parsed);
      else numbers[flag as NumericFlag] = parsed;
    } else return false;
    return true;
  });
  if (scan === "help") return ok({ kind: "help", topic: "check" });
  const { paths, constants, diagnostics } = scan;
  const randomOnly = (["--seed", "--walks", "--walk-depth", "--shard"] as const).filter((f) =>
    f === "--seed" ? seed !== undefined : f === "--shard" ? shard !== undefined : numbers[f] !== undefined,
  );
  if (!random && randomOnly.length > 0) {
    diagnostics.push(makeDiagnostic("FL0002", undefined, { option: randomOnly[0]!, problem: "only applies to a random search: add `--random`" }));
  }
  if (random && replay !== undefined) {
    diagnostics.push(makeDiagnostic("FL0002", undefined, { option: "--replay", problem: "replays one trace and cannot be combined with `--random`" }));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return ok({
    kind: "check",
    options: {
      paths,
      constants,
      maxStates: numbers["--max-states"],
      maxDepth: numbers["--depth"],
      timeSeconds: numbers["--time"],
      memoryMegabytes: numbers["--memory"],
      workers: numbers["--workers"] ?? availableParallelism(),
      replay,
      ...out,
      random,
      seed,
      walks: numbers["--walks"],
      walkDepth: numbers["--walk-depth"],
      shard,
    },
  });
}

function parseNumber(flag: NumericFlag, text: string): number | string {
  const rule = NUMERIC_FLAGS[flag];
  const pattern = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(text)) return `expects ${rule.integer ? "a whole number" : "a number"}, got \`${text}\``;
  const value = Number(text);
  if (!Number.isSafeInteger(Math.floor(value))) return `value \`${text}\` is too large`;
  if (value < rule.min) return `must be at least ${rule.min}, got ${text}`;
  return value;
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}
