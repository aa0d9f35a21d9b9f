// End-to-end: the built CLI on real files; asserts exit codes, stdout and stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "faultline-e2e-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const NO_STACK = /\bat .+:\d+:\d+\)?$|node:internal|TypeError|RangeError/m;

describe("faultline CLI: usage", () => {
  it("prints help with the commands and exit codes", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("faultline check <files or folders>");
    expect(r.stdout).toContain("151");
    const c = runCli(["check", "--help"]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain("--max-states N");
  });

  it("prints its version", () => {
    const r = runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^faultline \d+\.\d+\.\d+\n$/);
  });

  it("an unknown flag is a usage error with one clear line", () => {
    const r = runCli(["check", "specs/", "--frobnicate"]);
    expect(r.code).toBe(151);
    expect(r.stderr.split("\n")[0]).toBe("error[FL0001]: unknown option `--frobnicate`");
    expect(r.stdout).toBe("");
  });

  it("a missing file is a usage error", () => {
    const r = runCli(["check", join(dir, "nope.fl")]);
    expect(r.code).toBe(151);
    expect(r.stderr).toContain("error[FL0003]: no such file or folder");
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("a folder with no specs is a usage error", () => {
    const empty = join(dir, "empty-folder");
    mkdirSync(empty);
    const r = runCli(["check", empty]);
    expect(r.code).toBe(151);
    expect(r.stderr).toContain("error[FL0004]: no spec files (*.fl) found in");
  });
});

describe("faultline CLI: bad files are spec errors, never stack traces", () => {
  it("an empty file", () => {
    const r = runCli(["check", write("empty.fl", "")]);
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("error[FL1007]");
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("a binary file", () => {
    const r = runCli(["check", write("binary.fl", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]))]);
    expect(r.code).toBe(150);
    expect(r.stderr.trim()).toMatch(/^error\[FL0006\]: .*binary\.fl is not a text file$/);
  });

  it("a 10 MB file", () => {
    const r = runCli(["check", write("huge.fl", "const N = 3\n".repeat(900_000))]);
    expect(r.code).toBe(150);
    expect(r.stderr.trim()).toMatch(/^error\[FL0007\]: .*huge\.fl is \d+ bytes; spec files are limited to \d+ bytes$/);
  });

  it("a spec with several syntax errors reports each with a caret", () => {
    const path = write("broken.fl", "node A {\n  var x: bool = \n}\ninvariant = true\n");
    const r = runCli(["check", path]);
    expect(r.code).toBe(150);
    expect((r.stderr.match(/^error\[FL1\d{3}\]/gm) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toMatch(/--> .*broken\.fl:\d+:\d+/);
    expect(r.stderr).toMatch(/^\s+\| +\^+/m);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("an unknown --const is a usage error", () => {
    const r = runCli(["check", "specs/two-phase.fl", "--const", "Q=3"]);
    expect(r.code).toBe(151);
    expect(r.stderr).toContain("FL0008");
  });
});
