// THE catalog of diagnostic codes: code -> severity and message template. Codes are never reused.
// FL0xxx CLI/config, FL1xxx syntax, FL2xxx names, FL3xxx types, FL4xxx compile limits,
// FL5xxx evaluation during exploration, FL9xxx internal bugs. Every code has a golden fixture.

export type Severity = "error" | "warning";

interface CodeEntry {
  readonly severity: Severity;
  /** `{name}` placeholders are filled by makeDiagnostic. */
  readonly template: string;
}

function entry(severity: Severity, template: string): CodeEntry {
  return { severity, template };
}

export const CODES = {
  // ---- FL0xxx: command line and files ----
  /** An unknown command-line flag. */
  FL0001: entry("error", "unknown option `{option}`"),
  /** A flag that needs a value was given none, or a value of the wrong shape. */
  FL0002: entry("error", "option `{option}` {problem}"),
  /** A path given on the command line does not exist. */
  FL0003: entry("error", "no such file or folder: {path}"),
  /** A folder given on the command line holds no `*.fl` file. */
  FL0004: entry("error", "no spec files (*.fl) found in {path}"),
  /** A file could not be read (permissions, a device, a folder where a file was expected). */
  FL0005: entry("error", "cannot read {path}: {reason}"),
  /** A file is not text (it holds NUL bytes or is not valid UTF-8). */
  FL0006: entry("error", "{path} is not a text file"),
  /** A file is larger than the spec size limit. */
  FL0007: entry("error", "{path} is {size} bytes; spec files are limited to {limit} bytes"),
  /** `--const NAME=VALUE` names a constant that the spec does not declare. */
  FL0008: entry("error", "`--const {name}` does not match any constant of the spec"),
  /** `--const NAME=VALUE` gives a value of the wrong type or shape. */
  FL0009: entry("error", "`--const {name}={value}`: {problem}"),
  /** An unknown command. */
  FL0010: entry("error", "unknown command `{command}`"),
  /** A command was given no paths. */
  FL0011: entry("error", "`{command}` needs at least one {what}"),
  /** A replay token that is malformed or does not fit the spec. */
  FL0012: entry("error", "replay token `{token}` {problem}"),
  /** `faultline explore` was run without a terminal on stdin and stdout (a pipe, a script, CI). */
  FL0013: entry("error", "`faultline explore` needs a terminal; use `faultline check` in scripts"),
  /** `faultline explore` was given more than one path. */
  FL0014: entry("error", "`faultline explore` takes one spec file, got {count} paths"),
  /** `--output FILE` could not be written (a missing folder, permissions). */
  FL0015: entry("error", "cannot write {path}: {reason}"),
  /** `faultline merge` was given a file that is not a Faultline JSON report of a random search. */
  FL0016: entry("error", "{path} is not a Faultline JSON report to merge: {problem}"),
  /** `faultline merge`: the reports of one spec are not the shards 0..N-1 of one search. */
  FL0017: entry("error", "cannot merge the shards of {file}: {problem}"),

  // ---- FL1xxx: syntax ----
  /** A character that starts no token. */
  FL1001: entry("error", "unexpected character `{text}`"),
  /** The parser expected something else here. */
  FL1002: entry("error", "expected {expected} but found {found}"),
  /** The file ended in the middle of a construct. */
  FL1003: entry("error", "unexpected end of file: expected {expected}"),
  /** A string or block comment that is never closed. */
  FL1004: entry("error", "unterminated {what}"),
  /** An integer literal too large to represent. */
  FL1005: entry("error", "integer literal `{text}` is out of range (at most {max})"),
  /** Leftover input that does not start a declaration. */
  FL1006: entry("error", "expected a declaration but found {found}"),
  /** The file holds no declarations at all. */
  FL1007: entry("error", "the spec is empty: declare at least one node or variable"),
  /** A construct in a position where it is not allowed (syntactically well-formed). */
  FL1008: entry("error", "{what} is not allowed here"),
  /** Brackets, blocks or operator chains nested deeper than the parser supports. */
  FL1009: entry("error", "nesting too deep: at most {limit} levels are supported here"),
  /** So many syntax errors that parsing stopped (the file is probably not a spec). */
  FL1010: entry("error", "too many syntax errors: stopped after {limit}"),
  /** One top-level declaration with more tokens than the parser accepts (a runaway expression). */
  FL1011: entry("error", "this declaration is too large to parse: {size} tokens (at most {limit})"),

  // ---- FL2xxx: names ----
  /** A name that is not declared in scope. */
  FL2001: entry("error", "unknown name `{name}`"),
  /** Two declarations with the same name in one scope. */
  FL2002: entry("error", "`{name}` is declared twice"),
  /** A message type that is not declared. */
  FL2003: entry("error", "unknown message `{name}`"),
  /** A field that the record or message does not have. */
  FL2004: entry("error", "`{type}` has no field `{name}`"),
  /** A type name that is not declared. */
  FL2005: entry("error", "unknown type `{name}`"),
  /** A name used as something it is not (a type as a value, a variable as a type, ...). */
  FL2006: entry("error", "`{name}` is a {actual}, not a {expected}"),
  /** `self` outside a node. */
  FL2007: entry("error", "`{name}` is only available inside a node"),
  /** An effect or history that is not declared. */
  FL2008: entry("error", "unknown {what} `{name}`"),
  /** A message literal that misses a field. */
  FL2009: entry("error", "message `{type}` is missing field `{name}`"),
  /** A field given twice in a record or message literal. */
  FL2010: entry("error", "field `{name}` is given twice"),
  /** `reply` or the message binder outside a message handler. */
  FL2011: entry("error", "`{name}` is only available in a message handler"),
  /** A type alias whose definition refers back to itself. */
  FL2012: entry("error", "type `{name}` refers to itself"),

  // ---- FL3xxx: types ----
  /** An operand or argument of the wrong type. */
  FL3001: entry("error", "expected {expected} but `{text}` has type {actual}"),
  /** Assignment to something that cannot be assigned (a constant, a parameter, a binder). */
  FL3002: entry("error", "cannot assign to `{name}`: it is a {what}"),
  /** `durable` outside a node. */
  FL3003: entry("error", "`durable` applies only to variables of a node"),
  /** An integer range or budget that is empty or negative. */
  FL3004: entry("error", "{what} is empty or negative: {detail}"),
  /** A value that is not a compile-time constant where one is needed. */
  FL3005: entry("error", "`{text}` must be a constant expression"),
  /** A function called with the wrong number of arguments. */
  FL3006: entry("error", "`{name}` takes {expected} argument(s) but was given {actual}"),
  /** A literal value outside the declared type. */
  FL3007: entry("error", "value {value} does not fit type {type}"),
  /** A comparison between values of different types. */
  FL3008: entry("error", "cannot compare {left} with {right}"),
  /** A guard, condition or property that is not boolean. */
  FL3009: entry("error", "{what} must be a boolean, but has type {actual}"),
  /** Primed variables outside a transition property. */
  FL3010: entry("error", "primed expressions (`x'`) are only allowed in transition properties"),
  /** A declaration appears more than once where only one is allowed (network, faults, clock). */
  FL3011: entry("error", "only one `{what}` declaration is allowed"),
  /** Statement not allowed in this context (a send in a property, a message send from a spec action). */
  FL3012: entry("error", "{what} is not allowed in {context}"),
  /** `on M(m) from v` without `: Family`, where not exactly one family sends M. */
  FL3013: entry("error", "cannot infer which family sends `{name}`: {problem}"),
  /** An empty set or sequence literal with nothing around it that says its element type. */
  FL3014: entry("error", "cannot infer the type of `{text}`: {hint}"),
  /** A handler for a message that no node ever sends (the handler can never run). */
  FL3015: entry("warning", "no node sends `{name}`, so this handler never runs"),
  /** Division or remainder by zero while evaluating a constant expression. */
  FL3016: entry("error", "division by zero in constant expression `{text}`"),

  // ---- FL4xxx: compile limits ----
  /** A type whose domain is too large to pack. */
  FL4001: entry("error", "{what} has {size} values; at most {limit} are supported"),
  /** The packed state is too large. */
  FL4002: entry("error", "the state needs {size} slots; at most {limit} are supported"),
  /** The symmetric families have too many permutations to canonicalize every state. */
  FL4003: entry("error", "the symmetry group has {size} permutations; at most {limit} are supported"),
  /** Partition faults over more nodes than can be enumerated. */
  FL4004: entry("error", "partition faults support at most {limit} nodes, but the spec has {count}"),

  // ---- FL5xxx: evaluation during exploration ----
  /** A value assigned outside its declared range. */
  FL5001: entry("error", "value {value} is out of range for `{target}` ({type})"),
  /** Division or remainder by zero. */
  FL5002: entry("error", "division by zero"),
  /** The network capacity was exceeded. */
  FL5003: entry("error", "the network holds more than {limit} messages; raise `capacity` in the network declaration"),
  /** A sequence overflowed its bound, or head/tail of an empty sequence. */
  FL5004: entry("error", "{problem}"),

  // ---- FL6xxx: warnings about the explored model ----
  /** A handler, action or fault that never fired during an exhaustive search. */
  FL6001: entry("warning", "{what} `{name}` never fired: the spec may be vacuous"),

  // ---- FL9xxx: internal bugs ----
  /** An internal error: a bug in Faultline. */
  FL9001: entry("error", "internal error: {detail} (this is a bug in Faultline; please report it with the spec that caused it)"),
} as const satisfies Record<string, CodeEntry>;

export type Code = keyof typeof CODES;
