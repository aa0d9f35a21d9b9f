import { describe, expect, it } from "vitest";
import { makeDiagnostic } from "../../../src/diagnostics/diagnostic.js";
import { renderDiagnostic } from "../../../src/diagnostics/render.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";

describe("SourceFile", () => {
  it("maps offsets to 1-based lines and columns across \\n, \\r\\n and \\r", () => {
    const file = new SourceFile("a.fl", "ab\ncd\r\nef\rgh");
    expect(file.position(0)).toEqual({ line: 1, column: 1 });
    expect(file.position(3)).toEqual({ line: 2, column: 1 });
    expect(file.position(7)).toEqual({ line: 3, column: 1 });
    expect(file.position(10)).toEqual({ line: 4, column: 1 });
    expect(file.lineText(2)).toBe("cd");
    expect(file.lineCount).toBe(4);
  });

  it("clamps offsets outside the file", () => {
    const file = new SourceFile("a.fl", "ab\ncd");
    expect(file.position(-5)).toEqual({ line: 1, column: 1 });
    expect(file.position(99)).toEqual({ line: 2, column: 3 });
  });
});

describe("renderDiagnostic", () => {
  const file = new SourceFile("specs/raft.fl", "node A {\n  when leader == self\n}\n");
  const lookup = (name: string) => (name === file.name ? file : undefined);

  it("prints the code, the location, the line and a caret under the span", () => {
    const start = file.text.indexOf("leader");
    const d = makeDiagnostic("FL2001", { file: file.name, start, end: start + 6 }, { name: "leader" }, [
      { message: "did you mean `leaders`?" },
    ]);
    expect(renderDiagnostic(d, lookup)).toBe(
      [
        "error[FL2001]: unknown name `leader`",
        " --> specs/raft.fl:2:8",
        "  |",
        "2 |   when leader == self",
        "  |        ^^^^^^",
        "  = note: did you mean `leaders`?",
      ].join("\n"),
    );
  });

  it("underlines only the first line of a multi-line span, and at least one column", () => {
    const d = makeDiagnostic("FL1003", { file: file.name, start: 0, end: file.text.length }, { expected: "`}`" });
    expect(renderDiagnostic(d, lookup).split("\n")[4]).toBe("  | ^^^^^^^^");
    const empty = makeDiagnostic("FL1003", { file: file.name, start: 2, end: 2 }, { expected: "`}`" });
    expect(renderDiagnostic(empty, lookup).split("\n")[4]).toBe("  |   ^");
  });

  it("renders diagnostics without a span as a single line plus notes", () => {
    const d = makeDiagnostic("FL0003", undefined, { path: "nope.fl" });
    expect(renderDiagnostic(d, lookup)).toBe("error[FL0003]: no such file or folder: nope.fl");
  });
});
