// check(spec): name resolution and type checking of a parsed spec, producing the CheckedSpec that
// compile/ reads. Phases: collect declarations, evaluate constants (with --const overrides),
// resolve declared types, check bodies, then assemble. Never throws on user input.

import type * as ast from "../ast/nodes.js";
import { hasErrors, makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkBodies } from "./bodies.js";
import type { CheckedAction, CheckedFamily, CheckedSpec, CheckedVar } from "./checked.js";
import { evaluateConstants } from "./constants.js";
import { createCheckContext, type CheckContext } from "./context.js";
import { resolveBounds, resolveDeclarations, resolveEnums, type Bounds } from "./declarations.js";
import { collectGlobals } from "./resolve.js";
import { collectSenders } from "./senders.js";
import type { Type } from "./types.js";

export interface CheckOptions {
  /** `--const NAME=VALUE` overrides, as written (`"5"`, `"true"`). */
  readonly constants?: Readonly<Record<string, string>>;
}

export interface CheckResult {
  /** Defined exactly when `diagnostics` holds no error (warnings allowed). */
  readonly checked: CheckedSpec | undefined;
  /**
   * Sorted: diagnostics without a span (bad `--const` overrides) first, then by start offset;
   * diagnostics at the same offset keep the order in which they were found.
   */
  readonly diagnostics: Diagnostic[];
}

/**
 * Resolves names and checks types of `spec`. Decisions the language leaves open:
 * - `self` and `now` exist only inside nodes (FL2007); send/broadcast/reply only inside nodes
 *   (FL3012); effect/ack/observe anywhere a statement may appear.
 * - A node assigns only its own vars (and spec vars); `a.x = e` through a node id is allowed in
 *   spec-level actions, and inside a node only as `self.x = e`.
 * - Var initializers may use constants, enum members, node ids and `self`, but no variables
 *   and not `now` (FL3005).
 * - At most one `on timeout` per family (FL2002); several handlers of one message are allowed.
 * - `senders` has an entry for every message handler whose sender family is known: annotated
 *   (`from v: F`) or inferred as the only family that sends the message. A handler without
 *   `from` whose message is sent by several families has no entry (nothing names the sender).
 * - Types recorded for NameExprs that name a family or a type in a domain (`forall a in Server`)
 *   or as the target of `Server[i]` are `set<T>` (all values of T); a singleton family used as
 *   a value (`send M to TM`) has the node type.
 */
export function check(spec: ast.Spec, options: CheckOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const globals = collectGlobals(spec, diagnostics);
    const ctx = createCheckContext(globals, diagnostics);
    resolveEnums(ctx);
    evaluateConstants(ctx, options.constants ?? {});
    resolveDeclarations(ctx);
    const bounds = resolveBounds(ctx);
    for (const [message, families] of collectSenders(globals.families)) ctx.sentBy.set(message, families);
    checkBodies(ctx);
    const sorted = sortDiagnostics(diagnostics);
    return { checked: hasErrors(sorted) ? undefined : assemble(ctx, spec, bounds), diagnostics: sorted };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const internal = makeDiagnostic("FL9001", spec.span, { detail: `check failed: ${detail}` });
    return { checked: undefined, diagnostics: [...sortDiagnostics(diagnostics), internal] };
  }
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): number => (d.span ? d.span.start : -1);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => key(a.d) - key(b.d) || a.i - b.i)
    .map(({ d }) => d);
}

function assemble(ctx: CheckContext, spec: ast.Spec, bounds: Bounds): CheckedSpec {
  const typeOf = (decl: { readonly id: ast.NodeId }): Type => {
    const type = ctx.declTypes.get(decl.id);
    if (!type) throw new Error(`no type for declaration ${decl.id}`);
    return type;
  };
  const action = (decl: ast.ActionDecl): CheckedAction => ({
    decl,
    name: decl.name.name,
    params: decl.params.map((p) => ({ name: p.name.name, type: typeOf(p), decl: p })),
  });
  const families: CheckedFamily[] = ctx.globals.families.map((decl) => {
    const info = ctx.familyInfo.get(decl.name.name);
    if (!info) throw new Error(`no family ${decl.name.name}`);
    return {
      decl,
      name: decl.name.name,
      count: info.type.count,
      symmetric: decl.symmetric,
      type: info.type,
      vars: [...info.vars.values()],
      handlers: decl.members.filter((m): m is ast.HandlerDecl => m.kind === "HandlerDecl"),
      actions: decl.members.filter((m): m is ast.ActionDecl => m.kind === "ActionDecl").map(action),
    };
  });
  const specVars: CheckedVar[] = ctx.globals.specVars.map((decl) => ({
    decl,
    name: decl.name.name,
    type: typeOf(decl),
    durable: decl.durable,
  }));
  return {
    ast: spec,
    fileName: spec.span.file,
    constants: new Map(ctx.constants),
    enums: new Map(ctx.enumTypes),
    families,
    messages: [...ctx.globals.messages.values()].map((decl) => {
      const message = ctx.messages.get(decl.name.name);
      if (!message) throw new Error(`no message ${decl.name.name}`);
      return message;
    }),
    specVars,
    specActions: ctx.globals.specActions.map(action),
    network: bounds.network,
    faults: bounds.faults,
    ticks: bounds.ticks,
    effects: [...ctx.globals.effects.values()].map((decl) => ({ decl, name: decl.name.name, params: decl.params.map(typeOf) })),
    histories: [...ctx.globals.histories.values()].map((decl) => ({
      decl,
      name: decl.name.name,
      key: typeOf(decl.params[0]!),
      version: typeOf(decl.params[1]!),
    })),
    properties: ctx.globals.properties,
    ends: ctx.globals.ends,
    types: ctx.types,
    symbols: ctx.symbols,
    senders: ctx.senders,
    messageOf: ctx.messageOf,
  };
}
