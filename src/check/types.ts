// The type representation of checked specs: finite types with their domains resolved to numbers.
// Produced by check/typecheck.ts; read by compile/ to lay out and encode values.

/** Integers: `low..high` for declared ranges; arithmetic results are unbounded (±Infinity). */
export interface IntType {
  readonly kind: "int";
  readonly low: number;
  readonly high: number;
}
export interface BoolType {
  readonly kind: "bool";
}
export interface EnumType {
  readonly kind: "enum";
  readonly name: string;
  readonly members: readonly string[];
}
/** A node id of a family: values 0..count-1. */
export interface NodeType {
  readonly kind: "node";
  readonly family: string;
  readonly count: number;
}
export interface SetType {
  readonly kind: "set";
  readonly element: Type;
}
export interface MapType {
  readonly kind: "map";
  readonly key: Type;
  readonly value: Type;
}
export interface SeqType {
  readonly kind: "seq";
  readonly element: Type;
  readonly max: number;
}
export interface RecordField {
  readonly name: string;
  readonly type: Type;
}
export interface RecordType {
  readonly kind: "record";
  readonly fields: readonly RecordField[];
}
/** The type of a message binder `m` in `on Vote(m)`: the message's fields. */
export interface MessageType {
  readonly kind: "message";
  readonly name: string;
  readonly fields: readonly RecordField[];
}

export type Type =
  | IntType
  | BoolType
  | EnumType
  | NodeType
  | SetType
  | MapType
  | SeqType
  | RecordType
  | MessageType;

export const BOOL: BoolType = { kind: "bool" };
/** The type of arithmetic results and integer literals before they meet a declared range. */
export const INT: IntType = { kind: "int", low: -Infinity, high: Infinity };

export function intRange(low: number, high: number): IntType {
  return { kind: "int", low, high };
}

/** Renders a type as the user writes it: `0..3`, `set<Server>`, `{ a: bool }`. */
export function typeToString(type: Type): string {
  switch (type.kind) {
    case "int":
      return Number.isFinite(type.low) ? `${type.low}..${type.high}` : "int";
    case "bool":
      return "bool";
    case "enum":
      return type.name;
    case "node":
      return type.family;
    case "set":
      return `set<${typeToString(type.element)}>`;
    case "map":
      return `map<${typeToString(type.key)}, ${typeToString(type.value)}>`;
    case "seq":
      return `seq<${typeToString(type.element)}, ${type.max}>`;
    case "record":
      return `{ ${type.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(", ")} }`;
    case "message":
      return `message ${type.name}`;
  }
}

/**
 * The number of values of a finite type (Infinity for unbounded ints). Sets count 2^n,
 * maps |V|^|K|, sequences sum |T|^i for i <= max.
 */
export function domainSize(type: Type): number {
  switch (type.kind) {
    case "int":
      return type.high - type.low + 1;
    case "bool":
      return 2;
    case "enum":
      return type.members.length;
    case "node":
      return type.count;
    case "set":
      return 2 ** domainSize(type.element);
    case "map":
      return domainSize(type.value) ** domainSize(type.key);
    case "seq": {
      const n = domainSize(type.element);
      let total = 0;
      for (let i = 0; i <= type.max; i++) total += n ** i;
      return total;
    }
    case "record":
    case "message":
      return type.fields.reduce((acc, f) => acc * domainSize(f.type), 1);
  }
}

/** Structural type equality; int ranges are equal to each other whatever their bounds. */
export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "int":
    case "bool":
      return true;
    case "enum":
      return a.name === (b as EnumType).name;
    case "node":
      return a.family === (b as NodeType).family;
    case "set":
      return sameType(a.element, (b as SetType).element);
    case "map":
      return sameType(a.key, (b as MapType).key) && sameType(a.value, (b as MapType).value);
    case "seq":
      return sameType(a.element, (b as SeqType).element);
    case "record":
    case "message": {
      const bf = (b as RecordType | MessageType).fields;
      return (
        a.fields.length === bf.length &&
        a.fields.every((f, i) => f.name === bf[i]!.name && sameType(f.type, bf[i]!.type))
      );
    }
  }
}
