// Help texts of the CLI. Kept beside the options they describe; the README repeats them.

export const HELP_MAIN = `faultline: a model checker for distributed systems

Usage:
  faultline check <files or folders> [options]   check specs (folders are searched for *.fl)
  faultline check --help                          options of check
  faultline explore <file> [--const NAME=VALUE]   step through a spec's states by hand (a terminal)
  faultline merge <report.json>... [options]      merge the JSON reports of --random --shard runs
  faultline --version

Exit codes:
  0    every property holds (exhaustive)      75   a step failed to evaluate
  10   a property is violated                 130  interrupted
  11   deadlock                               150  the spec has errors
  12   a reachable property is never reached  151  usage error (flags, paths)
  152  a limit was hit before the search was exhaustive
  255  internal error (a bug in Faultline)

Docs: README.md and grammar/README.md (the language reference).
`;

export const HELP_CHECK = `Usage: faultline check <files or folders> [options]

Checks every spec: parse, check names and types, compile, then search every interleaving
breadth-first under the declared faults. A violation prints the shortest trace and a replay line.

Options:
  --const NAME=VALUE   override a constant (repeatable), e.g. --const N=5
  --max-states N       stop after N distinct states (outcome: limit hit)
  --depth N            explore at most N steps from the initial states (outcome: limit hit)
  --time SECONDS       stop after this many seconds (outcome: limit hit)
  --memory MB          cap the memory of the state store (outcome: limit hit)
  --workers N          worker threads for the search (default: the number of cores); any N
                       gives the same counts and the same counterexample
  --replay TOKEN       replay one trace (from a replay line) instead of searching
  --format FORMAT      text (default), json, junit, sarif or itf (a trace per failing spec)
  -o, --output FILE    write the report to FILE (atomically: written whole, then renamed)
  --plain              plain text even on a terminal (no live view, no trace viewer)
  --color, --no-color  force colours on or off (default: on for terminals, off when NO_COLOR is set)

Random search (for spaces too large to exhaust; never reports "ok"):
  --random             seeded random walks instead of the exhaustive search; a violation is
                       shrunk to a short trace with a replay line
  --seed S             the seed (decimal or 0x hex); the same seed finds the same walks anywhere
  --walks N            walks to run (default 10,000; unbounded with --time)
  --walk-depth D       steps per walk at most (default 100)
  --shard I/N          run only the walks w with w mod N = I (0 <= I < N): N processes with the
                       same seed share one search
  -h, --help           show this help
`;

export const HELP_MERGE = `Usage: faultline merge <report.json>... [options]

Merges the \`--format json\` reports of the N shards of one random search (\`check --random
--seed S --shard I/N\`, run as N processes or CI jobs) into one report: walks, steps and coverage
summed, the failure of the lowest-numbered failing walk (the one an unsharded search reports)
with its shrunk trace and replay line. Every spec must have the reports of shards 0..N-1.
The exit code is the merged outcome's, as for check.

Options:
  --format FORMAT      text (default), json, junit, sarif or itf
  -o, --output FILE    write the report to FILE (atomically)
  --plain              plain text even on a terminal (no trace viewer)
  --color, --no-color  force colours on or off
  -h, --help           show this help
`;

export const HELP_EXPLORE = `Usage: faultline explore <file> [--const NAME=VALUE]...

Steps through one spec's state space by hand, in the terminal: shows the current state by node,
the properties it violates (or deadlock), and the numbered steps enabled in it (deliveries,
timers, actions, and the declared faults and clock ticks, marked [fault] and [tick]). The run so
far is shown as a replay line (faultline check <file> --replay TOKEN) to share or re-run.

Keys:
  ↑/↓, j/k             select a step
  Enter, 1-9           take the selected step, or step 1-9
  u, Backspace         undo the last step
  r                    restart from the initial state
  q, Esc               quit

Options:
  --const NAME=VALUE   override a constant (repeatable), e.g. --const N=2
  -h, --help           show this help

Needs a terminal on stdin and stdout; in scripts use \`faultline check\`.
`;
