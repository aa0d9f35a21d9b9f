// Properties: invariants, reachables, transition properties with primes, atmostonce over effect
// counts, nolostwrites over acknowledged versions, and deadlock with `end when`.

import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource } from "../../helpers/compile-source.js";

const counter = (props: string): string => `
node C[2] {
  var x: 0..3 = 0
  action inc when x < 3 { x = x + 1 }
  action reset when x == 3 { x = 0 }
}
${props}
end when true
`;

describe("properties", () => {
  it("lists properties in declaration order, then deadlock when it is checked", () => {
    const model = compileSource(`
      node C { var x: 0..1 = 0  action inc when x < 1 { x = x + 1 } }
      reachable One = C.x == 1
      invariant Small = C.x <= 1
    `);
    expect(model.properties).toEqual([
      { name: "One", kind: "reachable" },
      { name: "Small", kind: "invariant" },
      { name: "deadlock", kind: "deadlock" },
    ]);
    const result = explore(model);
    expect(result.outcome).toBe("deadlock");
    expect(result.outcome === "deadlock" && result.violation.path).toEqual([0, 0]);
  });

  it("checks invariants with quantifiers and reports the first failing one", () => {
    const model = compileSource(counter("invariant Fine = true\ninvariant NotBoth3 = not (forall c in C: c.x == 3)"));
    const result = explore(model);
    expect(result.outcome === "violation" && result.violation.property).toBe("NotBoth3");
    expect(result.outcome === "violation" && result.violation.path).toHaveLength(7);
  });

  it("reports reachables that never hold", () => {
    const ok = explore(compileSource(counter("reachable Three = exists c in C: c.x == 3")));
    expect(ok.outcome).toBe("ok");
    const never = explore(compileSource(counter("reachable Four = exists c in C: c.x + 1 == 5")));
    expect(never.outcome === "unreached" && never.unreached).toEqual(["Four"]);
  });

  it("checks transition properties with primes, inside quantifiers too", () => {
    const grows = explore(compileSource(counter("transition Grows = forall c in C: c.x' >= c.x")));
    expect(grows.outcome === "violation" && grows.violation.property).toBe("Grows");
    const steps = explore(compileSource(counter("transition OneStep = forall c in C: c.x' == c.x or c.x' == c.x + 1 or c.x' == 0")));
    expect(steps.outcome).toBe("ok");
  });

  it("flags a repeated effect with atmostonce", () => {
    const model = compileSource(`
      effect charge(order: 0..1, by: Shop)
      node Shop[2] {
        var n: 0..2 = 0
        action pay(order: 0..1) when n < 2 { n = n + 1  effect charge(order, self) }
      }
      atmostonce charge
      end when true
    `);
    const result = explore(model);
    expect(result.outcome === "violation" && result.violation.property).toBe("charge");
    expect(result.outcome === "violation" && result.violation.path).toEqual([0, 0, 0]);
  });

  it("flags a read older than an acknowledged write with nolostwrites", () => {
    const source = (read: string): string => `
      history kv(key: 0..1, version: 0..3)
      var stored: map<0..1, 0..3>
      var acked: bool = false
      action write when not acked { stored[1] = 2  ack kv(1, 2)  acked = true }
      action read when acked { observe kv(1, ${read}) }
      nolostwrites kv
      end when true
    `;
    expect(explore(compileSource(source("stored[1]"))).outcome).toBe("ok");
    const lost = explore(compileSource(source("stored[1] - 1")));
    expect(lost.outcome === "violation" && lost.violation.property).toBe("kv");
    const model = compileSource(source("stored[1]"));
    let s = model.initialStates()[0]!;
    model.successors(s, (_, n) => (s = n.slice()));
    expect(model.decode(s)).toMatchObject({ "history.kv.acked": { "1": 2 }, "history.kv.lost": false });
  });

  it("turns an evaluation failure in a property into an error outcome", () => {
    const result = explore(compileSource(counter("invariant Div = 6 / (3 - C[0].x) > 0")));
    expect(result.outcome === "error" && result.error.code).toBe("FL5002");
  });

  it("accepts ends declared with `end when`, and checks no deadlock with `end when true`", () => {
    const base = "node C { var x: 0..2 = 0  action inc when x < 2 { x = x + 1 } }";
    expect(explore(compileSource(`${base}\nend when C.x == 2`)).outcome).toBe("ok");
    expect(explore(compileSource(`${base}\nend when C.x == 1`)).outcome).toBe("deadlock");
    const free = compileSource(`${base}\nend when true`);
    expect(free.properties.map((p) => p.kind)).not.toContain("deadlock");
    expect(free.isEndState(free.initialStates()[0]!)).toBe(true);
  });
});
