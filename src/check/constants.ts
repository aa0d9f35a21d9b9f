// Evaluates the spec's `const` declarations in order, applying `--const NAME=VALUE` overrides
// as each constant is reached, so later constants (`const MAX = N + 1`) follow an override.
// Bad overrides are FL0008 (no such constant) and FL0009 (a value of the wrong shape or type).

import type * as ast from "../ast/nodes.js";
import { report, didYouMean, type CheckContext } from "./context.js";
import type { ConstValue } from "./const-eval.js";
import { requireConst } from "./fits.js";
import { suggest } from "../util/edit-distance.js";

const MAX_INT = 2147483647;

/** Fills `ctx.constants`; constants whose value fails to check are left out. */
export function evaluateConstants(ctx: CheckContext, overrides: Readonly<Record<string, string>>): void {
  const declared = new Map(ctx.globals.consts.map((c) => [c.name.name, c] as const));
  for (const name of Object.keys(overrides)) {
    if (declared.has(name)) continue;
    const best = suggest(name, declared.keys());
    const notes =
      best !== undefined
        ? didYouMean(best, declared.get(best)?.name.span)
        : [{ message: declared.size > 0 ? `the spec declares: ${[...declared.keys()].join(", ")}` : "the spec declares no constants" }];
    report(ctx, "FL0008", undefined, { name }, notes);
  }
  ctx.globals.consts.forEach((decl, order) => {
    ctx.constLimit = order;
    const value = requireConst(ctx, decl.value, "any");
    const override = Object.hasOwn(overrides, decl.name.name) ? overrides[decl.name.name] : undefined;
    const final = override === undefined ? value : applyOverride(ctx, decl, value, override);
    if (final !== undefined) ctx.constants.set(decl.name.name, final);
  });
  ctx.constLimit = Infinity;
}

/** The override's value, or the declared one (after FL0009) when the override is bad. */
function applyOverride(
  ctx: CheckContext,
  decl: ast.ConstDecl,
  declared: ConstValue | undefined,
  text: string,
): ConstValue | undefined {
  const name = decl.name.name;
  const parsed = parseOverride(text.trim());
  const problem =
    parsed === undefined
      ? "expected an integer or `true`/`false`"
      : typeof parsed === "number" && Math.abs(parsed) > MAX_INT
        ? `the integer is out of range (at most ${MAX_INT} in magnitude)`
        : declared !== undefined && typeof declared !== typeof parsed
          ? `\`${name}\` is ${typeof declared === "number" ? "an integer" : "a boolean"} constant`
          : undefined;
  if (problem === undefined) return parsed;
  report(ctx, "FL0009", undefined, { name, value: text, problem }, [
    { message: `\`${name}\` is declared here`, span: decl.name.span },
  ]);
  return declared;
}

function parseOverride(text: string): ConstValue | undefined {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?[0-9]+$/.test(text)) return Number(text) + 0;
  return undefined;
}
