// Golden diagnostics: every `.fl` under test/golden/syntax/ and test/golden/check/ is parsed and,
// when its syntax is clean, checked; the rendered diagnostics must equal the sibling
// `.errors.txt` (update with `vitest -u`, then review the diff). A sibling `.const` file holds
// `NAME=VALUE` lines passed as `--const` overrides.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check/index.js";
import { CODES } from "../../src/diagnostics/codes.js";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { renderDiagnostics } from "../../src/diagnostics/render.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { parse } from "../../src/syntax/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FOLDERS = ["test/golden/syntax", "test/golden/check"];

function fixtures(folder: string): string[] {
  const abs = join(ROOT, folder);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(".fl"))
    .sort()
    .map((f) => `${folder}/${f}`);
}

function readConstants(path: string): Record<string, string> {
  const file = join(ROOT, path.replace(/\.fl$/, ".const"));
  if (!existsSync(file)) return {};
  const constants: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const eq = line.indexOf("=");
    if (line.trim() === "" || eq < 0) continue;
    constants[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return constants;
}

/** Parse, then check when the syntax is clean: the diagnostics a user would see. */
function diagnose(path: string, text: string): Diagnostic[] {
  const parsed = parse(text, path);
  if (!parsed.ast || hasErrors(parsed.diagnostics)) return parsed.diagnostics;
  return [...parsed.diagnostics, ...check(parsed.ast, { constants: readConstants(path) }).diagnostics];
}

for (const folder of FOLDERS.filter((f) => fixtures(f).length > 0)) {
  describe(folder, () => {
    for (const path of fixtures(folder)) {
      const name = path.slice(folder.length + 1);
      it(name, async () => {
        const text = readFileSync(join(ROOT, path), "utf8");
        const diagnostics = diagnose(path, text);
        const source = new SourceFile(path, text);
        const rendered = `${renderDiagnostics(diagnostics, (f) => (f === path ? source : undefined))}\n`;
        await expect(rendered).toMatchFileSnapshot(join(ROOT, path.replace(/\.fl$/, ".errors.txt")));
        const code = /^(FL\d{4})-/.exec(name)?.[1];
        if (code) expect(diagnostics[0]?.code).toBe(code);
      });
    }
  });
}

describe("catalog coverage", () => {
  it("every name and type code (FL2xxx, FL3xxx) and FL0008/FL0009 has a fixture in test/golden/check", () => {
    const covered = new Set(fixtures("test/golden/check").map((p) => /\/(FL\d{4})-/.exec(p)?.[1]));
    const wanted = Object.keys(CODES).filter((c) => /^FL[23]\d{3}$/.test(c) || c === "FL0008" || c === "FL0009");
    expect(wanted.filter((c) => !covered.has(c))).toEqual([]);
  });
});
