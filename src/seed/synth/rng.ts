import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * A seeded pseudo-random source (xoroshiro128+ from pure-rand). Same seed, same sequence, on every
 * platform — so the synthetic layer is reproducible. Mutates its generator in place (the "unsafe"
 * pure-rand API) because millions of draws must not allocate.
 */
export class Rng {
  private readonly g: RandomGenerator;

  constructor(seed: number) {
    this.g = xoroshiro128plus(seed | 0);
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return unsafeUniformIntDistribution(lo, hi, this.g);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }

  /** Fisher–Yates, in place; returns its argument. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return xs;
  }

  /** `k` distinct elements of `xs`, in random order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    if (k > xs.length) throw new RangeError(`cannot sample ${k} distinct of ${xs.length}`);
    return this.shuffle([...xs]).slice(0, k);
  }

  /**
   * Splits `total` into `n` positive integer parts with random weights in [lo, hi]; the parts sum
   * to `total` exactly (the rounding remainder goes one unit each to the first parts).
   */
  split(total: number, n: number, lo = 20, hi = 400): number[] {
    const w = Array.from({ length: n }, () => this.int(lo, hi));
    const sum = w.reduce((a, b) => a + b, 0);
    const parts = w.map((x) => Math.floor((total * x) / sum));
    let rest = total - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i]++;
    return parts;
  }
}

/** Seed of banner `index` (0 = 准格尔旗): independent streams, so banners can be generated one at a time. */
export function bannerSeed(index: number): number {
  return (0x20130416 ^ Math.imul(index + 1, 0x9e3779b1)) | 0;
}
