// Words for why a state violates a property, for the line that closes a counterexample: the
// effect that happened twice (atmostonce), the read that lost a write (nolostwrites), the first
// binding that falsifies a `forall` invariant. Never on the hot path.

import type { Type } from "../check/types.js";
import { widthOf, writeOrdinal } from "./flat-value.js";
import type { Generated } from "./generate.js";
import type { Layout } from "./layout.js";
import { EvaluationError, type PropertyInfo } from "./model.js";
import type { Binder } from "./properties.js";
import { valueText, type NodeNamer } from "./readable-value.js";

/** What explaining needs of a compiled model. */
export interface ExplainContext {
  readonly layout: Layout;
  readonly name: NodeNamer;
  readonly gen: Generated;
  readonly properties: readonly PropertyInfo[];
}

/** Emits the successors of a wide state, wide and as computed (not canonicalized). */
type WideSuccessors = (state: Int32Array, emit: (actionId: number, next: Int32Array) => void) => number;

/** Thrown to stop enumerating successors once the step is found. */
const FOUND = Symbol("found");

/**
 * Model.explainViolation on wide states: `state` violates `property`; `previous`, the state
 * before the last step, lets a lost write name its read. Never throws on an evaluation error.
 */
export function explainWide(
  cx: ExplainContext,
  successors: WideSuccessors,
  state: Int32Array,
  property: number,
  previous: Int32Array | undefined,
): string | undefined {
  const info = cx.properties[property];
  if (!info) return undefined;
  switch (info.kind) {
    case "atmostonce":
      return explainEffect(cx.layout, cx.name, info.name, state);
    case "nolostwrites": {
      const read = previous ? lostRead(cx, successors, previous, state) : undefined;
      return (read && explainLostRead(cx.layout, cx.name, read)) ?? explainLostHistory(info.name);
    }
    case "invariant": {
      const binders = cx.gen.binders.get(property);
      if (!binders) return undefined;
      try {
        const values = cx.gen.module.explain(state, property);
        return values ? explainBinding(binders, values, cx.name) : undefined;
      } catch {
        return undefined; // the invariant fails to evaluate: its error is reported elsewhere
      }
    }
    default:
      return undefined;
  }
}

/** What the first losing `observe` of the step from `previous` to `state` recorded, if any. */
function lostRead(cx: ExplainContext, successors: WideSuccessors, previous: Int32Array, state: Int32Array): number[] | undefined {
  const observed: number[] = [];
  let found: number[] | undefined;
  cx.gen.module.setObserver(observed);
  try {
    successors(previous, (_actionId, next) => {
      if (observed.length > 0 && next.every((v, k) => v === state[k])) {
        found = observed.slice(0, 4);
        throw FOUND;
      }
      observed.length = 0;
    });
  } catch (error) {
    // A later step may fail to evaluate; the explanation is then left out, never an error.
    if (error !== FOUND && !(error instanceof EvaluationError)) throw error;
  } finally {
    cx.gen.module.setObserver(null);
  }
  return found;
}

/** `charge(order: 0) happened twice`, for the first argument combination of `effect` counted twice. */
export function explainEffect(layout: Layout, name: NodeNamer, effect: string, s: ArrayLike<number>): string | undefined {
  const e = layout.effects.find((x) => x.name === effect);
  if (!e) return undefined;
  const record: Type = { kind: "record", fields: e.params.map((type, i) => ({ name: `a${i}`, type })) };
  const tmp = new Int32Array(widthOf(record));
  for (let k = 0; k < e.count; k++) {
    if (s[e.base + k]! < 2) continue;
    writeOrdinal(record, k, tmp, 0);
    let at = 0;
    const args = e.params.map((type, i) => {
      const text = valueText(type, tmp, at, name);
      at += widthOf(type);
      return `${e.paramNames[i] ?? `#${i + 1}`}: ${text}`;
    });
    return `${e.name}(${args.join(", ")}) happened twice`;
  }
  return undefined;
}

/**
 * `a read of kv key 0 returned version 0 after version 1 was acknowledged`, from the four numbers
 * a losing `observe` records (history index, key ordinal, version read, version acknowledged).
 */
export function explainLostRead(layout: Layout, name: NodeNamer, read: readonly number[]): string | undefined {
  const [index, keyOrd, version, acked] = read;
  const h = layout.histories[index ?? -1];
  if (!h || keyOrd === undefined || version === undefined || acked === undefined) return undefined;
  const tmp = new Int32Array(widthOf(h.key));
  writeOrdinal(h.key, keyOrd, tmp, 0);
  const key = valueText(h.key, tmp, 0, name);
  return `a read of ${h.name} ${h.keyName} ${key} returned ${h.versionName} ${version} after ${h.versionName} ${acked} was acknowledged`;
}

/** `a read of kv returned an older version than one already acknowledged`, when the read is unknown. */
export function explainLostHistory(history: string): string {
  return `a read of ${history} returned an older version than one already acknowledged`;
}

/** `fails for a = Server[0], b = Server[1]`, from the values the generated `explain` returned. */
export function explainBinding(binders: readonly Binder[], values: readonly unknown[], name: NodeNamer): string | undefined {
  if (values.length !== binders.length) return undefined;
  const parts = binders.map((b, i) => `${b.name} = ${bindingText(b.type, values[i], name)}`);
  return `fails for ${parts.join(", ")}`;
}

/** The text of an expression-level value of `type` (a number, boolean, set bits or flat value). */
function bindingText(type: Type, value: unknown, name: NodeNamer): string {
  if (value instanceof Int32Array) return valueText(type, value, 0, name);
  const slot = typeof value === "boolean" ? (value ? 1 : 0) : Number(value);
  return valueText(type, [slot], 0, name);
}
