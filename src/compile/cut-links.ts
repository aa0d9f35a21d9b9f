// Cut links lose messages: when a link is cut, the messages in flight on it are removed from the
// network. Sends on a cut link are lost in the generated send code (stmt.ts), so no message is
// ever in flight on a cut link, and deliveries need not look at the cut bits.

import type { Layout } from "./layout.js";
import { decodeMessage } from "./message-codec.js";

/** True when directed link `link` (src * nodeCount + dst) is cut in `s`. */
export function isCut(layout: Layout, s: ArrayLike<number>, link: number): boolean {
  const cut = layout.cut;
  return cut !== undefined && ((s[cut.base + (link >>> 5)]! >>> (link & 31)) & 1) === 1;
}

/** The directed link (src * nodeCount + dst) that message `code` travels on. */
export function linkOfCode(layout: Layout, code: number): number {
  const m = decodeMessage(layout.codec, code);
  return m.src * layout.nodeCount + m.dst;
}

/**
 * Removes from `n` every in-flight message whose link is cut in `n`, and returns how many were
 * removed: each copy in a multiset or a FIFO, each element of a duplicating network's set.
 * Keeps multisets sorted and leaves the other links' FIFOs as they were.
 */
export function loseMessagesOnCutLinks(layout: Layout, n: Int32Array): number {
  const net = layout.network;
  let lost = 0;
  if (net.kind === "duplicating") {
    for (let w = 0; w < net.size; w++) {
      const at = net.base + w;
      for (let bits = n[at]!; bits !== 0; bits &= bits - 1) {
        const bit = 31 - Math.clz32(bits & -bits);
        if (!isCut(layout, n, linkOfCode(layout, w * 32 + bit))) continue;
        n[at] = n[at]! & ~(1 << bit);
        lost++;
      }
    }
    return lost;
  }
  if (net.kind === "unordered") {
    // Compact the sorted multiset in place, keeping the messages on links that are not cut.
    const end = net.base + net.capacity;
    let to = net.base;
    for (let k = net.base; k < end; k++) {
      const code = n[k]!;
      if (code === -1) break;
      if (isCut(layout, n, linkOfCode(layout, code))) lost++;
      else n[to++] = code;
    }
    n.fill(-1, to, to + lost);
    return lost;
  }
  // Ordered: one FIFO per link; a cut link's queue is emptied.
  net.links.forEach(([src, dst], L) => {
    if (!isCut(layout, n, src * layout.nodeCount + dst)) return;
    const q = net.base + L * net.capacity;
    for (let k = q; k < q + net.capacity && n[k] !== -1; k++) {
      n[k] = -1;
      lost++;
    }
  });
  return lost;
}
