// The files generated from the parser must match what the generators produce now: when this
// fails, run `npm run gen:grammar` and review the diff.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { generateGrammarArtifacts } from "../../src/syntax/grammar-artifacts.js";
import { KEYWORDS } from "../../src/syntax/tokens.js";

const ROOT = join(import.meta.dirname, "..", "..");
const artifacts = generateGrammarArtifacts();

describe("grammar files", () => {
  it("are the four expected files", () => {
    expect(artifacts.map((a) => a.path)).toEqual([
      "grammar/productions.json",
      "grammar/diagrams.html",
      "src/syntax/cst.generated.ts",
      "grammar/faultline.tmLanguage.json",
    ]);
  });

  for (const { path, content } of artifacts) {
    it(`${path} is up to date (else run \`npm run gen:grammar\`)`, () => {
      expect(readFileSync(join(ROOT, path), "utf8")).toBe(content);
    });
  }

  it("are deterministic", () => {
    expect(generateGrammarArtifacts()).toEqual(artifacts);
  });

  it("colour every reserved word in the editor grammar", () => {
    const grammar = artifacts.find((a) => a.path.endsWith(".tmLanguage.json"))!.content;
    const keywordPatterns = (JSON.parse(grammar) as { repository: { keywords: { patterns: { match: string }[] } } })
      .repository.keywords.patterns.map((p) => new RegExp(p.match));
    for (const word of KEYWORDS) expect(keywordPatterns.some((re) => re.test(word))).toBe(true);
    expect(keywordPatterns.some((re) => re.test("server"))).toBe(false);
  });

  it("document every reserved word in grammar/README.md", () => {
    const readme = readFileSync(join(ROOT, "grammar", "README.md"), "utf8");
    for (const word of KEYWORDS) expect(readme).toContain(`\`${word}\``);
  });

  it("show examples that parse in grammar/README.md", () => {
    const readme = readFileSync(join(ROOT, "grammar", "README.md"), "utf8");
    const examples = [...readme.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect(parse(example, "README.md").diagnostics).toEqual([]);
  });
});
