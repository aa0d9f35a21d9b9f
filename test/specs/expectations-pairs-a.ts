// Expected verdicts of spec pairs 2-7 (stale leader, LWW under clock skew, duplicate charge,
// retry double charge, 2PC coordinator crash, dual write): each naive spec and its fix.

import type { SpecExpectation } from "./expectations.js";

/** Naive specs fail with their shortest trace; fixes hold exhaustively under the same faults. */
export const PAIRS_A: readonly SpecExpectation[] = [
  { file: "specs/stale-leader.fl", outcome: "violation", property: "NoStaleWrite", traceSteps: 9, distinctStates: 76 },
  { file: "specs/stale-leader-fencing.fl", outcome: "ok", distinctStates: 89 },
  { file: "specs/lww-clock-skew.fl", outcome: "violation", property: "kv", traceSteps: 12, distinctStates: 678 },
  { file: "specs/lww-hybrid-clock.fl", outcome: "ok", distinctStates: 1818 },
  { file: "specs/duplicate-charge.fl", outcome: "violation", property: "charge", traceSteps: 6, distinctStates: 60 },
  { file: "specs/duplicate-charge-idempotent.fl", outcome: "ok", distinctStates: 56 },
  { file: "specs/retry-double-charge.fl", outcome: "violation", property: "charge", traceSteps: 4, distinctStates: 13 },
  { file: "specs/retry-idempotency-key.fl", outcome: "ok", distinctStates: 270 },
  { file: "specs/2pc-coordinator-crash.fl", outcome: "deadlock", property: "deadlock", traceSteps: 7, distinctStates: 724 },
  { file: "specs/saga-compensation.fl", outcome: "ok", distinctStates: 55 },
  { file: "specs/dual-write.fl", outcome: "violation", property: "NoLostEvent", traceSteps: 3, distinctStates: 22 },
  { file: "specs/transactional-outbox.fl", outcome: "ok", distinctStates: 356 },
];
