// Expectations for spec pairs 8-14 (quorums, retries, failover, re-sharding, cascades, queues,
// registers in a partition): each naive spec's violation and each fix's exhaustive state count.

import type { SpecExpectation } from "./expectations.js";

/** Pairs 8-14 of the spec library, naive version first, plus two constant variants. */
export const PAIRS_B: readonly SpecExpectation[] = [
  { file: "specs/quorum-overlap-missing.fl", outcome: "violation", property: "kv", traceSteps: 5, distinctStates: 45 },
  { file: "specs/quorum-overlap.fl", outcome: "ok", distinctStates: 10416 },
  { file: "specs/retry-storm.fl", outcome: "violation", property: "WithinRetryBudget", traceSteps: 13, distinctStates: 14 },
  {
    file: "specs/retry-storm.fl",
    constants: { RETRY_BUDGET: "26" },
    outcome: "violation",
    property: "WithinRetryBudget",
    traceSteps: 77,
    distinctStates: 78,
  },
  { file: "specs/retry-budget.fl", outcome: "ok", distinctStates: 22 },
  { file: "specs/failover-no-fencing.fl", outcome: "violation", property: "kv", traceSteps: 9, distinctStates: 99 },
  { file: "specs/failover-epoch.fl", outcome: "ok", distinctStates: 108 },
  { file: "specs/resharding-lost-write.fl", outcome: "violation", property: "kv", traceSteps: 7, distinctStates: 21 },
  { file: "specs/resharding-epoch.fl", outcome: "ok", distinctStates: 22 },
  { file: "specs/cascading-failure.fl", outcome: "violation", property: "NoErrorToClient", traceSteps: 8, distinctStates: 18 },
  { file: "specs/circuit-breaker.fl", outcome: "ok", distinctStates: 114 },
  { file: "specs/partition-queue.fl", outcome: "violation", property: "NoLostOrder", traceSteps: 3, distinctStates: 22 },
  {
    file: "specs/partition-queue.fl",
    constants: { CRASHES: "0" },
    outcome: "violation",
    property: "ship",
    traceSteps: 5,
    distinctStates: 35,
  },
  { file: "specs/partition-queue-durable.fl", outcome: "ok", distinctStates: 1372 },
  { file: "specs/register-available.fl", outcome: "violation", property: "NoConflictingAcks", traceSteps: 6, distinctStates: 656 },
  { file: "specs/register-consistent.fl", outcome: "ok", distinctStates: 34037 },
];
