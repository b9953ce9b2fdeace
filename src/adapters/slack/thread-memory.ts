import type { QueryContext } from '../../core/answer.ts';
import { LRUCache } from 'lru-cache';

/**
 * What each thread has established (company, metric, period), so "and in 2023?" in the
 * same thread is read as a follow-up. Bounded and forgetful: a thread idle for a day
 * starts afresh.
 */
export class ThreadMemory {
  private readonly memory: LRUCache<string, QueryContext>;

  /** `now` is the clock the time to live is measured on (tests pass their own). */
  constructor(options: { maxThreads?: number; ttlMs?: number; now?: () => number } = {}) {
    this.memory = new LRUCache({
      max: options.maxThreads ?? 5_000,
      ttl: options.ttlMs ?? 24 * 60 * 60_000,
      // A given clock is read on every check (no cached time), as a test moves it by hand.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  /** The thread's context, if any. */
  recall(key: string): QueryContext | undefined {
    return this.memory.get(key);
  }

  /** Keep what an answer established; answers that established nothing leave it as it was. */
  remember(key: string, context: QueryContext | undefined): void {
    if (context && (context.company || context.metric)) this.memory.set(key, context);
  }

  get size(): number {
    return this.memory.size;
  }
}

/** Memory key of a thread: workspace, channel and the thread's root message. */
export function threadKey(team: string | undefined, channel: string, rootTs: string): string {
  return `${team ?? '-'}:${channel}:${rootTs}`;
}
