// Seeds and the pseudo-random streams of random walks: a 64-bit seed as written by users
// (`--seed 0x2a`), and sfc32 generators keyed by (seed, walk number) through an integer mixer,
// so that every walk has its own stream and neighbouring seeds or walks share nothing.

const TWO_32 = 4294967296;
const UINT64_MASK = (1n << 64n) - 1n;

/** Per-word keys, so the four state words of a stream come from four different mixes. */
const WORD_KEYS = [0x9e3779b9 | 0, 0x7f4a7c15 | 0, 0xf39cc060 | 0, 0x5ced1e5a | 0] as const;
/** Outputs discarded after seeding, as sfc32's author advises. */
const WARM_UP = 12;

/**
 * Normalizes a seed given as a number or a bigint to an unsigned 64-bit bigint (negative values
 * wrap, as in two's complement). Throws a RangeError on a number that is not an integer: the CLI
 * validates user input with `parseSeed` first.
 */
export function normalizeSeed(seed: number | bigint): bigint {
  if (typeof seed === "number" && !Number.isSafeInteger(seed)) {
    throw new RangeError(`a seed must be a safe integer, not ${seed}`);
  }
  return BigInt.asUintN(64, BigInt(seed));
}

/** Writes a seed as users type it back: `0x` and lower-case hex digits, e.g. `0x2a`. */
export function formatSeed(seed: number | bigint): string {
  return `0x${normalizeSeed(seed).toString(16)}`;
}

/**
 * Reads a seed written in decimal (`42`) or hex (`0x2a`), at most 64 bits. Never throws:
 * answers undefined on anything else.
 */
export function parseSeed(text: string): bigint | undefined {
  const t = text.trim();
  if (!/^(0[xX][0-9a-fA-F]{1,16}|[0-9]{1,20})$/.test(t)) return undefined;
  const value = BigInt(t);
  return value > UINT64_MASK ? undefined : value;
}

/** The seed's high and low 32 bits, as int32s (the form the stream seeding uses). */
export function seedHalves(seed: number | bigint): [hi: number, lo: number] {
  const s = normalizeSeed(seed);
  return [Number(s >> 32n) | 0, Number(s & 0xffffffffn) | 0];
}

/** Chris Wellons' `lowbias32` integer hash: a bijection on 32 bits with strong avalanche. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

/**
 * Writes the sfc32 state of walk `walk` (0 <= walk < 2^53) under seed (hi, lo) into `state`
 * (4 words: a, b, c and the counter), warmed up. Deterministic on every platform. For a fixed
 * seed and high word, each state word is a bijection of the walk's low 32 bits, so no two of the
 * first 2^32 walks share a state; flipping any bit of the seed or walk changes every word.
 */
export function seedStream(state: Int32Array, seedHi: number, seedLo: number, walk: number): void {
  const walkLo = walk | 0;
  const walkHi = Math.floor(walk / TWO_32) | 0;
  for (let k = 0; k < 4; k++) {
    let h = mix32(walkLo ^ WORD_KEYS[k]!);
    h = mix32((h + walkHi) | 0);
    h = mix32(h ^ seedLo);
    h = mix32((h + seedHi) | 0);
    state[k] = h;
  }
  for (let i = 0; i < WARM_UP; i++) nextRandom(state);
}

/**
 * The next 32-bit output of the sfc32 generator (Chris Doty-Humphrey's Small Fast Chaotic PRNG)
 * whose state is `state` (a, b, c, counter), as an unsigned number in [0, 2^32).
 */
export function nextRandom(state: Int32Array): number {
  const a = state[0]!;
  const b = state[1]!;
  const c = state[2]!;
  const d = state[3]!;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/** A number in [0, n) from the generator `state` (Lemire's multiply-shift, n < 2^21). */
export function nextBelow(state: Int32Array, n: number): number {
  return Math.floor((nextRandom(state) * n) / TWO_32);
}
