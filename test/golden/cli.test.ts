// Golden CLI runs: each `test/golden/cli/<CODE>-<name>.args` (one argument per line) is run as
// `faultline <args>` from the repository root, without a terminal; the exit code, stdout and stderr
// must equal the sibling `.out.txt` (update with `vitest -u`, then review the diff). Timings and
// memory figures are replaced by `<t>` and `<mem>`, so the files hold only what is deterministic.
// The diagnostic code in the file name must appear in the output.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

const FOLDER = join(ROOT, "test", "golden", "cli");

/** The run's output with its timing and memory figures masked. */
function normalize(text: string): string {
  return text
    .replace(/\b\d[\d,]*(\.\d+)? s\b/g, "<t> s")
    .replace(/\b\d[\d,]*(\.\d+)? states\/s\b/g, "<t> states/s")
    .replace(/peak memory \d[\d,.]* [KMG]?B\b/g, "peak memory <mem>");
}

const cases = readdirSync(FOLDER)
  .filter((f) => f.endsWith(".args"))
  .sort();

describe("CLI goldens", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(10));
  for (const file of cases) {
    it(file.replace(/\.args$/, ""), async () => {
      const args = readFileSync(join(FOLDER, file), "utf8").split("\n").filter((a) => a !== "");
      const r = runCli(args, { env: { CI: "true" } });
      const text = `$ faultline ${args.join(" ")}\nexit ${r.code}\n--- stdout\n${normalize(r.stdout)}--- stderr\n${normalize(r.stderr)}`;
      await expect(text).toMatchFileSnapshot(join(FOLDER, file.replace(/\.args$/, ".out.txt")));
      const code = /^(FL\d{4})-/.exec(file)?.[1];
      if (code) expect(r.stdout + r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/node:internal|\bat .+:\d+:\d+\)?$/m);
    });
  }
});
