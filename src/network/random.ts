// A small seeded PRNG: the same seed string always gives the same sequence (xoshiro128** seeded from SHA-256).
import { createHash } from "node:crypto";

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Log-uniform in [min, max): as many values between 1 and 10 as between 10 and 100. */
  logUniform(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(list: readonly T[]): T[];
  chance(probability: number): boolean;
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

export function createRandom(seed: string): Random {
  const digest = createHash("sha256").update(`rampart-scenario:${seed}`).digest();
  const s: number[] = [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1; // xoshiro's one forbidden state
  const nextUint32 = (): number => {
    const [s0 = 0, s1 = 0, s2 = 0, s3 = 0] = s;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    let n2 = (s2 ^ s0) >>> 0;
    let n3 = (s3 ^ s1) >>> 0;
    const n1 = (s1 ^ n2) >>> 0;
    const n0 = (s0 ^ n3) >>> 0;
    n2 = (n2 ^ t) >>> 0;
    n3 = rotl(n3, 11);
    s[0] = n0;
    s[1] = n1;
    s[2] = n2;
    s[3] = n3;
    return result;
  };
  const random: Random = {
    next: () => nextUint32() / 2 ** 32,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    uniform: (min, max) => min + random.next() * (max - min),
    logUniform: (min, max) => Math.exp(random.uniform(Math.log(min), Math.log(max))),
    pick: (list) => {
      if (list.length === 0) throw new Error("pick from an empty list");
      return list[Math.floor(random.next() * list.length)] as (typeof list)[number];
    },
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    chance: (probability) => random.next() < probability,
  };
  return random;
}
