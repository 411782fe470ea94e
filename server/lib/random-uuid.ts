/**
 * A random (v4) UUID as a flat string. `crypto.randomUUID()` in Node 20 builds its result by
 * concatenating 16 two-digit pieces, and V8 keeps such a result as a tree of 14 cons strings:
 * ≈ 490 bytes per id kept, against ≈ 60 for the same 36 characters in one piece. The event log
 * keeps an id per record (and its events' ids again in `sourceEvents`), so at 100,000 records
 * that was ≈ 45 MiB. Same source of randomness (a pool refilled from `randomFillSync`).
 */
import { randomFillSync } from 'node:crypto';

const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
/** Random bytes for 128 UUIDs at a time, as `randomUUID` does. */
const pool = new Uint8Array(16 * 128);
let used = pool.length;
/** The 36 character codes of the UUID being built. */
const codes: number[] = new Array<number>(36).fill(0);

export function randomUuid(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += 16;
  let j = 0;
  for (let i = 0; i < 16; i += 1) {
    let byte = pool[at + i]!;
    if (i === 6)
      byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // variant 10xx
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[j++] = DASH;
    codes[j++] = HEX[byte >> 4]!;
    codes[j++] = HEX[byte & 15]!;
  }
  // One call with every code: V8 allocates the result as one sequential string.
  return String.fromCharCode(...codes);
}
