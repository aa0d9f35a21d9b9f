// Fault steps: each demo in test/fixtures/faults/ finds its bug only when the fault's budget is
// 1, and small specs have the state counts computed by hand (budgets, heals, restarts, skew,
// ticks). Step descriptions name what happened.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource } from "../../helpers/compile-source.js";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/faults/${name}.fl`, import.meta.url), "utf8");

describe("fault demos find their bug only with a budget", () => {
  it.each([
    ["drop", "DROP", "deadlock"],
    ["duplicate", "DUP", "violation"],
    ["partition", "PARTS", "deadlock"],
    ["cut", "CUTS", "deadlock"],
    ["crash", "CRASHES", "violation"],
    ["skew", "SKEW", "violation"],
  ])("%s", (name, constant, outcome) => {
    const source = fixture(name);
    expect(explore(compileSource(source, { [constant]: "0" })).outcome).toBe("ok");
    expect(explore(compileSource(source, { [constant]: "1" })).outcome).toBe(outcome);
  });
});

const requestReply = (network: string, faults: string): string => `
message Req
message Ack
node Client {
  var sent: bool = false
  var acked: bool = false
  action request when not sent {
    sent = true
    send Req to Server
  }
  on Ack { acked = true }
}
node Server {
  on Req from c { reply Ack }
}
network ${network}
faults { ${faults} }
end when true
`;

function count(source: string): number {
  const result = explore(compileSource(source));
  expect(result.outcome).toBe("ok");
  return result.stats.distinctStates;
}

describe("fault state counts", () => {
  it("drop: a dropped request or reply ends in the same stuck state", () => {
    expect(count(requestReply("unordered", "drop <= 1"))).toBe(5);
  });

  it("duplicate: a duplicated request is received twice", () => {
    const source = `
      message Charge
      effect charge(order: 0..0)
      node Shop { var paid: bool = false  action pay when not paid { paid = true  send Charge to Bank } }
      node Bank { on Charge { effect charge(0) } }
      network unordered
      faults { duplicate <= 1 }
      end when true
    `;
    expect(count(source)).toBe(6);
  });

  it("partition: each phase, then cut with nothing in flight, then healed", () => {
    // 4 phases (nothing sent, Req, Ack, acked); the partition loses what is in flight and a
    // request sent across it: 3 cut states (nothing sent, sent, acked), all with nothing in
    // flight; healed: the 4 phases, plus sent with nothing in flight, stuck: 4 + 3 + 5.
    expect(count(requestReply("unordered", "partition <= 1"))).toBe(12);
  });

  it("cut: either one-way link may be cut at each phase, losing what it carries, then healed", () => {
    // 4 phases; Req cut: nothing sent, sent (Req lost), Ack in flight, acked; Ack cut: nothing
    // sent, Req in flight, sent (Ack lost), acked; healed: the 4 phases plus sent and stuck.
    expect(count(requestReply("ordered", "cut <= 1"))).toBe(17);
  });

  it("crash: restart resets volatile vars and keeps durable ones", () => {
    const source = fixture("crash").replace(/invariant .*\n/, "");
    expect(count(source)).toBe(7);
  });

  it("crash and restart of two nodes with one crash in the budget", () => {
    expect(count(`node A { var x: bool = false }\nnode B { var y: bool = false }\nfaults { crash <= 1 }\n`)).toBe(4);
  });

  it("skew and ticks: every time and every pair of offsets within the bound", () => {
    const readsNow = (name: string): string => `node ${name} { var x: bool = false  action a when not x and now > 9 { x = true } }\n`;
    expect(count(`${readsNow("A")}${readsNow("B")}clock ticks <= 2\nfaults { skew <= 1 }\nend when true\n`)).toBe(27);
    expect(count(`node A { var x: bool = false }\nclock ticks <= 3\n`)).toBe(4);
  });

  it("skew: only nodes of families that read `now` have a clock offset", () => {
    const readsNow = `node A[2] { var t: -1..3 = 0  on timeout when t == 0 { t = now } }\n`;
    const ignoresNow = `node B { var y: bool = false }\n`;
    const source = `${readsNow}${ignoresNow}clock ticks <= 2\nfaults { skew <= 1 }\nend when true\n`;
    const model = compileSource(source);
    expect(model.layout.families.map((f) => f.clockBase >= 0)).toEqual([true, false]);
    expect([...model.layout.clockSlot].map((slot) => slot >= 0)).toEqual([true, true, false]);
    expect(Object.keys(model.decode(model.initialStates()[0]!)).filter((k) => k.endsWith(".clock"))).toEqual(["A[0].clock", "A[1].clock"]);
    const s0 = model.initialStates()[0]!;
    const texts: string[] = [];
    model.successors(s0, () => texts.push(model.describeStep(s0, texts.length).text));
    expect(texts.filter((t) => t.includes("clock"))).toEqual([
      "A[0] clock +1 (offset 1)",
      "A[0] clock -1 (offset -1)",
      "A[1] clock +1 (offset 1)",
      "A[1] clock -1 (offset -1)",
    ]);
    // B, without a clock, has a single state of its own: it adds no states.
    expect(count(source.replace(ignoresNow, ""))).toBe(count(source));
  });

  it("partitions: each split of three talking nodes, the side with node 0 fixed", () => {
    const source = `
      message Hi
      node P[3] { action hi { broadcast Hi }  on Hi { } }
      network unordered duplicating
      faults { partition <= 1 }
      end when true
    `;
    const model = compileSource(source);
    const s0 = model.initialStates()[0]!;
    const texts: string[] = [];
    model.successors(s0, (id, _n) => texts.push(`${model.actions[id]!.label}`));
    const partitions = texts.map((_, k) => model.describeStep(s0, k).text).filter((t) => t.startsWith("partition"));
    expect(partitions).toEqual(["partition {P[0], P[2]} | {P[1]}", "partition {P[0], P[1]} | {P[2]}", "partition {P[0]} | {P[1], P[2]}"]);
  });
});

describe("fault step descriptions", () => {
  it("names drops, crashes, restarts, clock shifts and ticks", () => {
    const source = `
      message Ping { n: 0..1 }
      node A { var k: bool = false  action go when not k and now >= -1 { k = true  send Ping { n: 1 } to B } }
      node B { on Ping { } }
      network unordered
      clock ticks <= 1
      faults { drop <= 1  duplicate <= 1  crash <= 1  skew <= 1  cut <= 1 }
      end when true
    `;
    const model = compileSource(source);
    let s = model.initialStates()[0]!;
    const steps = (state: Int32Array): string[] => {
      const out: string[] = [];
      let k = 0;
      model.successors(state, () => out.push(model.describeStep(state, k++).text));
      return out;
    };
    expect(steps(s)).toEqual([
      "A go",
      "link A->B cut",
      "A crashes",
      "B crashes",
      "A clock +1 (offset 1)",
      "A clock -1 (offset -1)",
      "time advances to 1",
    ]);
    model.successors(s, (id, n) => {
      if (model.actions[id]!.label === "A.go") s = n.slice();
    });
    const after = steps(s);
    expect(after).toContain("B receives Ping{n: 1} from A");
    expect(after).toContain("network drops Ping{n: 1} A->B");
    expect(after).toContain("network duplicates Ping{n: 1} A->B");
    const description = model.describeStep(model.initialStates()[0]!, 0);
    expect(description).toMatchObject({ kind: "action", actor: "A", sent: [{ from: "A", to: "B", text: "Ping{n: 1}" }] });
  });
});

describe("deadlock and restarts", () => {
  const source = `
    message Ping
    node A { var sent: bool = false  action ping when not sent { sent = true  send Ping to B } }
    node B { durable var got: bool = false  on Ping { got = true } }
    faults { crash <= 1 }
    end when B.got or not A.sent
  `;

  it("counts restarts as progress, and crashes as none", () => {
    const model = compileSource(source);
    let s = model.initialStates()[0]!;
    const step = (text: string): void => {
      const next: Int32Array[] = [];
      model.successors(s, (_id, n) => next.push(n.slice()));
      s = next[next.findIndex((_, k) => model.describeStep(s, k).text === text)]!;
    };
    expect(model.successors(s, () => {})).toBe(1); // A ping; the two crashes are not progress
    step("A ping");
    step("B crashes");
    expect(model.decode(s)).toMatchObject({ "B.up": false, "A.up": true });
    // Only B's restart (and nothing a crash budget of 0 allows) is enabled: one step of progress.
    const labels: string[] = [];
    expect(model.successors(s, (id) => labels.push(model.actions[id]!.label))).toBe(1);
    expect(labels).toEqual(["fault restart"]);
    expect(model.isEndState(s)).toBe(false);
  });

  it("a crashed node that can restart is not a deadlock", () => {
    const result = explore(compileSource(source));
    expect(result.outcome).toBe("ok");
    expect(result.stats.distinctStates).toBe(16);
  });
});
