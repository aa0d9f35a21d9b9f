// ink and react take ~370 ms to load: most of the start of a `faultline check` without a terminal
// (a CI job's). The CLI loads them only for the live view and `faultline explore`; this follows
// the CLI entry's static imports and fails when one of them reaches ink, react or the TUI again.

import { describe, expect, it } from "vitest";
import { importGraph } from "../../helpers/import-graph.js";

describe("the CLI's start-up imports", () => {
  it("leave out ink, react and the terminal UI", () => {
    const { modules, packages } = importGraph("cli/main.ts");
    expect(modules).toContain("cli/run-check.ts");
    expect(modules).toContain("report/text.ts");
    expect(modules.filter((m) => m.startsWith("report/tui/") || m === "cli/run-explore.tsx")).toEqual([]);
    expect(packages).not.toContain("ink");
    expect(packages).not.toContain("react");
  });

  it("follow .tsx modules (so the check above sees the TUI when it is imported)", () => {
    const { modules, packages } = importGraph("cli/run-explore.tsx");
    expect(modules).toContain("report/tui/explorer.tsx");
    expect(packages).toContain("ink");
  });
});
