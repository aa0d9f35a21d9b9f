// Exit codes of the faultline CLI: stable, documented in the README, and relied on by CI.
// Classes follow TLC's (tlc2/output/EC.java ExitStatus): one code per kind of outcome.

export const ExitCode = {
  /** Every property holds and the state space was exhausted. */
  Ok: 0,
  /** An invariant, transition, atmostonce or nolostwrites property was violated. */
  Violation: 10,
  /** A state with no enabled step that is not a declared end state. */
  Deadlock: 11,
  /** A `reachable` property was never reached in an exhaustive search. */
  Unreached: 12,
  /** A step failed to evaluate (out-of-range value, division by zero, network over capacity). */
  EvaluationError: 75,
  /** Interrupted (Ctrl-C): partial results were printed. */
  Interrupted: 130,
  /** The spec has errors (syntax, names, types, compile limits) or is not a readable text file. */
  SpecError: 150,
  /** The command line is wrong: unknown flag, bad value, missing path. */
  UsageError: 151,
  /** A limit (states, depth, time, memory) was hit before the space was exhausted. */
  LimitHit: 152,
  /** A bug in Faultline. */
  InternalError: 255,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Combines the exit codes of several specs into one: the most severe wins, in this order:
 * internal > usage > spec error > evaluation error > violation > deadlock > unreached > limit >
 * interrupted > ok.
 */
export function worstExitCode(codes: readonly ExitCode[]): ExitCode {
  const order: readonly ExitCode[] = [
    ExitCode.InternalError,
    ExitCode.UsageError,
    ExitCode.SpecError,
    ExitCode.EvaluationError,
    ExitCode.Violation,
    ExitCode.Deadlock,
    ExitCode.Unreached,
    ExitCode.LimitHit,
    ExitCode.Interrupted,
  ];
  for (const code of order) if (codes.includes(code)) return code;
  return ExitCode.Ok;
}
