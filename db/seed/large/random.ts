/** Deterministic randomness for the large seed: mulberry32, and ids in the app's shape. */

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned integer (mulberry32). */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** One of `items` by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** Picks from a fixed list by fixed weights in O(log n). */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cumulative[i] = sum += weights[i]!;
    this.total = sum;
  }

  get size() {
    return this.items.length;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * Ids like app/lib/ids.ts createId: 16 bytes in lower-case base32 without padding
 * (26 characters, the last one carrying 3 bits), drawn from a seeded generator.
 */
export class IdSource {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  next(): string {
    let out = "";
    let acc = 0;
    let bits = 0;
    for (let word = 0; word < 4; word++) {
      const w = this.rng.u32();
      for (let b = 3; b >= 0; b--) {
        acc = ((acc << 8) | ((w >>> (b * 8)) & 0xff)) & 0xffff;
        bits += 8;
        while (bits >= 5) {
          bits -= 5;
          out += ALPHABET[(acc >>> bits) & 31];
        }
      }
    }
    // 128 bits = 25 characters and 3 bits left, padded with zeros (as the encoder does).
    out += ALPHABET[(acc << (5 - bits)) & 31];
    return out;
  }
}

/** The base32 alphabet in ASCII order, so that prefixes written with it sort as numbers. */
const SORTED = "234567abcdefghijklmnopqrstuvwxyz";

/**
 * Ids in the same shape for rows nobody links to (the access log): a 10-character prefix
 * counting up, then 16 random characters. Rows inserted in this order go to the end of the
 * primary-key index instead of at random places in it, which at millions of rows is most of
 * the load time.
 */
export class OrderedIdSource {
  private readonly rng: Rng;
  private n = 0;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  next(): string {
    let k = this.n++;
    let prefix = "";
    for (let i = 0; i < 10; i++) {
      prefix = SORTED[k % 32] + prefix;
      k = Math.floor(k / 32);
    }
    let out = prefix;
    for (let i = 0; i < 16; i++) out += ALPHABET[this.rng.u32() & 31];
    return out;
  }
}

