// Cut links lose messages: a partition or cut step removes the messages in flight on the links it
// cuts (all three network kinds), a send on a cut link is lost at once (without spending the drop
// budget, and never on a node's link to itself), the step descriptions say so, and a bug that
// needs the loss is found only with a partition in the budget. Counts computed by hand.

import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { replay } from "../../../src/explore/trace.js";
import type { StepDescription } from "../../../src/compile/model.js";
import { compileSource } from "../../helpers/compile-source.js";

type CompiledModel = ReturnType<typeof compileSource>;

/** The descriptions of the steps from `s`, in emit order. */
function steps(model: CompiledModel, s: Int32Array): StepDescription[] {
  const out: StepDescription[] = [];
  model.successors(s, () => out.push(model.describeStep(s, out.length)));
  return out;
}

/** The successor of `s` whose description's text is `text`, and that description. */
function take(model: CompiledModel, s: Int32Array, text: string): { state: Int32Array; step: StepDescription } {
  const states: Int32Array[] = [];
  model.successors(s, (_, n) => states.push(n.slice()));
  const all = steps(model, s);
  const k = all.findIndex((d) => d.text === text);
  if (k < 0) throw new Error(`no step \`${text}\` among ${all.map((d) => d.text).join(" | ")}`);
  return { state: states[k]!, step: all[k]! };
}

describe("partition state counts", () => {
  it("two pings over an unordered network: 6 + 6 cut + 10 healed states", () => {
    // (n pings sent, got delivered, k in flight), before the partition: k = n - got, 6 states.
    // Cut: the partition loses every ping in flight and pings sent meanwhile are lost: k = 0,
    // got <= n, 6 states. Healed: every k <= n - got (n <= 2): 1 + 3 + 6 = 10 states.
    const source = `
      message Ping
      node A { var n: 0..2 = 0  action ping when n < 2 { n = n + 1  send Ping to B } }
      node B { var got: 0..2 = 0  on Ping { got = got + 1 } }
      network unordered
      faults { partition <= 1 }
      end when true
    `;
    const result = explore(compileSource(source));
    expect(result.outcome).toBe("ok");
    expect(result.stats.distinctStates).toBe(22);
  });
});

const threeNodes = (network: string): string => `
  message Ping { n: 0..1 }
  node A {
    var sent: bool = false
    action go when not sent {
      sent = true
      send Ping { n: 0 } to B
      send Ping { n: 1 } to B
      send Ping { n: 0 } to C
    }
  }
  node B { on Ping { } }
  node C { on Ping { } }
  network ${network}
  faults { cut <= 1  partition <= 1  drop <= 1 }
  end when true
`;

describe("a cut link loses the messages in flight on it", () => {
  it.each(["unordered", "ordered", "unordered duplicating"])("%s: cut", (network) => {
    const model = compileSource(threeNodes(network));
    const sent = take(model, model.initialStates()[0]!, "A go").state;
    expect(model.decode(sent)["network"]).toHaveLength(3);
    const { state, step } = take(model, sent, "link A->B cut (2 messages in flight lost)");
    expect(step.kind).toBe("fault");
    expect(model.decode(state)).toMatchObject({ network: ["Ping{n: 0} A->C"], cut: { "#set": ["A->B"] }, "faults.cut": 0 });
    expect(steps(model, state).map((d) => d.text)).not.toContain("B receives Ping{n: 0} from A");
    expect(steps(model, sent).map((d) => d.text)).toContain("link A->C cut (1 message in flight lost)");
  });

  it.each(["unordered", "ordered", "unordered duplicating"])("%s: partition", (network) => {
    const model = compileSource(threeNodes(network));
    const sent = take(model, model.initialStates()[0]!, "A go").state;
    const texts = steps(model, sent).map((d) => d.text).filter((t) => t.startsWith("partition"));
    expect(texts).toEqual([
      "partition {A, C} | {B} (2 messages in flight lost)",
      "partition {A, B} | {C} (1 message in flight lost)",
      "partition {A} | {B, C} (3 messages in flight lost)",
    ]);
    const { state } = take(model, sent, texts[1]!);
    expect(model.decode(state)["network"]).toEqual(["Ping{n: 0} A->B", "Ping{n: 1} A->B"]);
    // Healing restores the links, not the lost messages.
    const healed = take(model, state, "all links healed").state;
    expect(model.decode(healed)).toMatchObject({ network: ["Ping{n: 0} A->B", "Ping{n: 1} A->B"], cut: { "#set": [] } });
  });

  it("a partition with nothing in flight says nothing about losses", () => {
    const model = compileSource(threeNodes("unordered"));
    const texts = steps(model, model.initialStates()[0]!).map((d) => d.text);
    expect(texts).toContain("partition {A} | {B, C}");
  });
});

describe("a send on a cut link is lost at once", () => {
  it.each(["unordered", "ordered", "unordered duplicating"])("%s", (network) => {
    const model = compileSource(threeNodes(network));
    const cut = take(model, model.initialStates()[0]!, "link A->B cut").state;
    const { state, step } = take(model, cut, "A go");
    expect(step.sent).toEqual([
      { from: "A", to: "B", text: "Ping{n: 0} (lost: link cut)", lost: true },
      { from: "A", to: "B", text: "Ping{n: 1} (lost: link cut)", lost: true },
      { from: "A", to: "C", text: "Ping{n: 0}" },
    ]);
    // Lost without spending the drop budget; the message to C travels.
    expect(model.decode(state)).toMatchObject({ network: ["Ping{n: 0} A->C"], "faults.drop": 1 });
    const healed = take(model, state, "all links healed").state;
    expect(model.decode(healed)["network"]).toEqual(["Ping{n: 0} A->C"]);
  });

  it("a node's link to itself is never cut", () => {
    const source = `
      message Ping
      node P[2] {
        var sent: bool = false
        var got: bool = false
        action go when not sent and self == P[0] {
          sent = true
          send Ping to self
          send Ping to P[1]
        }
        on Ping { got = true }
      }
      network unordered
      faults { partition <= 1 }
      end when true
    `;
    const model = compileSource(source);
    const cut = take(model, model.initialStates()[0]!, "partition {P[0]} | {P[1]}").state;
    const { state, step } = take(model, cut, "P[0] go");
    expect(step.sent?.map((m) => m.text)).toEqual(["Ping", "Ping (lost: link cut)"]);
    expect(model.decode(state)["network"]).toEqual(["Ping P[0]->P[0]"]);
    const got = take(model, state, "P[0] receives Ping from P[0]").state;
    expect(model.decode(got)).toMatchObject({ "P[0].got": true, "P[1].got": false });
  });
});

describe("a bug that needs the loss", () => {
  // The sender streams two updates over an ordered link and trusts it to keep them in order and
  // complete. Only a partition that loses the first update (in flight or as it is sent), healed
  // before the second is sent, lets the second arrive alone: a gap. A delay could never do it.
  const gap = (parts: number): string => `
    message Update { num: 1..2 }
    node Sender {
      var next: 0..2 = 0
      action put when next < 2 {
        next = next + 1
        send Update { num: next } to Receiver
      }
    }
    node Receiver {
      var last: 0..2 = 0
      var gap: bool = false
      on Update(m) {
        if m.num != last + 1 { gap = true }
        last = m.num
      }
    }
    network ordered
    faults { partition <= ${parts} }
    invariant NoGap = not Receiver.gap
    end when true
  `;

  it("is found with a partition budget of 1, not 0", () => {
    expect(explore(compileSource(gap(0))).outcome).toBe("ok");
    const model = compileSource(gap(1));
    const result = explore(model);
    expect(result.outcome).toBe("violation");
    const run = replay(model, result.violation!.path);
    if (typeof run === "string") throw new Error(run);
    expect(run.steps.map((s) => s.text)).toEqual([
      "Sender put",
      "partition {Sender} | {Receiver} (1 message in flight lost)",
      "all links healed",
      "Sender put",
      "Receiver receives Update{num: 2} from Sender",
    ]);
  });
});

describe("symmetry and determinism with losses", () => {
  const source = `
    message Hi { who: P }
    node P[3] symmetric {
      var said: bool = false
      var heard: set<P> = {}
      action hi when not said { said = true  broadcast Hi { who: self } }
      on Hi(m) { heard = heard + {m.who} }
    }
    network unordered
    faults { partition <= 1  cut <= 1 }
    end when true
  `;

  /** All reachable states of `model`, by content. */
  function reachable(model: CompiledModel): Int32Array[] {
    const seen = new Map<string, Int32Array>();
    const queue = [...model.initialStates()];
    for (const s of queue) seen.set(s.join(","), s);
    for (let i = 0; i < queue.length; i++) {
      model.successors(queue[i]!, (_, n) => {
        const key = n.join(",");
        if (seen.has(key)) return;
        seen.set(key, n.slice());
        queue.push(n.slice());
      });
    }
    return [...seen.values()];
  }

  it("the reduced count is the number of orbits of the full state space", () => {
    const full = compileSource(source.replace(" symmetric", ""));
    const symmetric = compileSource(source);
    const canonical = new Int32Array(symmetric.stateSize);
    const orbits = new Set<string>();
    const states = reachable(full);
    for (const s of states) {
      symmetric.canonicalize(s, canonical);
      orbits.add(canonical.join(","));
    }
    expect(explore(symmetric).stats.distinctStates).toBe(orbits.size);
    expect(orbits.size).toBeLessThan(states.length);
  });

  it("compiles to the same code and explores the same states every time", () => {
    const a = compileSource(source);
    const b = compileSource(source);
    expect(a.generatedSource).toBe(b.generatedSource);
    expect(explore(a).stats).toMatchObject({ distinctStates: explore(b).stats.distinctStates });
  });
});
