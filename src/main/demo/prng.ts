// A small seeded PRNG so the demo data set is identical for the same seed on every machine and Node
// version (Math.random cannot be seeded). sfc32 is fast, passes PractRand, and needs only 32-bit ints.

const DIGITS3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Mixes a seed into a well-spread 32-bit value (splitmix32), so nearby seeds give unrelated streams. */
function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Combines a seed with stream numbers into one seed, e.g. (data set seed, record number). */
export function deriveSeed(seed: number, ...streams: number[]): number {
  let h = mixSeed(seed);
  for (const n of streams) h = mixSeed((h + Math.imul(n | 0, 0x9e3779b1)) | 0);
  return h;
}

/** A deterministic random source (sfc32) with the helpers the data generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * Different `stream` numbers under one seed give different streams for sure (the start states
   * differ in one word and sfc32's step is a bijection); a 32-bit derived seed per record would
   * collide about once in 100,000 records.
   */
  constructor(seed: number, stream = 0) {
    this.a = mixSeed(seed);
    this.b = (mixSeed(this.a ^ 0x85ebca6b) ^ stream) | 0;
    this.c = mixSeed(this.a ^ 0xc2b2ae35);
    this.d = 1;
    // The first outputs of sfc32 still resemble the seed; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next raw 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick needs a non-empty array');
    return item;
  }

  /** A string of `length` decimal digits that does not start with 0. */
  digits(length: number): string {
    // Three digits per draw from a table: String(n).padStart per digit group is several times slower.
    let s = String(this.range(1, 9));
    let left = length - 1;
    for (; left >= 3; left -= 3) s += DIGITS3[this.int(1000)];
    for (; left > 0; left--) s += String(this.int(10));
    return s;
  }

  /** A string of `length` lower-case hex digits. */
  hex(length: number): string {
    let s = '';
    while (s.length < length) {
      const w = this.uint32();
      s +=
        (HEX2[w >>> 24] ?? '') +
        (HEX2[(w >>> 16) & 0xff] ?? '') +
        (HEX2[(w >>> 8) & 0xff] ?? '') +
        (HEX2[w & 0xff] ?? '');
    }
    return s.length === length ? s : s.slice(0, length);
  }
}
