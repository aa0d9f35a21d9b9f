#!/usr/bin/env node
// The faultline CLI: a shim over the compiled entry point (npm run build writes dist/).
import "../dist/cli/main.js";
