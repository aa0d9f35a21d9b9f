// End-to-end: `faultline check --random` on worker threads. The same seed gives the same report
// (violation, shrunk trace, counts) at --workers 1 and 2, and Ctrl-C stops a long random search
// at any worker count with what it covered so far (exit 130).

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

/** The JSON report of a run without its timing fields (seconds, rates, memory). */
function jsonWithoutTiming(stdout: string): unknown {
  const report = JSON.parse(stdout) as { files: { stats?: Record<string, unknown>; random?: Record<string, unknown> }[] };
  for (const file of report.files) {
    if (file.stats) file.stats = { ...file.stats, seconds: 0, statesPerSecond: 0, peakMemoryBytes: 0 };
    if (file.random) file.random = { ...file.random, stepsPerSecond: 0 };
  }
  return report;
}

/** The `random search: ...` line of a text report, without steps/s. */
function coverageLine(stdout: string): string {
  const line = stdout.split("\n").find((l) => l.trim().startsWith("random search:"));
  if (line === undefined) throw new Error(`no random search line in:\n${stdout}`);
  return line.replace(/[\d,]+ steps\/s/, "<rate> steps/s");
}

/** Runs `check args --workers W` for W = 1 and 2, as JSON and as text. */
function atOneAndTwoWorkers(args: readonly string[]) {
  return [1, 2].map((workers) => {
    const json = runCli(["check", ...args, "--format", "json", "--workers", String(workers)]);
    const text = runCli(["check", ...args, "--workers", String(workers)]);
    return { code: json.code, json: jsonWithoutTiming(json.stdout), line: coverageLine(text.stdout), stderr: json.stderr + text.stderr };
  });
}

describe("faultline check --random --workers", () => {
  it("reports the same violation, shrunk trace and counts at 1 and 2 workers for a fixed seed", () => {
    const [one, two] = atOneAndTwoWorkers(["test/fixtures/random/stale-votes.fl", "--random", "--seed", "7"]);
    expect(one!.code).toBe(10);
    expect(two!.code).toBe(10);
    expect(two!.json).toEqual(one!.json);
    expect(two!.line).toBe(one!.line);
    expect(one!.json).toMatchObject({ files: [{ outcome: "violation", violation: { property: "OneLeaderPerTerm" } }] });
    expect(one!.line).toMatch(/^ {2}random search: 7 walks \(depth <= 100, deepest \d+\), [\d,]+ steps, <rate> steps\/s, [\d,]+ distinct states seen/);
    expect(one!.stderr + two!.stderr).toBe("");
  });

  it("reports the same counts at 1 and 2 workers when no walk fails", () => {
    const [one, two] = atOneAndTwoWorkers(["specs/two-phase.fl", "--const", "K=5", "--random", "--seed", "1", "--walks", "3000"]);
    expect(one!.code).toBe(152);
    expect(two!.code).toBe(152);
    expect(two!.json).toEqual(one!.json);
    expect(two!.line).toBe(one!.line);
    expect(one!.line).toMatch(/random search: 3,000 walks \(depth <= 100, deepest 100\), 300,000 steps, <rate> steps\/s, [\d,]+ distinct states seen/);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once process `pid` catches SIGINT (the CLI's handler is installed), read from
 * /proc/PID/status on Linux; elsewhere after 2 s.
 */
async function untilCatchesSigint(pid: number): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, "utf8");
    } catch {
      break;
    }
    const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    if (caught !== undefined && (BigInt(`0x${caught}`) & 2n) !== 0n) return;
    await sleep(20);
  }
  await sleep(2000);
}

describe("faultline check --random: Ctrl-C", () => {
  for (const workers of [1, 2]) {
    it(`stops a long random search at ${workers} worker(s) and reports the walks done (exit 130)`, async () => {
      const args = ["check", "specs/two-phase.fl", "--const", "K=7", "--random", "--seed", "1", "--walks", "100000000", "--workers", String(workers)];
      const child = spawn(process.execPath, [join(ROOT, "bin", "faultline.js"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      await untilCatchesSigint(child.pid!);
      await sleep(1000);
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      expect(stderr).toBe("");
      expect(code).toBe(130);
      expect(stdout).toMatch(/^specs\/two-phase\.fl: no violation in [\d,]+ random walks \(interrupted\), NOT exhaustive/);
      const m = /random search: ([\d,]+) walks \(depth <= 100, deepest \d+\), ([\d,]+) steps, [\d,]+ steps\/s, ([\d,]+) distinct states seen/.exec(stdout);
      expect(m).not.toBeNull();
      const [walks, steps] = [m![1]!, m![2]!].map((n) => Number(n.replaceAll(",", "")));
      expect(walks).toBeLessThan(100_000_000);
      // Every TwoPhase K=7 walk runs to the depth bound: the counts are those of whole walks.
      expect(steps).toBe(100 * walks!);
    });
  }
});
