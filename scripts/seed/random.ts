import { createHash } from 'node:crypto';

/** A UUID derived from a key, so that the seed finds its own rows again on a second run. */
export function seedId(key: string): string {
  const h = createHash('sha256').update(`brobygger-seed/${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small deterministic generator, so every run draws the same job centre. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    some: <T>(items: readonly T[], n: number): T[] => [...items].sort(() => next() - 0.5).slice(0, n),
  };
}
