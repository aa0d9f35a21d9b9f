// Collects the top-level declarations of a spec into namespaces and reports duplicates (FL2002)
// and repeated network/faults/clock declarations (FL3011). Names inside bodies are resolved
// later, by typecheck-expr.ts, against the global Scope built here.

import type * as ast from "../ast/nodes.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Scope, type Binding } from "./scopes.js";

/**
 * The top-level declarations, sorted by kind, each list in declaration order.
 * The value/type namespace (consts, enums and their members, type aliases, node families, spec
 * vars) is `scope`; messages, effects, histories, spec actions and properties each have their own.
 */
export interface Globals {
  readonly scope: Scope;
  readonly consts: readonly ast.ConstDecl[];
  readonly enums: readonly ast.EnumDecl[];
  readonly aliases: ReadonlyMap<string, ast.TypeDecl>;
  readonly families: readonly ast.NodeDecl[];
  readonly messages: ReadonlyMap<string, ast.MessageDecl>;
  readonly specVars: readonly ast.VarDecl[];
  readonly specActions: readonly ast.ActionDecl[];
  readonly effects: ReadonlyMap<string, ast.EffectDecl>;
  readonly histories: ReadonlyMap<string, ast.HistoryDecl>;
  readonly properties: readonly ast.PropertyDecl[];
  readonly ends: readonly ast.EndDecl[];
  readonly network: ast.NetworkDecl | undefined;
  readonly faults: ast.FaultsDecl | undefined;
  readonly clock: ast.ClockDecl | undefined;
}

/** Reports FL2002 for `ident` if `previous` (an earlier declaration's span) is defined. */
export function reportDuplicate(
  diagnostics: Diagnostic[],
  ident: ast.Ident,
  previous: ast.Ident["span"] | undefined,
): void {
  if (!previous) return;
  diagnostics.push(
    makeDiagnostic("FL2002", ident.span, { name: ident.name }, [
      { message: `\`${ident.name}\` is first declared here`, span: previous },
    ]),
  );
}

/** Declares `ident` in a plain name -> decl namespace, reporting a duplicate. */
function declareIn<T extends { readonly name: ast.Ident }>(
  namespace: Map<string, T>,
  decl: T,
  diagnostics: Diagnostic[],
): void {
  const previous = namespace.get(decl.name.name);
  if (previous) reportDuplicate(diagnostics, decl.name, previous.name.span);
  else namespace.set(decl.name.name, decl);
}

/** Collects the declarations of `spec`. Never throws; problems go to `diagnostics`. */
export function collectGlobals(spec: ast.Spec, diagnostics: Diagnostic[]): Globals {
  const scope = new Scope();
  const consts: ast.ConstDecl[] = [];
  const enums: ast.EnumDecl[] = [];
  const aliases = new Map<string, ast.TypeDecl>();
  const families: ast.NodeDecl[] = [];
  const messages = new Map<string, ast.MessageDecl>();
  const specVars: ast.VarDecl[] = [];
  const specActions = new Map<string, ast.ActionDecl>();
  const effects = new Map<string, ast.EffectDecl>();
  const histories = new Map<string, ast.HistoryDecl>();
  const properties = new Map<string, ast.PropertyDecl>();
  const ends: ast.EndDecl[] = [];
  const singles: { network?: ast.NetworkDecl; faults?: ast.FaultsDecl; clock?: ast.ClockDecl } = {};

  const declare = (ident: ast.Ident, binding: Binding): boolean => {
    const previous = scope.declare(ident.name, binding, ident.span);
    reportDuplicate(diagnostics, ident, previous);
    return previous === undefined;
  };
  const single = <K extends keyof typeof singles>(key: K, decl: NonNullable<(typeof singles)[K]>, what: string): void => {
    const previous = singles[key];
    if (previous) {
      diagnostics.push(
        makeDiagnostic("FL3011", decl.span, { what }, [
          { message: `the first \`${what}\` declaration is here`, span: previous.span },
        ]),
      );
    } else {
      singles[key] = decl;
    }
  };

  for (const decl of spec.decls) {
    switch (decl.kind) {
      case "ConstDecl":
        if (declare(decl.name, { kind: "const", decl, order: consts.length })) consts.push(decl);
        break;
      case "EnumDecl":
        if (declare(decl.name, { kind: "enum", decl })) enums.push(decl);
        decl.members.forEach((member, index) => declare(member, { kind: "enumMember", decl, index }));
        break;
      case "TypeDecl":
        if (declare(decl.name, { kind: "alias", decl })) aliases.set(decl.name.name, decl);
        break;
      case "NodeDecl":
        if (declare(decl.name, { kind: "family", decl })) families.push(decl);
        break;
      case "VarDecl":
        if (declare(decl.name, { kind: "specVar", decl })) specVars.push(decl);
        break;
      case "MessageDecl":
        declareIn(messages, decl, diagnostics);
        break;
      case "ActionDecl":
        declareIn(specActions, decl, diagnostics);
        break;
      case "EffectDecl":
        declareIn(effects, decl, diagnostics);
        break;
      case "HistoryDecl":
        declareIn(histories, decl, diagnostics);
        break;
      case "PropertyDecl":
        declareIn(properties, decl, diagnostics);
        break;
      case "EndDecl":
        ends.push(decl);
        break;
      case "NetworkDecl":
        single("network", decl, "network");
        break;
      case "FaultsDecl":
        single("faults", decl, "faults");
        break;
      case "ClockDecl":
        single("clock", decl, "clock");
        break;
    }
  }

  return {
    scope,
    consts,
    enums,
    aliases,
    families,
    messages,
    specVars,
    specActions: [...specActions.values()],
    effects,
    histories,
    properties: [...properties.values()],
    ends,
    network: singles.network,
    faults: singles.faults,
    clock: singles.clock,
  };
}
