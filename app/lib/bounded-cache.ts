/**
 * A map of at most `max` entries that drops the least recently used one first. It memoises what never goes stale
 * (a version is immutable, so everything derived from it is too): nothing is invalidated, the bound only keeps
 * memory flat.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    // A Map iterates in insertion order: re-inserting a hit makes the first key the least recently used.
    if (hit !== undefined) this.set(key, hit);
    return hit;
  }

  /** Stores and returns `value`, so a miss reads `cache.get(k) ?? cache.set(k, build())`. */
  set(key: string, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
