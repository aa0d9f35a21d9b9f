// Writes the files generated from the parser (grammar/productions.json, grammar/diagrams.html,
// grammar/faultline.tmLanguage.json, src/syntax/cst.generated.ts). Run `npm run gen:grammar`,
// which builds dist/ first; test/unit/grammar.test.ts fails when these files are stale.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateGrammarArtifacts } from "../dist/syntax/grammar-artifacts.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
for (const file of generateGrammarArtifacts()) {
  const target = join(root, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(`wrote ${file.path}`);
}
