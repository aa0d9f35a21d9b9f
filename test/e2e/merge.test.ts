// `faultline merge`: the JSON reports of a sharded random search (`--shard I/N`, one process
// each) merge into the report the unsharded search gives: the same failure and replay token,
// walks summed; the merged JSON is valid against the report schema; bad inputs are usage errors.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { schemaProblems, validateReport } from "../helpers/schemas.js";

const SPEC = "test/fixtures/random/stale-votes.fl";
const SHARDS = 3;
let dir: string;
let shardFiles: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "faultline-merge-"));
  shardFiles = Array.from({ length: SHARDS }, (_, i) => {
    const file = join(dir, `shard-${i}.json`);
    const r = runCli(["check", SPEC, "--random", "--seed", "7", "--walks", "3000", "--shard", `${i}/${SHARDS}`, "--workers", "1", "--format", "json", "-o", file]);
    expect(r.code).toBe(10);
    return file;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  outcome: string;
  exitCode: number;
  violation?: { property: string; replay: string };
  random: { walks: number; steps: number; failingWalk?: number; seed: string; shard?: unknown };
}

function entryOf(stdout: string): Entry {
  const doc = JSON.parse(stdout) as { files: Entry[] };
  expect(schemaProblems(validateReport, doc)).toEqual([]);
  expect(doc.files).toHaveLength(1);
  return doc.files[0]!;
}

describe("faultline merge", () => {
  it("gives the unsharded search's failure, with the shards' walks summed", () => {
    const merged = runCli(["merge", ...shardFiles, "--format", "json"]);
    expect(merged.code).toBe(10);
    const m = entryOf(merged.stdout);
    const shards = shardFiles.map((f) => entryOf(readFileSync(f, "utf8")));
    expect(m.random.walks).toBe(shards.reduce((n, s) => n + s.random.walks, 0));
    expect(m.random.shard).toBeUndefined();
    const whole = runCli(["check", SPEC, "--random", "--seed", "7", "--walks", "9000", "--workers", "1", "--format", "json"]);
    const w = entryOf(whole.stdout);
    expect(m.outcome).toBe("violation");
    expect(m.violation).toEqual(w.violation);
    expect(m.random.failingWalk).toBe(w.random.failingWalk);
  });

  it("prints the merged report as text, with the replay line", () => {
    const r = runCli(["merge", ...shardFiles]);
    expect(r.code).toBe(10);
    expect(r.stdout).toContain("invariant OneLeaderPerTerm violated");
    expect(r.stdout).toMatch(/replay: faultline check .*stale-votes\.fl --replay [\d/]+/);
    expect(r.stdout).not.toContain("--shard");
  });

  it("lists every property of the spec in JUnit, as check does", () => {
    const files = [0, 1].map((i) => {
      const file = join(dir, `le-${i}.json`);
      runCli(["check", "specs/leader-election.fl", "--random", "--seed", "3", "--walks", "200", "--shard", `${i}/2`, "--workers", "1", "--format", "json", "-o", file]);
      return file;
    });
    const merged = runCli(["merge", ...files, "--format", "junit"]);
    const direct = runCli(["check", "specs/leader-election.fl", "--random", "--seed", "3", "--walks", "200", "--workers", "1", "--format", "junit"]);
    expect(merged.code).toBe(152);
    const cases = (xml: string) => [...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1]);
    expect(cases(merged.stdout)).toEqual(cases(direct.stdout));
    expect(cases(merged.stdout)).toContain("invariant NoSplitBrain");
  });

  it("refuses a missing shard, a file that is not a report, and an exhaustive report", () => {
    const missing = runCli(["merge", shardFiles[0]!, shardFiles[2]!]);
    expect(missing.code).toBe(151);
    expect(missing.stderr).toMatch(/^error\[FL0017\]: cannot merge the shards of .*stale-votes\.fl: expected the results of shards 0\.\.2/m);
    const notJson = join(dir, "notes.txt");
    writeFileSync(notJson, "hello");
    const bad = runCli(["merge", notJson]);
    expect(bad.code).toBe(151);
    expect(bad.stderr).toContain("error[FL0016]");
    const exhaustive = join(dir, "exhaustive.json");
    runCli(["check", "specs/split-brain.fl", "--workers", "1", "--format", "json", "-o", exhaustive]);
    const notRandom = runCli(["merge", exhaustive]);
    expect(notRandom.code).toBe(151);
    expect(notRandom.stderr).toMatch(/error\[FL0016\].*not a random search/);
    expect(runCli(["merge"]).stderr).toContain("error[FL0011]: `merge` needs at least one JSON report");
  });
});
