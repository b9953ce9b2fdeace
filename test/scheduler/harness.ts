import { onTestFinished } from 'vitest';
import type { ChannelRef } from '../../src/core/channel.ts';
import type { Answer } from '../../src/core/answer.ts';
import type { CoreLogger } from '../../src/core/logger.ts';
import { type Clock, ManualClock } from '../../src/scheduler/clock.ts';
import type { DigestDelivery } from '../../src/scheduler/delivery.ts';
import { DigestScheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.ts';
import type { BotStore } from '../../src/store/open-store.ts';
import { bundledEngine } from '../helpers/engine.ts';
import { StorePool, tempDir } from '../store/temp-store.ts';

/** One post as the channel would have received it. */
export interface RecordedPost {
  channel: ChannelRef;
  answer: Answer;
  /** The scheduler clock when the post was made. */
  at: Date;
}

/**
 * A delivery that records every post, like a channel would see them. Platforms can be
 * taken offline and channels made to refuse posts (gone, bot removed).
 */
export class RecordingDelivery implements DigestDelivery {
  readonly posts: RecordedPost[] = [];
  readonly refused: Array<{ channel: ChannelRef; at: Date }> = [];
  platforms = new Set<ChannelRef['platform']>(['slack', 'discord', 'console']);
  /** Channel ids that refuse posts, with the platform's error text. */
  broken = new Map<string, string>();
  /** Extra latency of each post, in real milliseconds (to overlap two schedulers). */
  delayMs = 0;

  constructor(private readonly clock: Clock) {}

  canDeliver(channel: ChannelRef): boolean {
    return this.platforms.has(channel.platform);
  }

  async post(channel: ChannelRef, answer: Answer): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const broken = this.broken.get(channel.id);
    if (broken) {
      this.refused.push({ channel, at: this.clock.now() });
      throw new Error(broken);
    }
    this.posts.push({ channel, answer, at: this.clock.now() });
  }

  /** Posts to one channel. */
  to(id: string): RecordedPost[] {
    return this.posts.filter((p) => p.channel.id === id);
  }
}

/** A logger that keeps what was logged, to assert that failures are reported. */
export class RecordingLogger implements CoreLogger {
  readonly entries: Array<{ level: 'info' | 'warn' | 'error'; obj: object; msg?: string }> = [];
  info(obj: object, msg?: string): void {
    this.entries.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg?: string): void {
    this.entries.push({ level: 'error', obj, msg });
  }
  messages(level: 'info' | 'warn' | 'error'): string[] {
    return this.entries.filter((e) => e.level === level).map((e) => e.msg ?? '');
  }
}

/** A scheduler over the bundled corpus and a store, with test-friendly defaults. */
export function schedulerFor(store: BotStore, clock: Clock, delivery: DigestDelivery, options: Partial<SchedulerOptions> = {}): DigestScheduler {
  const engine = bundledEngine();
  return new DigestScheduler({
    subscriptions: store.subscriptions,
    sendLog: store.sendLog,
    snapshot: () => engine.snapshot,
    delivery,
    clock,
    ...options,
  });
}

/** Digest week (Monday) of a recorded post. */
export function weekOf(post: RecordedPost): string {
  return (post.answer.data as { digest: { week: { monday: string } } }).digest.week.monday;
}

/**
 * A fresh SQLite file, a manual clock at `start` and a recording delivery; the file and
 * its connections are removed when the calling test finishes.
 */
export function schedulerWorld(start: string) {
  const tmp = tempDir();
  const pool = new StorePool(tmp.dbPath);
  onTestFinished(async () => {
    await pool.closeAll();
    await tmp.cleanup();
  });
  const clock = new ManualClock(start);
  return { pool, store: pool.connect(), clock, delivery: new RecordingDelivery(clock) };
}
