// Handlers: sender inference and annotation (CheckedSpec.senders, FL3013, FL3015), binder types.

import { describe, expect, it } from "vitest";
import { checkText } from "../../helpers/check-text.js";

const twoFamilies = (handler: string) => `
message Ping
node Client[2] {
  var sent: bool = false
  action ping { send Ping to Server }
}
node Server {
  var seen: bool = false
  action ping { send Ping to Server }
  ${handler}
}
`;

describe("sender families", () => {
  it("infers the only family that sends a message", () => {
    const result = checkText(`
message Ping
message Pong { n: 0..1 }
node Client[2] {
  var got: bool = false
  action ping { send Ping to Server }
  on Pong(p) from s { got = p.n == 1 and s == Server }
}
node Server {
  on Ping from c { reply Pong { n: 1 }
    send Pong { n: 0 } to c }
}
`);
    expect(result.diagnostics).toEqual([]);
    const [client, server] = result.checked!.families;
    expect(result.checked!.senders.get(client!.handlers[0]!.id)).toEqual({ kind: "node", family: "Server", count: 1 });
    expect(result.checked!.senders.get(server!.handlers[0]!.id)).toEqual({ kind: "node", family: "Client", count: 2 });
  });

  it("FL3013: `from v` when several families send the message", () => {
    const result = checkText(twoFamilies("on Ping from p { seen = true }"));
    expect(result.codes).toEqual(["FL3013"]);
    expect(result.spanText(result.diagnostics[0])).toBe("p");
  });

  it("accepts an annotation, and records it as the sender", () => {
    const result = checkText(twoFamilies("on Ping from p: Client { seen = p == Client[0] }"));
    expect(result.diagnostics).toEqual([]);
    const handler = result.checked!.families[1]!.handlers[0]!;
    expect(result.checked!.senders.get(handler.id)?.family).toBe("Client");
  });

  it("without `from`, several senders are fine and leave no entry", () => {
    const result = checkText(twoFamilies("on Ping { seen = true }"));
    expect(result.diagnostics).toEqual([]);
    const handler = result.checked!.families[1]!.handlers[0]!;
    expect(result.checked!.senders.has(handler.id)).toBe(false);
  });

  it("FL3015 (warning): a handler of a message nobody sends; FL3013 when it also names the sender", () => {
    const warned = checkText("message Ping\nnode S { var x: bool = false\n on Ping { x = true } }");
    expect(warned.codes).toEqual(["FL3015"]);
    expect(warned.spanText(warned.diagnostics[0])).toBe("Ping");
    expect(warned.checked).toBeDefined();
    const named = checkText("message Ping\nnode S { var x: bool = false\n on Ping from p { x = true } }");
    expect(named.codes).toEqual(["FL3013"]);
  });

  it("types a binder as its message, and a timeout has no sender", () => {
    const result = checkText("message Ping { n: 0..2 }\nnode S[2] { var x: 0..2 = 0\n on timeout { broadcast Ping { n: 1 } }\n on Ping(p) { x = p.n } }");
    expect(result.diagnostics).toEqual([]);
    const checked = result.checked!;
    const [timeout, ping] = checked.families[0]!.handlers;
    expect(checked.senders.has(timeout!.id)).toBe(false);
    expect(checked.senders.get(ping!.id)?.family).toBe("S");
    const binderUse = [...checked.symbols].find(([, s]) => s.kind === "binder");
    expect(binderUse && checked.types.get(binderUse[0])).toEqual({
      kind: "message",
      name: "Ping",
      fields: [{ name: "n", type: { kind: "int", low: 0, high: 2 } }],
    });
  });
});
