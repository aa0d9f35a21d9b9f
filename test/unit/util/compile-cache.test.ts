// The CLI turns on Node's compile cache for itself and hands its directory to worker threads
// through NODE_COMPILE_CACHE (src/util/compile-cache.ts).

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { enableCompileCache } from "../../../src/util/compile-cache.js";
import { runCli } from "../../helpers/run-cli.js";

const STATUS = { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };
const api = (status: number, directory?: string) => ({
  enableCompileCache: () => (directory === undefined ? { status } : { status, directory }),
  constants: { compileCacheStatus: STATUS },
});

describe("enableCompileCache", () => {
  it("names the directory for worker threads once the cache is on", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(enableCompileCache(env, api(STATUS.ENABLED, "/tmp/cache"))).toEqual({ directory: "/tmp/cache" });
    expect(env["NODE_COMPILE_CACHE"]).toBe("/tmp/cache");
  });

  it("keeps a directory the user chose", () => {
    const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: "/mine" };
    enableCompileCache(env, api(STATUS.ALREADY_ENABLED, "/mine"));
    expect(env["NODE_COMPILE_CACHE"]).toBe("/mine");
  });

  it("leaves the environment alone when the cache is off, failed, or not in this Node", () => {
    for (const fake of [api(STATUS.DISABLED), api(STATUS.FAILED), {}]) {
      const env: NodeJS.ProcessEnv = {};
      expect(enableCompileCache(env, fake)).toEqual({ directory: undefined });
      expect(env).toEqual({});
    }
  });
});

describe("the CLI's compile cache", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fresh = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "fl-cache-"));
    dirs.push(dir);
    return dir;
  };
  const entries = (dir: string): number => readdirSync(dir, { recursive: true }).length;

  it("is written where NODE_COMPILE_CACHE says, and not at all when disabled", () => {
    const on = fresh();
    const off = fresh();
    const args = ["check", "specs/two-phase.fl", "--const", "K=3"];
    expect(runCli(args, { env: { NODE_COMPILE_CACHE: on } }).code).toBe(0);
    expect(runCli(args, { env: { NODE_COMPILE_CACHE: off, NODE_DISABLE_COMPILE_CACHE: "1" } }).code).toBe(0);
    expect(entries(on)).toBeGreaterThan(10);
    expect(entries(off)).toBe(0);
  });
});
