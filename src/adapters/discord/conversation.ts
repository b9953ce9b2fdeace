import type { Answer, QueryContext } from '../../core/answer.ts';

/**
 * What the last answer to a user in a channel established (company, metric, period),
 * so "and 2023?" right after `/metric` is understood. Bounded in size and age so a
 * long-running bot does not grow without limit.
 */
export class ConversationStore {
  private readonly entries = new Map<string, { context: QueryContext; at: number }>();

  constructor(
    private readonly maxEntries = 5000,
    private readonly ttlMs = 30 * 60_000,
  ) {}

  /** The key of a user's conversation in a channel. */
  static key(channelId: string, userId: string): string {
    return `${channelId}:${userId}`;
  }

  get(key: string, now = Date.now()): QueryContext | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.context;
  }

  /** Remember what an answer established; answers that established nothing leave the last context. */
  remember(key: string, answer: Answer, now = Date.now()): void {
    const context = answer.context;
    if (!context || (!context.company && !context.metric)) return;
    this.entries.delete(key);
    this.entries.set(key, { context, at: now });
    // Maps iterate in insertion order: the first key is the least recently answered.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
