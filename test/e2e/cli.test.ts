// End-to-end: the built CLI on real files; asserts exit codes, stdout and stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { ROOT, runCli } from "../helpers/run-cli.js";

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

describe("faultline CLI: checking specs", () => {
  it("an exhaustive pass exits 0 with the state count", () => {
    const r = runCli(["check", "specs/two-phase.fl", "--const", "K=4", "--workers", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("specs/two-phase.fl: ok, every property holds (exhaustive search)");
    expect(r.stdout).toContain("1,568 distinct states");
  });

  it("a violation exits 10 with the shortest trace, an explanation and a replay line that reproduces it", () => {
    const r = runCli(["check", "specs/split-brain.fl", "--workers", "1"]);
    expect(r.code).toBe(10);
    expect(r.stdout).toContain("invariant NoSplitBrain violated after 6 steps (shortest trace)");
    expect(r.stdout).toContain("it fails for a = Server[");
    expect(r.stdout).not.toMatch(/\u001b\[/); // piped: no ANSI escapes
    const replay = /replay: faultline (check .*)$/m.exec(r.stdout)![1]!.split(" ");
    const again = runCli(replay);
    expect(again.code).toBe(10);
    const steps = (out: string) => out.split("\n").filter((l) => /^ {2}\d+\. /.test(l));
    expect(steps(again.stdout)).toEqual(steps(r.stdout));
  });

  it("a deadlock exits 11", () => {
    const r = runCli(["check", "specs/2pc-coordinator-crash.fl", "--workers", "1"]);
    expect(r.code).toBe(11);
    expect(r.stdout).toContain("deadlock reached after 7 steps");
  });

  it("limits end with 152 and never claim the spec holds", () => {
    for (const flags of [["--max-states", "100"], ["--depth", "3"]]) {
      const r = runCli(["check", "specs/leader-election.fl", "--workers", "1", ...flags]);
      expect(r.code).toBe(152);
      expect(r.stdout).toContain("NOT exhaustive");
      expect(r.stdout).not.toContain("every property holds");
    }
  });

  it("a bad replay token is a usage error", () => {
    const r = runCli(["check", "specs/split-brain.fl", "--replay", "0/99/x"]);
    expect(r.code).toBe(151);
    expect(r.stderr).toContain("error[FL0012]");
  });

  it("random search finds the bug, prints the seed and reproduces it with the same seed", () => {
    const args = ["check", "specs/duplicate-charge.fl", "--random", "--seed", "0x2a", "--workers", "1"];
    const first = runCli(args);
    expect(first.code).toBe(10);
    expect(first.stdout).toContain("atmostonce charge violated");
    expect(first.stdout).toContain("rerun the search: faultline check specs/duplicate-charge.fl --random --seed 0x2a");
    expect(runCli(args).stdout.replace(/[\d,]+ steps\/s/, "")).toBe(first.stdout.replace(/[\d,]+ steps\/s/, ""));
  });

  it("random search that finds nothing is a limit, not a pass", () => {
    const r = runCli(["check", "specs/two-phase.fl", "--random", "--seed", "1", "--walks", "20", "--workers", "1"]);
    expect(r.code).toBe(152);
    expect(r.stdout).toContain("no violation in 20 random walks");
  });

  it("writes JSON, JUnit, SARIF and ITF", () => {
    const json = JSON.parse(runCli(["check", "specs/split-brain.fl", "--format", "json", "--workers", "1"]).stdout);
    expect(json.version).toBe(1);
    expect(json.files[0].violation.property).toBe("NoSplitBrain");
    const junit = runCli(["check", "specs/split-brain.fl", "specs/two-phase.fl", "--format", "junit", "--workers", "1"]);
    expect(junit.stdout).toMatch(/<testsuites name="faultline" tests="2" failures="1"/);
    const sarif = JSON.parse(runCli(["check", "specs/split-brain.fl", "--format", "sarif", "--workers", "1"]).stdout);
    expect(sarif.version).toBe("2.1.0");
    const itf = JSON.parse(runCli(["check", "specs/split-brain.fl", "--format", "itf", "--workers", "1"]).stdout);
    expect(itf["#meta"].format).toBe("ITF");
    expect(itf.states).toHaveLength(7);
  });
});

describe("faultline CLI: environment and signals", () => {
  it("re-runs itself with the pinned Node 24 when started by an older node", () => {
    const old = spawnSync("/usr/bin/node", ["--version"], { encoding: "utf8" });
    const major = Number(/^v(\d+)/.exec(old.stdout ?? "")?.[1] ?? "0");
    if (old.status !== 0 || major === 0 || major >= 22) return; // no older node here: nothing to show
    const r = spawnSync("/usr/bin/node", [join(ROOT, "bin", "faultline.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^faultline \d+\.\d+\.\d+\n$/);
  });

  it("Ctrl-C stops a long search, prints what was explored and exits 130", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "faultline.js"), "check", "specs/two-phase.fl", "--const", "K=9", "--workers", "2"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stdout).toContain("specs/two-phase.fl: interrupted: no violation found so far, NOT exhaustive");
    expect(stdout).toMatch(/[\d,]+ distinct states/);
  });
});

describe("faultline CLI: --output and GitHub annotations", () => {
  it("--output writes the report to a file atomically and leaves stdout empty", () => {
    const target = join(dir, "report.json");
    const r = runCli(["check", "specs/split-brain.fl", "--format", "json", "--output", target, "--workers", "1"]);
    expect(r.code).toBe(10);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(target, "utf8")).files[0].violation.property).toBe("NoSplitBrain");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--output into a missing folder is one clear usage error", () => {
    const r = runCli(["check", "specs/two-phase.fl", "--output", join(dir, "no", "such", "r.txt"), "--workers", "1"]);
    expect(r.code).toBe(151);
    expect(r.stderr).toMatch(/^error\[FL0015\]: cannot write .*r\.txt: no such file or folder$/m);
  });

  it("prints ::error annotations at the property's line when GITHUB_ACTIONS=true", () => {
    const r = runCli(["check", "specs/split-brain.fl", "--workers", "1"], { env: { GITHUB_ACTIONS: "true" } });
    expect(r.code).toBe(10);
    const line = readFileSync(join(ROOT, "specs/split-brain.fl"), "utf8").split("\n").findIndex((l) => l.startsWith("invariant NoSplitBrain")) + 1;
    expect(r.stderr).toContain(`::error file=specs/split-brain.fl,line=${line},title=invariant NoSplitBrain violated::invariant NoSplitBrain violated after 6 steps`);
  });
});

describe("faultline CLI: explore", () => {
  it("without a terminal exits 151 with one FL0013 line instead of waiting for keys", () => {
    const r = runCli(["explore", "specs/split-brain.fl"]);
    expect(r.code).toBe(151);
    expect(r.stderr.trim()).toBe("error[FL0013]: `faultline explore` needs a terminal; use `faultline check` in scripts");
    expect(r.stdout).toBe("");
  });

  it("reports spec errors and bad paths as `check` does, and has its own help", () => {
    const broken = write("explore-broken.fl", "spec Broken\nnode A { var x: 0..1 = 7 }\n");
    const bad = runCli(["explore", broken]);
    expect(bad.code).toBe(150);
    expect(bad.stderr).toContain("error[FL");
    expect(bad.stderr).not.toMatch(NO_STACK);
    const missing = runCli(["explore", join(dir, "nope.fl")]);
    expect(missing.code).toBe(151);
    expect(missing.stderr).toContain("error[FL0003]");
    const help = runCli(["explore", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("u, Backspace");
    expect(runCli(["--help"]).stdout).toContain("faultline explore <file>");
  });
});
