#!/usr/bin/env node
// The faultline CLI: a shim over the compiled entry point (npm run build writes dist/).
// Faultline needs Node 22+; under an older `node` it re-runs itself with the pinned Node 24
// from node_modules (a dev dependency), or says plainly what is missing.
const major = Number(process.versions.node.split(".")[0]);
if (major >= 22) {
  // Node's compile cache first, for this process and its worker threads (src/util/compile-cache.ts).
  const { enableCompileCache } = await import("../dist/util/compile-cache.js");
  enableCompileCache();
  await import("../dist/cli/main.js");
} else {
  const { spawnSync } = await import("node:child_process");
  const { existsSync } = await import("node:fs");
  const { fileURLToPath } = await import("node:url");
  const pinned = fileURLToPath(new URL("../node_modules/node/bin/node", import.meta.url));
  if (existsSync(pinned)) {
    const r = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exitCode = r.status ?? 255;
  } else {
    process.stderr.write(`error: faultline needs Node 22 or newer, but this is Node ${process.versions.node}; run \`npm install\` (it brings Node 24) and use \`npx faultline\`\n`);
    process.exitCode = 255;
  }
}
