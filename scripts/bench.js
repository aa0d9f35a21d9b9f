// `npm run bench` (after the build): times the explorer on fixed specs at 1 worker and at every
// core, each run in a child process so that its peak memory (max RSS) is its own, and times SPIN
// and a hand-written JavaScript BFS on the same TwoPhase sizes when they are available.
//   node scripts/bench.js [--quick] [--repeat N]
// --quick: TwoPhase K=7 only, no other specs, one round. --repeat N (default 5): N rounds, each
// running every worker count (and SPIN and the hand-written mark) once, back to back; the table
// shows medians, so one slow moment of a shared host does not decide a ratio (with three rounds,
// two slow ones could, and on this 2-core host did: a K=9 speed-up of 1.34x with one 2-worker
// run at 10.2 s, against 1.77x from five rounds of the same code minutes later). The speed-up is
// the median of the rounds' own ratios: this host's speed drifts by a third over minutes, and the
// two runs of a ratio, back to back, drift together.
// It also times random search (steps/s) on TwoPhase K=7 (and K=9 without --quick).

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const HANDWRITTEN = join(ROOT, "..", "shared", "bench", "limit", "twophase-handwritten.mjs");
const SPIN = join(ROOT, "..", "shared", "bench", "spin", "run.sh");
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;
/** The specs of specs/ with more than 10,000 states (TwoPhase aside), timed like TwoPhase. */
const LARGER_SPECS = ["leader-election", "register-consistent", "quorum-overlap"];

/** One exploration in this process; prints its figures as JSON on the last line. */
async function runChild({ file, constants, workers }) {
  // As the CLI does (bin/faultline.js): its worker threads load their modules from the cache.
  const { enableCompileCache } = await import("../dist/util/compile-cache.js");
  enableCompileCache();
  const { loadModel } = await import("../dist/index.js");
  const { exploreParallel } = await import("../dist/explore/parallel.js");
  const source = readFileSync(join(ROOT, file), "utf8");
  const loaded = loadModel(source, file, { constants });
  if (!loaded.model) throw new Error(`${file} does not compile: ${loaded.diagnostics.map((d) => d.code).join(", ")}`);
  const started = performance.now();
  const result = await exploreParallel({ source, fileName: file, constants }, { workers }, loaded.model);
  const seconds = (performance.now() - started) / 1000;
  const { distinctStates, generatedStates } = result.stats;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ outcome: result.outcome, distinctStates, generatedStates, seconds, maxRss }));
}

function child(args) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", JSON.stringify(args)], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("{")) throw new Error(`bench child ${JSON.stringify(args)} failed:\n${run.stderr}`);
  return JSON.parse(last);
}

/** Seconds of the hand-written BFS for TwoPhase K, or a note. */
function handwritten(k) {
  if (!existsSync(HANDWRITTEN)) return { note: `hand-written mark not found (${relative(ROOT, HANDWRITTEN)})` };
  const run = spawnSync(process.execPath, [HANDWRITTEN, String(k)], { encoding: "utf8", timeout: CHILD_TIMEOUT_MS });
  const m = /distinct=(\d+) generated=(\d+) .* ([\d.]+)s .*rss=(\d+)MB/.exec(run.stdout);
  if (!m) return { note: `hand-written mark failed: ${run.stderr.trim().split("\n")[0]}` };
  return { distinct: Number(m[1]), seconds: Number(m[3]), rssMb: Number(m[4]) };
}

/** SPIN's figures for TwoPhase K (its run.sh builds and runs pan), or a note. */
function spin(k) {
  if (!existsSync(SPIN)) return { note: `SPIN script not found (${relative(ROOT, SPIN)})` };
  if (spawnSync("sh", ["-c", "command -v spin && command -v gcc"], { encoding: "utf8" }).status !== 0) {
    return { note: "spin (or gcc) is not installed: apt-get install -y spin to compare" };
  }
  const run = spawnSync("bash", [SPIN, String(k), String(k)], { encoding: "utf8", timeout: CHILD_TIMEOUT_MS });
  const row = run.stdout.split("\n").find((line) => line.startsWith(`${k} `));
  const cells = row?.trim().split(/\s+/);
  if (!cells || cells.length < 4) return { note: `SPIN failed: ${(run.stderr || run.stdout).trim().split("\n")[0]}` };
  return { distinct: Number(cells[1]), seconds: Number(cells[3]) };
}

/** parse + check + compile time of every spec in specs/ (best of 3). */
async function loadTimes() {
  const { loadModel } = await import("../dist/index.js");
  const rows = [];
  for (const name of readdirSync(join(ROOT, "specs")).filter((f) => f.endsWith(".fl")).sort()) {
    const source = readFileSync(join(ROOT, "specs", name), "utf8");
    let best = Number.POSITIVE_INFINITY;
    let stateSize = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const loaded = loadModel(source, `specs/${name}`);
      best = Math.min(best, performance.now() - started);
      stateSize = loaded.model?.stateSize ?? 0;
    }
    rows.push({ name, ms: best, stateSize });
  }
  return rows;
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The median of `values` (the mean of the middle two for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The speed-up from one worker: the median of the rounds' own ratios (a round's 1-worker seconds
 * over its seconds here, run back to back, so that a slow minute of a shared host slows both
 * sides of a ratio), and for several rounds their range: `1.76x (1.65-2.10)`.
 */
function speedUpCell(perRound, isBase) {
  const text = `${fmt(median(perRound), 2)}x`;
  return isBase || perRound.length < 2 ? text : `${text} (${fmt(Math.min(...perRound), 2)}-${fmt(Math.max(...perRound), 2)})`;
}

/** Median seconds, and the range when there were several runs: `7.71 (7.14-8.20)`. */
function secondsCell(list) {
  const text = fmt(median(list), 2);
  return list.length > 1 ? `${text} (${fmt(Math.min(...list), 2)}-${fmt(Math.max(...list), 2)})` : text;
}

async function main(quick, repeat) {
  const cores = availableParallelism();
  const workerCounts = cores > 1 ? [1, cores] : [1];
  const cases = [7, 8, 9]
    .filter((k) => !quick || k === 7)
    .map((k) => ({ label: `TwoPhase K=${k}`, file: "specs/two-phase.fl", constants: { K: String(k) }, k }));
  if (!quick) {
    for (const name of LARGER_SPECS) {
      const file = `specs/${name}.fl`;
      if (existsSync(join(ROOT, file))) cases.push({ label: name, file, constants: {} });
    }
  }
  console.log(`faultline bench: ${cores} core(s), Node ${process.versions.node}${quick ? ", --quick" : ""}, ${repeat} round(s) per case\n`);
  const rows = [];
  const notes = new Set();
  for (const c of cases) {
    // Step 1: Run the rounds: each worker count, then the marks, back to back.
    const runs = workerCounts.map(() => []);
    const marks = { hand: [], spin: [] };
    for (let round = 1; round <= repeat; round++) {
      workerCounts.forEach((workers, i) => {
        process.stderr.write(`  ${c.label} at ${workers} worker(s), round ${round} of ${repeat}...\n`);
        runs[i].push(child({ file: c.file, constants: c.constants, workers }));
      });
      if (c.k === undefined) continue;
      const mark = handwritten(c.k);
      const model = spin(c.k);
      if (mark.note) notes.add(mark.note);
      else marks.hand.push(mark.seconds);
      if (model.note) notes.add(model.note);
      else marks.spin.push(model.seconds);
    }
    // Step 2: One row per worker count, from the medians (the speed-up from the rounds' pairs).
    workerCounts.forEach((workers, i) => {
      const list = runs[i].map((r) => r.seconds);
      const seconds = median(list);
      const r = runs[i][runs[i].length - 1];
      const outcomes = new Set(runs[i].map((x) => `${x.outcome} ${x.distinctStates}`));
      if (outcomes.size > 1) notes.add(`${c.label} at ${workers} worker(s) gave different results across rounds: ${[...outcomes].join("; ")}`);
      const against = (mark) => (mark.length === 0 ? "" : `${fmt(seconds / median(mark), 2)}x of ${secondsCell(mark)} s`);
      rows.push([
        c.label,
        workers,
        r.outcome,
        fmt(r.distinctStates),
        fmt(r.generatedStates),
        secondsCell(list),
        fmt(r.distinctStates / seconds),
        fmt(Math.max(...runs[i].map((x) => x.maxRss)) / 1048576),
        speedUpCell(runs[0].map((one, r) => one.seconds / runs[i][r].seconds), i === 0),
        against(marks.hand),
        against(marks.spin),
      ]);
    });
  }
  const header = ["case", "workers", "outcome", "distinct", "transitions", "seconds", "states/s", "peak MB", "speed-up", "vs hand-written", "vs SPIN"];
  console.log(table(header, rows));
  console.log("\nseconds: the search (threads started and stopped included), wall clock, one child process per run:");
  console.log("the median of the rounds (fastest-slowest); states/s from the median;");
  console.log("peak MB: the largest max RSS of those processes (their threads included);");
  console.log("speed-up: the median of the rounds' own ratios, each round's 1-worker seconds / its seconds here, run back");
  console.log("to back (in brackets: the lowest and highest of them); vs X: this median / X's median on the same K (below 1x:");
  console.log("faster).");
  for (const note of notes) console.log(`note: ${note}`);
  console.log("\nrandom search, one worker (seed 1, walk depth 100; steps/s over the whole search):\n");
  const randomRows = [];
  for (const k of [7].concat(quick ? [] : [9])) {
    process.stderr.write(`  random walks on TwoPhase K=${k}...\n`);
    const r = randomChild({ file: "specs/two-phase.fl", constants: { K: String(k) }, walks: 20_000 });
    randomRows.push([`TwoPhase K=${k}`, fmt(r.walks), fmt(r.steps), fmt(r.seconds, 2), fmt(r.stepsPerSecond), fmt(r.distinctStates)]);
  }
  console.log(table(["case", "walks", "steps", "seconds", "steps/s", "distinct seen"], randomRows));
  console.log("\nparse + check + compile (best of 3):\n");
  const loads = await loadTimes();
  console.log(table(["spec", "ms", "state slots"], loads.map((l) => [l.name, fmt(l.ms, 1), l.stateSize])));
}

/** One random search in this process; prints its figures as JSON on the last line. */
async function runRandomChild({ file, constants, walks }) {
  const { loadModel } = await import("../dist/index.js");
  const { randomSearch } = await import("../dist/explore/random-walk.js");
  const source = readFileSync(join(ROOT, file), "utf8");
  const loaded = loadModel(source, file, { constants });
  const started = performance.now();
  const result = randomSearch(loaded.model, { seed: 1, walks, walkDepth: 100 });
  const seconds = (performance.now() - started) / 1000;
  const { walks: done, steps, distinctStates } = result.random;
  console.log(JSON.stringify({ walks: done, steps, seconds, stepsPerSecond: steps / seconds, distinctStates }));
}

function randomChild(args) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--random-child", JSON.stringify(args)], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: CHILD_TIMEOUT_MS,
  });
  if (run.status !== 0) throw new Error(`random bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop());
}

if (process.argv[2] === "--random-child") await runRandomChild(JSON.parse(process.argv[3]));
else if (process.argv[2] === "--child") await runChild(JSON.parse(process.argv[3]));
else {
  const quick = process.argv.includes("--quick");
  const at = process.argv.indexOf("--repeat");
  const repeat = at > 0 ? Number(process.argv[at + 1]) : quick ? 1 : 5;
  if (!Number.isInteger(repeat) || repeat < 1) {
    console.error("bench: --repeat takes a whole number of rounds, 1 or more");
    process.exit(2);
  }
  await main(quick, repeat);
}
