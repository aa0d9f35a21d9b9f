// Node's on-disk compile cache (V8 code cache for the modules this process loads), turned on by
// the CLI before it loads the rest of Faultline, and handed to the worker threads through
// NODE_COMPILE_CACHE, which each thread reads when it starts. A thread of the parallel BFS then
// loads its ~65 modules in ~35-45 ms instead of ~55-65 ms (measured with a Worker importing
// dist/explore/worker.js), and both threads boot while explore() runs on the third thread of a
// two-core machine, where every millisecond of their start is taken from the search.
//
// Node skips it when NODE_DISABLE_COMPILE_CACHE is set, and it never throws: the cache is an
// optimization, so a directory that cannot be written only means no cache.

import * as nodeModule from "node:module";

/** What enabling answered: the directory in use, or undefined when there is no cache. */
export interface CompileCacheState {
  readonly directory: string | undefined;
}

interface CompileCacheApi {
  enableCompileCache?: () => { status: number; directory?: string };
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
}

/**
 * Turns on the compile cache for this process (Node's default directory unless
 * NODE_COMPILE_CACHE names one) and sets NODE_COMPILE_CACHE so that worker threads started
 * afterwards use the same directory.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env, api: CompileCacheApi = nodeModule as CompileCacheApi): CompileCacheState {
  const statuses = api.constants?.compileCacheStatus;
  if (typeof api.enableCompileCache !== "function" || statuses === undefined) return { directory: undefined };
  const result = api.enableCompileCache();
  const on = result.status === statuses.ENABLED || result.status === statuses.ALREADY_ENABLED;
  if (!on || result.directory === undefined) return { directory: undefined };
  env["NODE_COMPILE_CACHE"] ??= result.directory;
  return { directory: result.directory };
}
