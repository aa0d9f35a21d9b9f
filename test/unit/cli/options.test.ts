import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../src/cli/options.js";

function codes(argv: string[]): string[] {
  const r = parseArgs(argv);
  return r.ok ? [] : r.diagnostics.map((d) => d.code);
}

describe("parseArgs", () => {
  it("parses check with every option", () => {
    const r = parseArgs([
      "check", "specs/", "--const", "N=5", "--const=K=3", "--max-states", "100", "--depth=7",
      "--time", "1.5", "--memory", "64", "--workers", "3", "--replay", "0.1.2", "--format", "json", "--no-color",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok || r.command.kind !== "check") throw new Error("expected check");
    expect(r.command.options).toEqual({
      paths: ["specs/"],
      constants: { N: "5", K: "3" },
      maxStates: 100,
      maxDepth: 7,
      timeSeconds: 1.5,
      memoryMegabytes: 64,
      workers: 3,
      replay: "0.1.2",
      format: "json",
      color: false,
      output: undefined,
      plain: false,
      random: false,
      seed: undefined,
      walks: undefined,
      walkDepth: undefined,
      shard: undefined,
    });
  });

  it("defaults --workers to the number of cores and accepts only whole numbers from 1", () => {
    const r = parseArgs(["check", "x.fl"]);
    expect(r.ok && r.command.kind === "check" && r.command.options.workers).toBe(availableParallelism());
    expect(codes(["check", "x.fl", "--workers", "0"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--workers", "1.5"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--workers=1"])).toEqual([]);
  });

  it("shows help for no arguments, --help and check --help", () => {
    expect(parseArgs([])).toEqual({ ok: true, command: { kind: "help", topic: "main" } });
    expect(parseArgs(["--help"])).toEqual({ ok: true, command: { kind: "help", topic: "main" } });
    expect(parseArgs(["check", "--help"])).toEqual({ ok: true, command: { kind: "help", topic: "check" } });
  });

  it("rejects unknown flags with a suggestion", () => {
    const r = parseArgs(["check", "x.fl", "--max-state", "5"]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe("FL0001");
    expect(r.diagnostics[0]!.notes?.[0]?.message).toContain("--max-states");
  });

  it("rejects bad values, missing values, unknown commands and missing paths", () => {
    expect(codes(["check", "x.fl", "--depth", "-1"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--max-states", "abc"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--max-states", "0"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--replay"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--const", "N"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--format", "xml"])).toEqual(["FL0002"]);
    expect(codes(["chek", "x.fl"])).toEqual(["FL0010"]);
    expect(codes(["--frob"])).toEqual(["FL0001"]);
    expect(codes(["check"])).toEqual(["FL0011"]);
  });

  it("takes everything after -- as a path", () => {
    const r = parseArgs(["check", "--", "--weird.fl"]);
    expect(r.ok && r.command.kind === "check" && r.command.options.paths).toEqual(["--weird.fl"]);
  });
});

describe("parseArgs: random search and formats", () => {
  it("parses --random with seed, walks, depth and shard", () => {
    const r = parseArgs(["check", "x.fl", "--random", "--seed", "0x2a", "--walks", "50", "--walk-depth=20", "--shard", "1/4"]);
    if (!r.ok || r.command.kind !== "check") throw new Error("expected check");
    const o = r.command.options;
    expect([o.random, o.seed, o.walks, o.walkDepth, o.shard]).toEqual([true, 42n, 50, 20, { index: 1, count: 4 }]);
  });

  it("accepts every output format and --plain", () => {
    for (const format of ["text", "json", "junit", "sarif", "itf"]) {
      const r = parseArgs(["check", "x.fl", "--format", format, "--plain"]);
      expect(r.ok && r.command.kind === "check" && [r.command.options.format, r.command.options.plain]).toEqual([format, true]);
    }
  });

  it("rejects bad seeds and shards, random-only flags without --random, and --random with --replay", () => {
    expect(codes(["check", "x.fl", "--random", "--seed", "abc"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--random", "--shard", "4/4"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--random", "--shard", "1"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--seed", "1"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--walks", "3"])).toEqual(["FL0002"]);
    expect(codes(["check", "x.fl", "--random", "--replay", "0/1"])).toEqual(["FL0002"]);
  });
});

describe("parseArgs: explore", () => {
  it("parses `explore <file>` with --const overrides (both spellings, a later one wins)", () => {
    expect(parseArgs(["explore", "specs/x.fl", "--const", "N=2", "--const=MAX=4", "--const", "N=3"])).toEqual({
      ok: true,
      command: { kind: "explore", options: { path: "specs/x.fl", constants: { N: "3", MAX: "4" } } },
    });
    expect(parseArgs(["explore", "--", "-odd.fl"])).toEqual({ ok: true, command: { kind: "explore", options: { path: "-odd.fl", constants: {} } } });
  });

  it("shows its help for `explore --help`, `explore -h` and `help explore`", () => {
    const help = { ok: true, command: { kind: "help", topic: "explore" } };
    expect(parseArgs(["explore", "--help"])).toEqual(help);
    expect(parseArgs(["explore", "x.fl", "-h"])).toEqual(help);
    expect(parseArgs(["help", "explore"])).toEqual(help);
  });

  it("rejects unknown flags (FL0001, with a suggestion), check-only flags, bad --const, and zero or two paths", () => {
    const r = parseArgs(["explore", "x.fl", "--cosnt", "N=2"]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe("FL0001");
    expect(r.diagnostics[0]!.notes?.[0]?.message).toContain("--const");
    expect(codes(["explore", "x.fl", "--max-states", "5"])).toEqual(["FL0001"]);
    expect(codes(["explore", "x.fl", "--replay=0/1"])).toEqual(["FL0001"]);
    expect(codes(["explore", "x.fl", "--const", "N"])).toEqual(["FL0002"]);
    expect(codes(["explore", "x.fl", "--const"])).toEqual(["FL0002"]);
    expect(codes(["explore"])).toEqual(["FL0011"]);
    expect(codes(["explore", "a.fl", "b.fl"])).toEqual(["FL0014"]);
  });
});
