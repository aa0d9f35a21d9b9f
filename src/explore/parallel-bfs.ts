// Level-synchronous BFS run as tasks (on worker threads or this thread): per level, (A) expand
// fixed chunks against a read-only seen-set, keeping candidates (chunk-expander.ts), then (B) insert
// them partition by partition in chunk order (level-merge.ts); the winners are the next level.

import { EvaluationError, type Model } from "../compile/model.js";
import { summarize, type ExploreOptions, type SearchSnapshot, type Stop } from "./bfs.js";
import { chunkStarts, LevelStore } from "./level-store.js";
import { Arena, ownRegion, type Region } from "./arena.js";
import { buildInitialLevel } from "./initial-level.js";
import { createPartition, PARTITIONS, type PartitionRef } from "./partitioned-set.js";
import type { CandidateSource, ExpandResult, ExpandTask } from "./parallel-tasks.js";
import { locateStateLimit, recountUpTo } from "./parallel-limits.js";
import { sliceLevel } from "./slice-reader.js";
import type { CheckResult, LimitKind } from "./result.js";
import { RunnerChoice, type Runners } from "./runner-choice.js";
import { insertLevel } from "./level-insert.js";
import { handOverLevels } from "./level-handover.js";

export type { Runners } from "./runner-choice.js";

export interface LevelSearchOptions extends ExploreOptions {
  /** How many tasks share the seen-set's partitions when merging a level (usually the worker count). */
  readonly workers: number;
}

/**
 * The level being expanded: the new states among the candidates of the level before (`sources`,
 * marked in `flags`, `winners[i]` of them in source i), `size` in all, expanded in chunks that
 * start at the ranks `starts`.
 */
interface Level {
  readonly size: number;
  readonly starts: readonly number[];
  readonly sources: readonly CandidateSource[];
  readonly flags: Region;
  readonly winners: readonly number[];
}

const PROGRESS_INTERVAL_MS = 250;
/** Below this share of seen-set hits, phase A samples the seen-set instead of asking it every time. */
const PROBE_HIT_RATE = 0.1;
const PROBE_SAMPLE = 16;
const NO_EVENT = 0x7fffffff;

/**
 * Explores `model` breadth first like explore(), running the work on `runners`. Determinism: the
 * chunks, the partitions and the order in which candidates are inserted do not depend on the
 * number of workers or on timing, so the counts, the outcome, the path and the coverage equal
 * explore()'s. Only `seconds`, `statesPerSecond`, `peakMemoryBytes` and where a time, memory or
 * interrupt limit stops the search may differ. EvaluationErrors become outcome `error`; any other
 * exception in a task rejects the promise. With `from`, it goes on from where explore()'s search
 * was handed over (bfs.ts, createSearch), with the same answer.
 */
export async function exploreLevels(model: Model, runners: Runners, options: LevelSearchOptions, from?: SearchSnapshot): Promise<CheckResult> {
  return new LevelSearch(model, runners, options, from).run();
}

class LevelSearch {
  private readonly startedAt: number;
  private readonly maxStates: number;
  private readonly maxDepth: number;
  private readonly deadline: number;
  private readonly memoryBytes: number;
  private parts: PartitionRef[] = Array.from({ length: PARTITIONS }, createPartition);
  private readonly store = new LevelStore();
  private current: Level = { size: 0, starts: [], sources: [], flags: ownRegion(0), winners: [] };
  /** The flags of even and odd levels (a level's are read while the next one is expanded). */
  private readonly flagArenas = [new Arena(), new Arena()] as const;
  private stop: Stop | undefined;
  private distinct = 0;
  private generated = 0;
  private readonly coverage: Float64Array;
  private readonly reached: boolean[];
  private readonly reachable: number[] = [];
  private levelsFound = 0;
  /** Phase A's lookup rate (see ExpandTask.probeEvery), from the hit rate of the level before. */
  private probeEvery = 1;
  private level = 0;
  private peakBytes = 0;
  private lastProgressAt: number;
  /** Which runner runs each task (this thread for small levels, else the pool if there is one). */
  private readonly choice: RunnerChoice;

  constructor(
    private readonly model: Model,
    runners: Runners,
    private readonly options: LevelSearchOptions,
    private readonly from?: SearchSnapshot,
  ) {
    this.startedAt = from?.startedAt ?? performance.now();
    this.choice = new RunnerChoice(runners);
    this.maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
    this.maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
    this.deadline = this.startedAt + (options.timeLimitMs ?? Number.POSITIVE_INFINITY);
    this.memoryBytes = options.memoryBytes ?? Number.POSITIVE_INFINITY;
    this.coverage = new Float64Array(model.actions.length);
    this.reached = model.properties.map(() => false);
    model.properties.forEach((p, i) => p.kind === "reachable" && this.reachable.push(i));
    this.lastProgressAt = this.startedAt;
  }

  async run(): Promise<CheckResult> {
    await this.choice.ready();
    // Step 1: Add the initial states (level 0), here, as explore() does; or take over explore()'s
    // search.
    if (this.from === undefined) this.addInitialStates();
    else this.takeOver(this.from);
    while (this.stop === undefined && this.current.size > 0) {
      // Step 2: Between levels, honour the depth bound and poll the other limits.
      if (this.level === this.maxDepth) {
        this.stop = { kind: "limit", limit: "depth" };
        break;
      }
      this.stop = this.poll(this.dataBytes(0), 0);
      if (this.stop !== undefined) break;
      await this.expandLevel();
      this.level++;
    }
    return this.finish();
  }

  private addInitialStates(): void {
    const check = (state: Int32Array) => this.checkReachable(state);
    const initial = buildInitialLevel(this.model, this.parts, this.maxStates, this.memoryBytes, check);
    this.parts = initial.parts;
    this.stop = initial.stop;
    this.distinct = initial.size;
    this.levelsFound = initial.size > 0 ? 1 : 0;
    const { size, source, flags } = initial;
    this.current = { size, starts: chunkStarts(size), sources: [source], flags, winners: [size] };
  }

  /** Goes on from explore()'s search, stopped before level `from.level`. */
  private takeOver(from: SearchSnapshot): void {
    this.distinct = from.distinct;
    this.generated = from.generated;
    this.coverage.set(from.coverage);
    from.reached.forEach((r, i) => (this.reached[i] = r));
    this.levelsFound = from.levelsFound;
    this.level = from.level;
    this.peakBytes = from.peakBytes;
    const handed = handOverLevels(from);
    this.parts = handed.parts;
    for (const level of handed.past) this.store.push(level.starts, level.parents, level.bases);
    const { size, source, flags } = handed;
    this.current = { size, starts: chunkStarts(size), sources: [source], flags, winners: [size] };
  }

  private checkReachable(state: Int32Array): void {
    if (this.reachable.some((i) => !this.reached[i])) this.model.checkReachable(state, this.reached);
  }

  /** The expand tasks of the current level, one per chunk, in order. */
  private chunkTasks(): ExpandTask[] {
    const cur = this.current;
    const stop = new SharedArrayBuffer(4);
    new Int32Array(stop)[0] = NO_EVENT;
    const tables = this.parts.map((p) => p.buffer);
    const reachable = this.reachable.filter((i) => !this.reached[i]);
    const { level, probeEvery } = this;
    return sliceLevel(cur.winners, cur.size, cur.starts).map((slice, chunk) => ({
      kind: "expand",
      level,
      chunk,
      firstRank: slice.start,
      sources: cur.sources.slice(slice.first, slice.last + 1),
      flags: cur.flags,
      skip: slice.skip,
      take: slice.take,
      tables,
      stop,
      reachable,
      probeEvery,
    }));
  }

  /** Expands the current level and, unless something stops the search, makes the next one current. */
  private async expandLevel(): Promise<void> {
    const cur = this.current;
    const tasks = this.chunkTasks();
    const stopFlag = new Int32Array(tasks[0]!.stop);
    let limited: LimitKind | undefined;
    let doneStates = 0;
    let doneGenerated = 0;
    let doneBytes = 0;
    // Phase A: expand every chunk, in runs of consecutive chunks; the first chunk with an event
    // cuts the level there.
    const results = await this.choice.expandRuns(cur.size, tasks, this.options.workers, (chunks, chunkResults) => {
      for (const result of chunkResults) {
        doneGenerated += result.generated;
        doneBytes += candidateBytes(result);
      }
      for (const task of chunks) doneStates += task.take;
      const stop = limited === undefined ? this.poll(this.dataBytes(doneBytes), doneGenerated, cur.size - doneStates) : undefined;
      if (stop?.kind === "limit") {
        limited = stop.limit;
        Atomics.store(stopFlag, 0, -1);
      }
    });
    if (limited !== undefined) {
      this.stop = { kind: "limit", limit: limited };
      return;
    }
    this.store.push(
      cur.starts,
      results.map((r) => r.parents),
      results.map((r) => r.parentBase),
    );
    let cut = results.length;
    for (const r of results) if (r.event !== undefined && r.chunk < cut) cut = r.chunk;
    const used = results.slice(0, Math.min(cut + 1, results.length));
    await this.merge(used, used[cut], tasks);
  }

  /** Phase B over the chunks kept (those up to the first event, `cutAt`); the winners become the next level. */
  private async merge(used: ExpandResult[], cutAt: ExpandResult | undefined, tasks: ExpandTask[]): Promise<void> {
    const flagOffsets: number[] = [];
    let total = 0;
    for (const r of used) {
      flagOffsets.push(total);
      total += r.candidates;
    }
    const arena = this.flagArenas[this.level & 1]!;
    arena.reset();
    const flags = arena.alloc(total, true);
    const winners = await this.insert(used, flags, flagOffsets);
    if (winners === undefined) {
      this.stop = { kind: "limit", limit: "memory" };
      return;
    }
    const found = winners.reduce((a, b) => a + b, 0);
    const room = this.maxStates - this.distinct;
    if (found > room) {
      this.stopAtStateLimit(used, winners, new Uint8Array(flags.buffer, flags.offset, flags.length), flagOffsets, room, tasks);
      return;
    }
    this.distinct += found;
    if (found > 0) this.levelsFound = this.level + 2;
    for (const r of used) this.count(r);
    const probes = used.reduce((a, r) => a + r.probes, 0);
    const hits = used.reduce((a, r) => a + r.probeHits, 0);
    if (probes >= PROBE_SAMPLE) this.probeEvery = hits < probes * PROBE_HIT_RATE ? PROBE_SAMPLE : 1;
    const event = cutAt?.event;
    if (event !== undefined) {
      const path = this.store.pathTo(this.level, event.rank);
      if (event.kind === "violation") this.stop = { kind: "violation", property: event.property, path: [...path, event.ordinal] };
      else if (event.kind === "deadlock") this.stop = { kind: "deadlock", path };
      else {
        const { code, message, actionId, emittedBefore } = event;
        this.stop = { kind: "error", error: new EvaluationError(code, message, actionId), path, emittedBefore };
      }
      return;
    }
    this.dataBytes(used.reduce((a, r) => a + candidateBytes(r), total));
    const sources = used.map((r, c) => ({
      origins: r.origins,
      originBase: tasks[c]!.firstRank,
      states: r.states,
      count: r.candidates,
      flagOffset: flagOffsets[c]!,
    }));
    this.current = { size: found, starts: chunkStarts(found), sources, flags, winners };
  }

  /** Phase B: returns the new states per chunk, or undefined when the seen-set could not grow. */
  private async insert(used: ExpandResult[], flags: Region, flagOffsets: number[]): Promise<number[] | undefined> {
    const otherBytes = this.dataBytes(0) - this.tableBytes();
    const maxPartitionBytes = Math.max(0, (this.memoryBytes - otherBytes) / PARTITIONS);
    const runner = this.choice.runnerFor(this.current.size);
    const groups = Math.max(1, Math.min(this.options.workers, PARTITIONS));
    return insertLevel(runner, groups, this.parts, used, flags, flagOffsets, maxPartitionBytes);
  }

  /** Stops at the first new state past `maxStates`, with explore()'s counts at that point. */
  private stopAtStateLimit(used: ExpandResult[], winners: number[], flags: Uint8Array, flagOffsets: number[], room: number, tasks: ExpandTask[]): void {
    const firstRanks = tasks.map((t) => t.firstRank);
    const at = locateStateLimit(used, firstRanks, winners, flags, flagOffsets, room);
    for (let c = 0; c < at.chunk; c++) this.count(used[c]!);
    const task = tasks[at.chunk]!;
    this.generated += recountUpTo(this.model, task, task.firstRank, at.rank, at.ordinal, this.coverage);
    if (this.reachable.some((i) => !this.reached[i])) at.forEachBefore(this.model.stateSize, (s) => this.model.checkReachable(s, this.reached));
    this.distinct = this.maxStates;
    if (room > 0) this.levelsFound = this.level + 2;
    this.stop = { kind: "limit", limit: "states" };
  }

  /** Adds a chunk's counters to the totals. */
  private count(r: ExpandResult): void {
    this.generated += r.generated;
    r.coverage.forEach((n, a) => (this.coverage[a]! += n));
    for (const i of r.reached) this.reached[i] = true;
  }

  private tableBytes(): number {
    let total = 0;
    for (const p of this.parts) total += p.buffer.byteLength;
    return total;
  }

  /** Bytes of the seen-set, the current level, the parent pages, plus `extra`; records the peak. */
  private dataBytes(extra: number): number {
    let bytes = this.tableBytes() + this.store.bytes + extra + this.current.flags.length;
    for (const source of this.current.sources) bytes += candidateBytes(source);
    this.peakBytes = Math.max(this.peakBytes, bytes);
    return bytes;
  }

  /** Polls the memory budget, the clock and `shouldStop`, and reports progress. */
  private poll(bytes: number, levelGenerated: number, queued = this.current.size): Stop | undefined {
    const now = performance.now();
    const { onProgress, shouldStop } = this.options;
    if (onProgress !== undefined && now - this.lastProgressAt >= PROGRESS_INTERVAL_MS) {
      this.lastProgressAt = now;
      const seconds = (now - this.startedAt) / 1000;
      onProgress({
        distinctStates: this.distinct,
        generatedStates: this.generated + levelGenerated,
        queuedStates: queued,
        level: this.level,
        seconds,
        statesPerSecond: seconds > 0 ? this.distinct / seconds : 0,
        memoryBytes: bytes,
        ...this.choice.activity(),
      });
    }
    if (bytes > this.memoryBytes) return { kind: "limit", limit: "memory" };
    if (now >= this.deadline) return { kind: "limit", limit: "time" };
    if (this.options.shouldStop?.() === true) return { kind: "limit", limit: "interrupted" };
    return undefined;
  }

  private finish(): CheckResult {
    const seconds = (performance.now() - this.startedAt) / 1000;
    this.dataBytes(0);
    const { model } = this;
    const base = {
      stats: {
        distinctStates: this.distinct,
        generatedStates: this.generated,
        depth: this.levelsFound,
        seconds,
        statesPerSecond: seconds > 0 ? this.distinct / seconds : 0,
        peakMemoryBytes: this.peakBytes,
      },
      coverage: model.actions.map((a, i) => ({ label: a.label, kind: a.kind, count: this.coverage[i]! })),
    };
    const unreached = this.reachable.filter((i) => !this.reached[i]).map((i) => model.properties[i]!.name);
    return summarize(model, this.stop, base, unreached);
  }
}

/** Bytes held by a chunk's candidates. */
function candidateBytes(r: CandidateSource | ExpandResult): number {
  return ("fingerprints" in r ? r.fingerprints.length : 0) + r.origins.length + r.states.length;
}
