// `faultline check` as a library call: the closing line of a counterexample explains atmostonce,
// nolostwrites and `forall` invariants, and the JSON report carries the same words.

import { describe, expect, it } from "vitest";
import { runCheck } from "../../../src/cli/run-check.js";
import type { CheckOptions } from "../../../src/cli/options.js";
import { createJsonReporter } from "../../../src/report/json.js";
import { createTextReporter } from "../../../src/report/text.js";
import { ROOT } from "../../helpers/run-cli.js";

const options = (file: string, replay?: string): CheckOptions => ({
  paths: [`${ROOT}/specs/${file}`],
  constants: {},
  maxStates: undefined,
  maxDepth: undefined,
  timeSeconds: undefined,
  memoryMegabytes: undefined,
  workers: 1,
  replay,
  format: "text",
  color: false,
});

async function text(file: string, replay?: string): Promise<string> {
  let out = "";
  await runCheck(options(file, replay), createTextReporter((t) => (out += t), () => {}));
  return out;
}

describe("the closing line of a counterexample", () => {
  it("atmostonce: names the effect that happened twice", async () => {
    expect(await text("duplicate-charge.fl")).toContain("  atmostonce charge is violated: charge(order: 0) happened twice.\n");
  });

  it("nolostwrites: names the read that lost an acknowledged write", async () => {
    expect(await text("quorum-overlap-missing.fl")).toContain(
      "  nolostwrites kv is violated: a read of kv key 0 returned version 0 after version 1 was acknowledged.\n",
    );
  });

  it("a `forall` invariant: names the first binding that fails, also when replayed", async () => {
    const out = await text("split-brain.fl");
    const line = /  NoSplitBrain is false in the last state: it fails for a = (Server\[\d\]), b = (Server\[\d\])\.\n/.exec(out);
    expect(line).not.toBeNull();
    expect(out).toContain(`${line![1]}.role: Candidate -> Leader`);
    const token = /--replay ([0-9/]+)/.exec(out)![1]!;
    expect(await text("split-brain.fl", token)).toContain(line![0]);
  });

  it("other properties keep the plain wording", async () => {
    expect(await text("stale-leader.fl")).toContain("  The last step breaks transition property NoStaleWrite.\n");
  });
});

describe("the JSON report", () => {
  it("carries the explanation with the violation", async () => {
    let out = "";
    await runCheck({ ...options("retry-double-charge.fl"), format: "json" }, createJsonReporter((t) => (out += t)));
    const doc = JSON.parse(out) as { files: { violation?: { explanation?: string } }[] };
    expect(doc.files[0]!.violation).toMatchObject({ property: "charge", kind: "atmostonce", explanation: "charge(payment: 0) happened twice" });
  });
});
