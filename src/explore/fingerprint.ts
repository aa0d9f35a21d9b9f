// The 64-bit fingerprint of a PackedState, computed as two 32-bit halves so that the hot path
// stays in int32 arithmetic (no BigInt). Storing and deduplicating fingerprints is left to
// fingerprint-set.ts.

const MURMUR_C1 = 0xcc9e2d51 | 0;
const MURMUR_C2 = 0x1b873593 | 0;
const XX_PRIME1 = 0x9e3779b1 | 0;
const XX_PRIME2 = 0x85ebca77 | 0;
const XX_PRIME3 = 0xc2b2ae3d | 0;
const SEED_HI = 0x5bd1e995 | 0;
const SEED_LO = 0x27d4eb2f | 0;

/**
 * Fingerprints the `length` slots of `buffer` starting at `start`, writing the high half to
 * `out[0]` and the low half to `out[1]` (both as signed int32; only their 32 bits matter).
 *
 * The halves come from two different hash functions over the same slots: MurmurHash3's x86_32
 * body for the high half and an xxHash32-style round for the low half, each with its own final
 * avalanche. Deterministic: the same slots always give the same fingerprint, on every platform
 * and in every worker. Equal states give equal fingerprints; distinct states collide with
 * probability about 2^-64 per pair.
 */
export function fingerprintRange(buffer: Int32Array, start: number, length: number, out: Int32Array): void {
  let h1 = SEED_HI ^ length;
  let h2 = (SEED_LO + Math.imul(length, XX_PRIME3)) | 0;
  const end = start + length;
  for (let i = start; i < end; i++) {
    const v = buffer[i]! | 0;
    // High half: MurmurHash3 x86_32 block step.
    let k = Math.imul(v, MURMUR_C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, MURMUR_C2);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    // Low half: xxHash32 round.
    h2 = (h2 + Math.imul(v, XX_PRIME2)) | 0;
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = Math.imul(h2, XX_PRIME1);
  }
  // Final avalanches (MurmurHash3 fmix32 and xxHash32's), so every input bit reaches every output bit.
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b | 0);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35 | 0);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, XX_PRIME2);
  h2 ^= h2 >>> 13;
  h2 = Math.imul(h2, XX_PRIME3);
  h2 ^= h2 >>> 16;
  out[0] = h1;
  out[1] = h2;
}

/** Fingerprints a whole PackedState into `out` (`out[0]` high half, `out[1]` low half). */
export function fingerprint(state: Int32Array, out: Int32Array): void {
  fingerprintRange(state, 0, state.length, out);
}
