// Message handlers, timers and initial values: binder fields of every kind, replies, broadcasts
// to other families, handlers of messages sent by several families, guards that mix node and
// message conditions, `now`, and restarts that re-run initializers.

import { describe, expect, it } from "vitest";
import { explore } from "../../../src/explore/bfs.js";
import { compileSource } from "../../helpers/compile-source.js";

type Model = ReturnType<typeof compileSource>;

/** Follows the steps whose descriptions are `texts`, from the initial state; returns the last state. */
function follow(model: Model, texts: readonly string[]): Int32Array {
  let s = model.initialStates()[0]!;
  for (const text of texts) {
    const states: Int32Array[] = [];
    model.successors(s, (_, n) => states.push(n.slice()));
    const all = states.map((_, k) => model.describeStep(s, k).text);
    const k = all.indexOf(text);
    if (k < 0) throw new Error(`no step \`${text}\` among ${JSON.stringify(all)}`);
    s = states[k]!;
  }
  return s;
}

function stepTexts(model: Model, s: Int32Array): string[] {
  const out: string[] = [];
  let k = 0;
  model.successors(s, () => out.push(model.describeStep(s, k++).text));
  return out;
}

describe("message handlers", () => {
  it("decodes every kind of message field", () => {
    const model = compileSource(`
      enum Color { Red, Green, Blue }
      type Pair = { x: 1..2, ok: bool }
      message Big { n: 3..5, flag: bool, color: Color, who: Node, tags: set<Color>, pair: Pair }
      node Node[2] {
        var n: 0..9 = 0
        var flag: bool = false
        var color: Color = Red
        var who: Node = self
        var tags: set<Color> = {}
        var pair: Pair
        action go when n == 0 { send Big { n: 4, flag: true, color: Blue, who: self, tags: {Red, Blue}, pair: { x: 2, ok: true } } to Node[1] }
        on Big(m) {
          n = m.n
          flag = m.flag
          color = m.color
          who = m.who
          tags = m.tags
          pair = m.pair
        }
      }
      network unordered
      end when true
    `);
    const s = follow(model, ["Node[0] go", "Node[1] receives Big{n: 4, flag: true, color: Blue, who: Node[0], tags: {Red, Blue}, pair: {x: 2, ok: true}} from Node[0]"]);
    expect(model.decode(s)).toMatchObject({
      "Node[1].n": 4,
      "Node[1].flag": true,
      "Node[1].color": "Blue",
      "Node[1].who": "Node[0]",
      "Node[1].tags": { "#set": ["Red", "Blue"] },
      "Node[1].pair": { x: 2, ok: true },
    });
  });

  it("replies to the sender and broadcasts to another family", () => {
    const model = compileSource(`
      message Ask { q: 0..1 }
      message Answer { a: 0..1 }
      node Client[2] {
        var answers: 0..3 = 0
        action ask when answers == 0 { broadcast Ask { q: 1 } to Server }
        on Answer(m) from s when answers < 3 { answers = answers + m.a }
      }
      node Server[2] {
        on Ask(m) from c { reply Answer { a: m.q } }
      }
      network unordered
      end when true
    `);
    const s = follow(model, ["Client[1] ask", "Server[0] receives Ask{q: 1} from Client[1]"]);
    expect(model.decode(s)["network"]).toEqual(["Answer{a: 1} Server[0]->Client[1]", "Ask{q: 1} Client[1]->Server[1]"]);
    const t = follow(model, ["Client[1] ask", "Server[0] receives Ask{q: 1} from Client[1]", "Client[1] receives Answer{a: 1} from Server[0]"]);
    expect(model.decode(t)["Client[1].answers"]).toBe(1);
  });

  it("receives a message sent by several families when the handler names no sender", () => {
    const model = compileSource(`
      message Note
      node A { action note { send Note to Sink } }
      node B { action note { send Note to Sink } }
      node Sink { var count: 0..3 = 0  on Note when count < 3 { count = count + 1 } }
      network unordered duplicating
      end when true
    `);
    const s = follow(model, ["A note", "B note"]);
    expect(stepTexts(model, s).filter((t) => t.startsWith("Sink receives"))).toEqual(["Sink receives Note from A", "Sink receives Note from B"]);
  });

  it("keeps a message whose guard is false in flight, and tests node and message conditions", () => {
    const model = compileSource(`
      message V { t: 0..2 }
      node P[2] {
        var term: 0..2 = 1
        var got: 0..2 = 0
        action bump when term < 2 { term = term + 1 }
        action send2 when got == 0 { send V { t: 2 } to P[1] }
        on V(m) when got == 0 and m.t == term { got = m.t }
      }
      network unordered
      end when true
    `);
    const sent = follow(model, ["P[0] send2"]);
    expect(stepTexts(model, sent)).not.toContain("P[1] receives V{t: 2} from P[0]");
    const bumped = follow(model, ["P[0] send2", "P[1] bump"]);
    expect(stepTexts(model, bumped)).toContain("P[1] receives V{t: 2} from P[0]");
  });
});

describe("guards", () => {
  it("evaluates a handler's guard only for messages in flight, left to right", () => {
    const source = (d: number): string => `
      message V { t: 0..2 }
      node P {
        var sent: bool = false
        action go when not sent { sent = true  send V { t: 0 } to Q }
      }
      node Q {
        var d: 0..2 = ${d}
        on V(m) when 2 / d > 0 and m.t != 0 and 4 / m.t > 1 { d = 1 }
      }
      network unordered duplicating
      end when true
    `;
    expect(explore(compileSource(source(1))).outcome).toBe("ok");
    const failing = explore(compileSource(source(0)));
    expect(failing.outcome === "error" && [failing.error.code, failing.error.action, failing.error.path]).toEqual(["FL5002", "Q.on V", [0, 0]]);
  });
});

describe("timers, clocks and restarts", () => {
  it("fires timers on up nodes whose guard holds, reading `now`", () => {
    const model = compileSource(`
      node T[2] {
        var fired: 0..5 = 0
        on timeout when now >= 1 and fired == 0 { fired = now + 1 }
      }
      clock ticks <= 2
      end when true
    `);
    expect(stepTexts(model, model.initialStates()[0]!)).toEqual(["time advances to 1"]);
    const s = follow(model, ["time advances to 1", "time advances to 2", "T[1] times out"]);
    expect(model.decode(s)).toMatchObject({ "T[0].fired": 0, "T[1].fired": 3, time: 2 });
  });

  it("re-runs initializers of volatile vars on restart, with `self`", () => {
    const model = compileSource(`
      node N[2] {
        var leader: N = self
        durable var epoch: 0..3 = 0
        action move when epoch == 0 { leader = N[0]  epoch = 1 }
      }
      faults { crash <= 1 }
      end when true
    `);
    const s = follow(model, ["N[1] move", "N[1] crashes", "N[1] restarts"]);
    expect(model.decode(s)).toMatchObject({ "N[1].leader": "N[1]", "N[1].epoch": 1, "N[1].up": true, "faults.crash": 0 });
    const down = follow(model, ["N[1] crashes"]);
    expect(stepTexts(model, down)).toEqual(["N[0] move", "N[1] restarts"]);
  });
});

describe("spec-level actions", () => {
  it("write spec vars and node vars through node ids", () => {
    const model = compileSource(`
      node S[2] { var v: 0..3 = 0 }
      var total: 0..6 = 0
      action poke(i: 0..1) when S[i].v < 3 {
        S[i].v = S[i].v + 1
        total = total + 1
      }
      end when true
    `);
    const s = follow(model, ["poke(i: 1)", "poke(i: 1)", "poke(i: 0)"]);
    expect(model.decode(s)).toMatchObject({ "S[0].v": 1, "S[1].v": 2, total: 3 });
    expect(explore(model).stats.distinctStates).toBe(16);
  });
});
