// Golden compile diagnostics: every `.fl` under test/golden/compile/ parses and checks cleanly,
// and compiling it gives the diagnostics in the sibling `.errors.txt` (update with `vitest -u`,
// then review the diff). Every FL4xxx code of the catalog has a fixture here.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check/index.js";
import { compile } from "../../src/compile/index.js";
import { CODES } from "../../src/diagnostics/codes.js";
import { renderDiagnostics } from "../../src/diagnostics/render.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { parse } from "../../src/syntax/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FOLDER = "test/golden/compile";
const fixtures = readdirSync(join(ROOT, FOLDER))
  .filter((f) => f.endsWith(".fl"))
  .sort();

describe(FOLDER, () => {
  for (const name of fixtures) {
    it(name, async () => {
      const path = `${FOLDER}/${name}`;
      const text = readFileSync(join(ROOT, path), "utf8");
      const parsed = parse(text, path);
      expect(parsed.diagnostics).toEqual([]);
      const checked = check(parsed.ast!);
      expect(checked.diagnostics).toEqual([]);
      const { model, diagnostics } = compile(checked.checked!);
      expect(model).toBeUndefined();
      const source = new SourceFile(path, text);
      const rendered = `${renderDiagnostics(diagnostics, (f) => (f === path ? source : undefined))}\n`;
      await expect(rendered).toMatchFileSnapshot(join(ROOT, path.replace(/\.fl$/, ".errors.txt")));
      expect(diagnostics[0]?.code).toBe(/^(FL\d{4})-/.exec(name)?.[1]);
    });
  }

  it("covers every compile code (FL4xxx)", () => {
    const covered = new Set(fixtures.map((f) => /^(FL\d{4})-/.exec(f)?.[1]));
    expect(Object.keys(CODES).filter((c) => /^FL4\d{3}$/.test(c) && !covered.has(c))).toEqual([]);
  });
});
