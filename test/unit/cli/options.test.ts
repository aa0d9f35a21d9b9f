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
      "--time", "1.5", "--memory", "64", "--replay", "0.1.2", "--format", "json", "--no-color",
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
      replay: "0.1.2",
      format: "json",
      color: false,
    });
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
