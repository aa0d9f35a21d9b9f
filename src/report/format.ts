// Small formatting helpers for reports: counts with separators, durations, bytes, values.

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * A decoded state value (see Model.decode) as the user would write it: sets as `{a, b}`,
 * sequences (arrays) as `[a, b]`, maps as `{0 -> 1, 1 -> 0}`, records as `{ f: v }`.
 */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (isTagged(value, "#set")) return `{${value["#set"].map(formatValue).join(", ")}}`;
  if (isTagged(value, "#map")) {
    const entries = value["#map"].map((e) => (Array.isArray(e) ? `${formatValue(e[0])} -> ${formatValue(e[1])}` : formatValue(e)));
    return `{${entries.join(", ")}}`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")} }`;
  }
  return String(value);
}

/** True for the ITF encodings of sets and maps: `{ "#set": [...] }`, `{ "#map": [[k, v], ...] }`. */
function isTagged<K extends "#set" | "#map">(value: unknown, tag: K): value is Record<K, unknown[]> {
  return value !== null && typeof value === "object" && Array.isArray((value as Record<string, unknown>)[tag]);
}

/** Which bound stopped a search, in words: `state limit hit`, `interrupted`. */
export function limitWords(limit: string | undefined): string {
  switch (limit) {
    case "states":
      return "state limit hit";
    case "depth":
      return "depth limit hit";
    case "time":
      return "time limit hit";
    case "memory":
      return "memory limit hit";
    case "interrupted":
      return "interrupted";
    default:
      return "limit hit";
  }
}
