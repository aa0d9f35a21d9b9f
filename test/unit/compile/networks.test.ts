// The three network kinds, with state counts computed by hand: a FIFO delivers in send order, a
// multiset in any order, a set keeps delivered messages (they can be received again). Sending
// past capacity is an evaluation error (FL5003).

import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource, wideState } from "../../helpers/compile-source.js";

/** A sends M{v: 0} then M{v: 1} to B, which appends each value it receives to a log. */
const sequence = (network: string): string => `
message M { v: 0..1 }
node A {
  var k: 0..2 = 0
  action go when k < 2 {
    send M { v: k } to B
    k = k + 1
  }
}
node B {
  var log: seq<0..1, 2> = []
  on M(m) when len(log) < 2 {
    log = append(log, m.v)
  }
}
network ${network}
end when true
`;

/** A sends two Pings to B, which counts them. */
const pings = (network: string): string => `
message Ping
node A {
  var sent: 0..2 = 0
  action ping when sent < 2 {
    sent = sent + 1
    send Ping to B
  }
}
node B {
  var got: 0..2 = 0
  on Ping when got < 2 {
    got = got + 1
  }
}
network ${network}
end when true
`;

function count(source: string): number {
  const result = explore(compileSource(source));
  expect(result.outcome).toBe("ok");
  return result.stats.distinctStates;
}

describe("network kinds", () => {
  it("ordered: B's log is always a prefix of [0, 1] (6 states)", () => {
    expect(count(sequence("ordered"))).toBe(6);
  });

  it("unordered: B may receive 1 before 0 (8 states)", () => {
    expect(count(sequence("unordered"))).toBe(8);
  });

  it("unordered duplicating: delivered messages stay and may be received again (11 states)", () => {
    expect(count(sequence("unordered duplicating"))).toBe(11);
  });

  it("counts identical messages in a multiset and a FIFO, but not in a set", () => {
    expect(count(pings("unordered"))).toBe(6);
    expect(count(pings("ordered"))).toBe(6);
    expect(count(pings("unordered duplicating"))).toBe(7);
  });

  it("keeps a multiset sorted and padded, whatever the delivery order", () => {
    const model = compileSource(sequence("unordered capacity 3"));
    const net = model.layout.network;
    const s0 = model.initialStates()[0]!;
    expect([...wideState(model, s0).subarray(net.base, net.base + 3)]).toEqual([-1, -1, -1]);
    const after: Int32Array[] = [];
    model.successors(s0, (_, next) => after.push(next.slice()));
    const s1 = after[0]!;
    model.successors(s1, (_, next) => after.push(next.slice()));
    const s2 = after.find((s) => wideState(model, s)[model.layout.families[0]!.base] === 2)!;
    const codes = [...wideState(model, s2).subarray(net.base, net.base + 3)];
    expect(codes[2]).toBe(-1);
    expect(codes[0]!).toBeLessThan(codes[1]!);
    expect(model.decode(s2)["network"]).toEqual(["M{v: 0} A->B", "M{v: 1} A->B"]);
  });

  it("reports FL5003 when a send exceeds the capacity", () => {
    for (const network of ["ordered capacity 1", "unordered capacity 1"]) {
      const result = explore(compileSource(pings(network)));
      expect(result.outcome).toBe("error");
      expect(result.outcome === "error" && result.error.code).toBe("FL5003");
      expect(result.outcome === "error" && result.error.action).toBe("A.ping");
    }
  });

  it("does not deliver to a node that is down; a cut link loses its messages, even from a set", () => {
    const source = `
      message Ping
      node A { action ping { send Ping to B } }
      node B { var got: bool = false  on Ping { got = true } }
      network unordered duplicating
      faults { crash <= 1  cut <= 1 }
      end when true
    `;
    const model = compileSource(source);
    const labels = (s: Int32Array): string[] => {
      const out: string[] = [];
      model.successors(s, (id) => out.push(model.actions[id]!.label));
      return out;
    };
    const next = (s: Int32Array, label: string): Int32Array => {
      let found: Int32Array | undefined;
      model.successors(s, (id, n) => {
        if (!found && model.actions[id]!.label === label) found = n.slice();
      });
      return found!;
    };
    const sent = next(model.initialStates()[0]!, "A.ping");
    expect(labels(sent)).toContain("B.on Ping");
    const crashed = nextWhere(model, sent, "B crashes");
    expect(labels(crashed)).not.toContain("B.on Ping");
    const cut = nextWhere(model, sent, "link A->B cut (1 message in flight lost)");
    expect(labels(cut)).not.toContain("B.on Ping");
    expect(labels(nextWhere(model, cut, "all links healed"))).not.toContain("B.on Ping");
  });
});

/** The successor of `s` whose description is `text`. */
function nextWhere(model: ReturnType<typeof compileSource>, s: Int32Array, text: string): Int32Array {
  const states: Int32Array[] = [];
  model.successors(s, (_, n) => states.push(n.slice()));
  const index = states.findIndex((_, k) => model.describeStep(s, k).text === text);
  if (index < 0) throw new Error(`no step \`${text}\``);
  return states[index]!;
}
