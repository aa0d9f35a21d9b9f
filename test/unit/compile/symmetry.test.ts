// Symmetry reduction: the symmetric model's count equals the number of orbits of the full state
// space, canonical forms are themselves reachable states, and canonicalization is idempotent.
// Checked on specs that put node ids everywhere: maps, sets, sequences, message fields,
// FIFO links, cut links, clock offsets and effect arguments.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource } from "../../helpers/compile-source.js";

type CompiledModel = ReturnType<typeof compileSource>;

/** All reachable states of a model (exact, keyed by content). */
function reachable(model: CompiledModel): Map<string, Int32Array> {
  const seen = new Map<string, Int32Array>();
  const queue: Int32Array[] = [];
  const visit = (s: Int32Array): void => {
    const key = s.join(",");
    if (seen.has(key)) return;
    seen.set(key, s.slice());
    queue.push(s.slice());
  };
  model.initialStates().forEach(visit);
  for (let i = 0; i < queue.length; i++) model.successors(queue[i]!, (_, next) => visit(next));
  return seen;
}

/** Checks the symmetric model of `source` against the full one; returns [full, symmetric] counts. */
function compare(source: string): [number, number] {
  const full = compileSource(source.replace(/ symmetric/g, ""));
  const symmetric = compileSource(source);
  const states = reachable(full);
  const orbits = new Set<string>();
  const canonical = new Int32Array(symmetric.stateSize);
  const again = new Int32Array(symmetric.stateSize);
  let unreachable = 0;
  let unstable = 0;
  for (const s of states.values()) {
    symmetric.canonicalize(s, canonical);
    const key = canonical.join(",");
    orbits.add(key);
    if (!states.has(key)) unreachable++;
    symmetric.canonicalize(canonical, again);
    if (again.join(",") !== key) unstable++;
  }
  expect({ unreachable, unstable }).toEqual({ unreachable: 0, unstable: 0 });
  const result = explore(symmetric);
  expect(result.stats.distinctStates).toBe(orbits.size);
  return [states.size, orbits.size];
}

const everywhere = `
const N = 3
message Hello { who: Server, n: 0..1 }
effect greet(a: Server, b: Server)
node Server[N] symmetric {
  var seen: map<Server, bool>
  var last: Server = self
  var friends: set<Server> = {}
  var log: seq<Server, 2> = []
  // reads \`now\`, so that Server nodes have clock offsets for skew to shift and symmetry to move
  action hello when not seen[self] and now >= 0 {
    seen[self] = true
    broadcast Hello { who: self, n: 1 }
  }
  on Hello(m) from s {
    seen[m.who] = true
    last = s
    friends = friends + {s}
    if len(log) < 2 { log = append(log, s) }
    effect greet(self, s)
  }
}
network ordered capacity 2
faults { cut <= 1  skew <= 1 }
end when true
`;

/** specs/leader-election.fl as of this writing, with capacity 12. */
const leaderElection = `
const N = 3
const MAX_TERM = 2
enum Role { Follower, Candidate, Leader }
type Term = 0..MAX_TERM
message RequestVote { term: Term }
message Vote { term: Term }
node Server[N] symmetric {
  var role: Role = Follower
  durable var term: Term = 0
  durable var votedFor: set<Server> = {}
  var votes: set<Server> = {}
  on timeout when role != Leader and term < MAX_TERM {
    term = term + 1
    role = Candidate
    votedFor = {self}
    votes = {self}
    broadcast RequestVote { term: term }
  }
  on RequestVote(m) from c when m.term > term {
    term = m.term
    role = Follower
    votedFor = {c}
    votes = {}
    send Vote { term: m.term } to c
  }
  on Vote(m) from v when role == Candidate and m.term == term {
    votes = votes + {v}
    if size(votes) * 2 > N {
      role = Leader
    }
  }
}
network unordered capacity 12
faults { drop <= 1  crash <= 1 }
invariant NoSplitBrain =
  forall a, b in Server: a.role == Leader and b.role == Leader and a.term == b.term implies a == b
reachable SomeLeader = exists s in Server: s.role == Leader
end when true
`;

describe("symmetry reduction", () => {
  it("matches the orbits when node ids appear in maps, sets, sequences, messages, links and clocks", () => {
    expect(compare(everywhere)).toEqual([54108, 9120]);
  });

  it("matches the orbits of TwoPhase with symmetric resource managers (K=3)", () => {
    const source = readFileSync(new URL("../../../specs/two-phase.fl", import.meta.url), "utf8");
    expect(compare(source.replace("node RM[K] {", "node RM[K] symmetric {"))).toEqual([288, 80]);
  });

  it("matches the orbits of a multiset network with crashes (leader election)", () => {
    const [full, reduced] = compare(leaderElection);
    expect(full).toBe(36436);
    expect(reduced).toBe(6117);
  });

  it("checks transition properties on the successor as computed, not its canonical form", () => {
    const source = `
      node S[2] symmetric {
        var x: 0..2 = 0
        action inc when x < 2 { x = x + 1 }
        action reset when x == 2 { x = 0 }
      }
      transition Monotone = forall s in S: s.x' >= s.x or s.x' == 0
      end when true
    `;
    const result = explore(compileSource(source));
    expect(result.outcome).toBe("ok");
    expect(result.stats.distinctStates).toBe(6);
  });

  it("matches the orbits with partitions and a duplicating network", () => {
    const source = `
      message Ping { n: 0..1 }
      node P[3] symmetric {
        var got: set<P> = {}
        action ping when size(got) == 0 { broadcast Ping { n: 1 } }
        on Ping from q { got = got + {q} }
      }
      network unordered duplicating
      faults { partition <= 1  drop <= 1 }
      end when true
    `;
    const [full, reduced] = compare(source);
    expect(reduced).toBeLessThan(full);
  });
});
