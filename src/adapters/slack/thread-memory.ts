import type { QueryContext } from '../../core/answer.ts';
import { ExpiringLru } from './expiring-lru.ts';

/**
 * What each thread has established (company, metric, period), so "and in 2023?" in the
 * same thread is read as a follow-up. Bounded and forgetful: a thread idle for a day
 * starts afresh.
 */
export class ThreadMemory {
  private readonly memory: ExpiringLru<string, QueryContext>;

  constructor(options: { maxThreads?: number; ttlMs?: number } = {}) {
    this.memory = new ExpiringLru({ maxEntries: options.maxThreads ?? 5_000, ttlMs: options.ttlMs ?? 24 * 60 * 60_000 });
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
