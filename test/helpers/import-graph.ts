// Follows a module's static value imports through src/ (as tsc leaves them in dist/), for tests
// that keep slow modules off a start-up path.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src");

/** Every module `entry` (a path under src/) loads, as paths under src/, and the packages they import. */
export function importGraph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(SRC, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    // Value imports only: `import type` and `export type` are erased by tsc; `import()` is not static.
    const source = readFileSync(file, "utf8");
    for (const [, spec] of source.matchAll(/^(?:import|export)(?! type)[^;]*?from "([^"]+)";/gms)) {
      if (!spec!.startsWith(".")) {
        packages.add(spec!);
        continue;
      }
      const base = join(dirname(file), spec!.replace(/\.js$/, ""));
      pending.push(existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.tsx`);
    }
  }
  return { modules: [...modules].map((m) => relative(SRC, m)), packages: [...packages] };
}
