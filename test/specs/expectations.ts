// What every spec in specs/ must give: outcome, violated property, shortest trace length and
// distinct-state count. test/specs.test.ts checks each entry and that no spec is missing.

export interface SpecExpectation {
  /** Path relative to the repository root. */
  readonly file: string;
  readonly constants?: Readonly<Record<string, string>>;
  readonly outcome: "ok" | "violation" | "deadlock" | "unreached" | "error";
  /** The violated property (or `deadlock`). */
  readonly property?: string;
  /** Steps in the shortest counterexample. */
  readonly traceSteps?: number;
  /** Distinct states when the search ended (exhaustive for `ok`). */
  readonly distinctStates: number;
}

export const CORE_SPECS: readonly SpecExpectation[] = [
  // Lamport's TwoPhase: the counts TLC and SPIN give for K = 3..7 resource managers.
  { file: "specs/two-phase.fl", outcome: "ok", distinctStates: 288 },
  { file: "specs/two-phase.fl", constants: { K: "4" }, outcome: "ok", distinctStates: 1_568 },
  { file: "specs/two-phase.fl", constants: { K: "5" }, outcome: "ok", distinctStates: 8_832 },
  { file: "specs/two-phase.fl", constants: { K: "6" }, outcome: "ok", distinctStates: 50_816 },
  { file: "specs/two-phase.fl", constants: { K: "7" }, outcome: "ok", distinctStates: 296_448 },
  // Pair 1: leader election without a quorum, and with one.
  { file: "specs/split-brain.fl", outcome: "violation", property: "NoSplitBrain", traceSteps: 6, distinctStates: 164 },
  { file: "specs/leader-election.fl", outcome: "ok", distinctStates: 75_374 },
];
