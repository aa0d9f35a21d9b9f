// Constants: evaluation in order, `--const` overrides (applied before dependents), FL0008/FL0009.

import { describe, expect, it } from "vitest";
import { typeToString } from "../../../src/check/types.js";
import { checkText } from "../../helpers/check-text.js";

const spec = "const N = 3\nconst MAX = N + 1\nconst ON = MAX > 3 and true\nnode S[N] { var c: 0..MAX = 0 }";

describe("constants", () => {
  it("evaluates constants in order, with arithmetic, logic and built-ins", () => {
    const result = checkText(`${spec}\nconst M = min(abs(-7), max(N, 2)) * 2 % 5\nconst B = if ON then 1 else 2`);
    expect([...result.checked!.constants]).toEqual([
      ["N", 3],
      ["MAX", 4],
      ["ON", true],
      ["M", 1],
      ["B", 1],
    ]);
  });

  it("applies an override before evaluating the constants that depend on it", () => {
    const result = checkText(spec, { N: "5" });
    expect(result.diagnostics).toEqual([]);
    expect([...result.checked!.constants]).toEqual([
      ["N", 5],
      ["MAX", 6],
      ["ON", true],
    ]);
    expect(result.checked!.families[0]!.count).toBe(5);
    expect(typeToString(result.checked!.families[0]!.vars[0]!.type)).toBe("0..6");
  });

  it("accepts boolean and negative overrides of the right type", () => {
    const result = checkText("const F = false\nconst L = 0\nvar x: L..3", { F: "true", L: "-2" });
    expect(result.diagnostics).toEqual([]);
    expect(result.checked!.constants.get("F")).toBe(true);
    expect(typeToString(result.checked!.specVars[0]!.type)).toBe("-2..3");
  });

  it("FL0008: an override of an undeclared constant, with no span and a note", () => {
    const result = checkText(spec, { M: "4" });
    expect(result.codes).toEqual(["FL0008"]);
    expect(result.diagnostics[0]!.span).toBeUndefined();
    expect(result.diagnostics[0]!.notes?.[0]?.message).toContain("`N`");
  });

  it("FL0009: a value that is not a literal, or not of the constant's type", () => {
    for (const value of ["abc", "true", "1.5", "", "99999999999"]) {
      const result = checkText(spec, { N: value });
      expect(result.codes, value).toEqual(["FL0009"]);
      expect(result.diagnostics[0]!.span).toBeUndefined();
      const note = result.diagnostics[0]!.notes?.[0]?.span;
      expect(note && result.text.slice(note.start, note.end)).toBe("N");
    }
    expect(checkText(spec, { ON: "1" }).codes).toEqual(["FL0009"]);
  });

  it("FL3004: an override that makes a bound empty is reported where the bound is used", () => {
    const result = checkText(spec, { N: "0" });
    expect(result.codes).toEqual(["FL3004"]);
    expect(result.spanText(result.diagnostics[0])).toBe("N");
  });

  it("FL3001: a constant must be an int or a bool", () => {
    const result = checkText("enum E { A }\nconst C = A\nvar x: bool");
    expect(result.codes).toEqual(["FL3001"]);
    expect(result.spanText(result.diagnostics[0])).toBe("A");
  });
});
