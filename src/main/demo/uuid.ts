// Version 4 UUIDs drawn from the seeded PRNG (crypto.randomUUID cannot be seeded).
import type { Rng } from './prng';

const HEX4: readonly string[] = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));

function hex4(n: number): string {
  return HEX4[n & 0xffff] ?? '0000';
}

/** A random RFC 4122 version 4 UUID in lower-case canonical form. */
export function uuidV4(rng: Rng): string {
  const a = rng.uint32();
  const b = (rng.uint32() & 0xffff0fff) | 0x00004000; // version 4 in the 13th hex digit
  const c = (rng.uint32() & 0x3fffffff) | 0x80000000; // variant 10xx in the 17th hex digit
  const d = rng.uint32();
  // join builds one flat string; a template literal would leave a tree of cons-strings that every Map
  // lookup and JSON.stringify has to flatten again.
  return [
    hex4(a >>> 16) + hex4(a),
    hex4(b >>> 16),
    hex4(b),
    hex4(c >>> 16),
    hex4(c) + hex4(d >>> 16) + hex4(d),
  ].join('-');
}
