// Which types can be packed into a state: every int bounded, sets over at most 31 values, maps
// over at most MAX_KEYS keys (FL4001 through the layout's limit report).

import type { Type } from "../check/types.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { domainSize, MAX_SET_ELEMENTS } from "./flat-value.js";

/** Largest number of keys of a map, argument combinations of an effect or keys of a history. */
export const MAX_KEYS = 4096;

/** Reports a type or domain over a limit: `what` has `size` values, at most `max` allowed. */
export type LimitReport = (what: string, size: number, max: number, span: Span | undefined) => void;

/** Reports types that cannot be packed: unbounded ints, sets over more than 31 values, huge maps. */
export function checkStorable(type: Type, what: string, span: Span, limit: LimitReport): void {
  switch (type.kind) {
    case "int":
      if (!Number.isFinite(type.low) || !Number.isFinite(type.high)) limit(what, Infinity, 2 ** 31, span);
      return;
    case "set": {
      const n = domainSize(type.element);
      if (n > MAX_SET_ELEMENTS) limit(`the element type of ${what}`, n, MAX_SET_ELEMENTS, span);
      else checkStorable(type.element, what, span, limit);
      return;
    }
    case "map": {
      const n = domainSize(type.key);
      if (n > MAX_KEYS) limit(`the key type of ${what}`, n, MAX_KEYS, span);
      else checkStorable(type.key, what, span, limit);
      checkStorable(type.value, what, span, limit);
      return;
    }
    case "seq":
      checkStorable(type.element, what, span, limit);
      return;
    case "record":
    case "message":
      for (const f of type.fields) checkStorable(f.type, what, span, limit);
      return;
    default:
      return;
  }
}
