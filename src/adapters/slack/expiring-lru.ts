/**
 * A small map that forgets: at most `maxEntries` keys, each for at most `ttlMs`. Used for
 * delivery ids and thread memories, which must not grow with the bot's uptime.
 * A Map keeps insertion order, so re-inserting on use makes the first key the least
 * recently used one.
 */
export interface ExpiringLruOptions {
  maxEntries: number;
  ttlMs: number;
}

/** Bounded least-recently-used map with a time to live per entry. */
export class ExpiringLru<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(private readonly options: ExpiringLruOptions) {}

  /** The value, if present and fresh; marks it as recently used. */
  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** True when the key is present and fresh (does not refresh it). */
  has(key: K, now = Date.now()): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expires > now;
  }

  set(key: K, value: V, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Forget a key (no-op when absent). */
  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
