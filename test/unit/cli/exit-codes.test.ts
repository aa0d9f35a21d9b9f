import { describe, expect, it } from "vitest";
import { ExitCode, worstExitCode } from "../../../src/cli/exit-codes.js";

describe("exit codes", () => {
  it("are distinct", () => {
    const values = Object.values(ExitCode);
    expect(new Set(values).size).toBe(values.length);
  });

  it("combine to the most severe", () => {
    expect(worstExitCode([])).toBe(ExitCode.Ok);
    expect(worstExitCode([ExitCode.Ok, ExitCode.LimitHit])).toBe(ExitCode.LimitHit);
    expect(worstExitCode([ExitCode.Deadlock, ExitCode.Violation])).toBe(ExitCode.Violation);
    expect(worstExitCode([ExitCode.Violation, ExitCode.SpecError])).toBe(ExitCode.SpecError);
    expect(worstExitCode([ExitCode.SpecError, ExitCode.InternalError])).toBe(ExitCode.InternalError);
  });
});
