// Version 4 UUIDs drawn from the seeded PRNG (crypto.randomUUID cannot be seeded).
import type { Rng } from './prng';

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function byteHex(b: number): string {
  return BYTE_HEX[b & 0xff] ?? '00';
}

function word(w: number): string {
  return byteHex(w >>> 24) + byteHex(w >>> 16) + byteHex(w >>> 8) + byteHex(w);
}

/** A random RFC 4122 version 4 UUID in lower-case canonical form. */
export function uuidV4(rng: Rng): string {
  const a = rng.uint32();
  const b = (rng.uint32() & 0xffff0fff) | 0x00004000; // version 4 in the 13th hex digit
  const c = (rng.uint32() & 0x3fffffff) | 0x80000000; // variant 10xx in the 17th hex digit
  const d = rng.uint32();
  const bh = word(b);
  const ch = word(c);
  // join builds one flat string; a template literal would leave a tree of cons-strings that every Map
  // lookup and JSON.stringify has to flatten again.
  return [word(a), bh.slice(0, 4), bh.slice(4), ch.slice(0, 4), ch.slice(4) + word(d)].join('-');
}
