import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { digestAnswer } from '../core/digest/digest-answer.ts';
import type { CoreLogger } from '../core/logger.ts';
import type { CorpusSnapshot } from '../core/snapshot.ts';
import type { Subscription } from '../core/subscriptions.ts';
import { scrubSecrets } from '../logger.ts';
import type { SendLogRepository, SubscriptionRepository } from '../store/types.ts';
import { systemClock, type Clock } from './clock.ts';
import type { DigestDelivery } from './delivery.ts';
import { digestWeekFor, nextRun, previousRun } from './next-run.ts';

const MINUTE = 60_000;

/** What the scheduler needs. Every timing knob has a production default. */
export interface SchedulerOptions {
  subscriptions: Pick<SubscriptionRepository, 'listActive' | 'pause'>;
  sendLog: SendLogRepository;
  /** The current corpus snapshot (read at every send: re-indexing swaps it). */
  snapshot: () => CorpusSnapshot;
  delivery: DigestDelivery;
  clock?: Clock;
  logger?: CoreLogger;
  /** Identifies this process in the send log. */
  instanceId?: string;
  /** A digest posted more than this after its slot is marked late (default 15 min). */
  lateAfterMs?: number;
  /**
   * Age after which another process's claim counts as abandoned (default 10 min): a
   * replica that dies holding a claim delays that digest by at most this plus one tick.
   */
  leaseMs?: number;
  /** Attempts per week before the subscription is paused (default 3). */
  maxAttempts?: number;
  /** Wait before attempt 2, 3, ... (default 5 min, 30 min). */
  retryDelaysMs?: readonly number[];
  /**
   * A post that takes longer has an unknown outcome and is not retried (default 2 min,
   * at most half the lease, so a slow live post is never taken over).
   */
  postTimeoutMs?: number;
  /** Longest sleep between ticks, so new subscriptions and retries are picked up (default 1 min). */
  maxSleepMs?: number;
}

/** What one tick did for one subscription. */
export interface TickEvent {
  subscription: number;
  week: string;
  outcome: 'posted' | 'confirmed' | 'failed' | 'paused' | 'unknown' | 'waiting' | 'no_front_end';
  late?: boolean;
  attempt?: number;
  error?: string;
}

class PostTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PostTimeout(`the platform did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  return scrubSecrets(error instanceof Error ? error.message : String(error)).slice(0, 300);
}

const silent: CoreLogger = { info() {}, warn() {}, error() {} };

/**
 * Posts each active subscription's weekly digest at its local time. Every tick looks
 * only at the latest slot due for each subscription: a bot that was down for weeks
 * posts the latest missed week once (marked late), not a backlog. Sending goes through
 * the send log's claim, so restarts and concurrent processes never double-post.
 * Failures are retried a bounded number of times, then the subscription is paused.
 */
export class DigestScheduler {
  private readonly clock: Clock;
  private readonly log: CoreLogger;
  readonly instanceId: string;
  private readonly o: Required<Pick<SchedulerOptions, 'lateAfterMs' | 'leaseMs' | 'maxAttempts' | 'retryDelaysMs' | 'postTimeoutMs' | 'maxSleepMs'>>;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<TickEvent[]> | null = null;
  private stopped = false;
  private readonly unroutable = new Set<number>();

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? silent;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const leaseMs = options.leaseMs ?? 10 * MINUTE;
    this.o = {
      lateAfterMs: options.lateAfterMs ?? 15 * MINUTE,
      leaseMs,
      maxAttempts: options.maxAttempts ?? 3,
      retryDelaysMs: options.retryDelaysMs ?? [5 * MINUTE, 30 * MINUTE],
      postTimeoutMs: Math.min(options.postTimeoutMs ?? 2 * MINUTE, Math.floor(leaseMs / 2)),
      maxSleepMs: options.maxSleepMs ?? MINUTE,
    };
  }

  /** Catch up at once (the latest missed week of each subscription), then run on timers. */
  start(): Promise<TickEvent[]> {
    this.stopped = false;
    const first = this.tick();
    void first.finally(() => void this.arm());
    return first;
  }

  /** Stop the timers and wait for a tick in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
  }

  /** The next instant a subscription is due (for timers and `/subscriptions`). */
  async nextWake(): Promise<Date | null> {
    const now = this.clock.now();
    const slots = (await this.options.subscriptions.listActive()).map((s) => nextRun(s, now).getTime());
    return slots.length ? new Date(Math.min(...slots)) : null;
  }

  private async arm(): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now().getTime();
    let wake = now + this.o.maxSleepMs;
    try {
      wake = Math.min(wake, (await this.nextWake())?.getTime() ?? wake);
    } catch (error) {
      this.log.error({ err: errorText(error) }, 'digest scheduler could not read subscriptions');
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick().finally(() => void this.arm()), Math.max(Math.min(1000, this.o.maxSleepMs), wake - now));
    this.timer.unref();
  }

  /** One pass over the active subscriptions. Never rejects; overlapping calls share one pass. */
  tick(): Promise<TickEvent[]> {
    this.inFlight ??= this.pass()
      .catch((error: unknown) => {
        this.log.error({ err: errorText(error) }, 'digest scheduler pass failed; retrying at the next tick');
        return [] as TickEvent[];
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async pass(): Promise<TickEvent[]> {
    const events: TickEvent[] = [];
    for (const sub of await this.options.subscriptions.listActive()) {
      const event = await this.consider(sub);
      if (event) events.push(event);
    }
    return events;
  }

  private async consider(sub: Subscription): Promise<TickEvent | null> {
    const now = this.clock.now();
    const due = previousRun(sub, now);
    // A slot before the subscription took effect is owed nothing.
    if (due.getTime() < Date.parse(sub.activeSince)) return null;
    const week = digestWeekFor(sub, due);
    const base = { subscription: sub.id, week: week.monday };
    if (!this.options.delivery.canDeliver(sub.channel)) {
      if (!this.unroutable.has(sub.id)) this.log.warn({ subscription: sub.id, platform: sub.channel.platform }, 'no running front end posts to this platform; the digest waits');
      this.unroutable.add(sub.id);
      return { ...base, outcome: 'no_front_end' };
    }
    this.unroutable.delete(sub.id);
    const late = now.getTime() - due.getTime() > this.o.lateAfterMs;
    const claim = await this.options.sendLog.claim(sub.id, week.monday, { instance: this.instanceId, now, late, leaseMs: this.o.leaseMs, maxAttempts: this.o.maxAttempts });
    switch (claim.kind) {
      case 'claimed':
        if (claim.verifyFrom) {
          const checked = await this.verify(sub, week.monday, due, claim.verifyFrom);
          if (checked) return checked;
        }
        return this.send(sub, week.monday, due, late, claim.attempt);
      case 'exhausted':
        await this.pause(sub, `posting failed ${claim.attempts} times`);
        return { ...base, outcome: 'paused' };
      case 'waiting':
        return { ...base, outcome: 'waiting' };
      default:
        return null;
    }
  }

  /**
   * The previous holder died while posting: ask the platform whether its post arrived.
   * Returns the outcome when nothing is to be posted (it arrived, or nobody can tell),
   * null when the digest should be posted now.
   */
  private async verify(sub: Subscription, week: string, due: Date, previous: string): Promise<TickEvent | null> {
    const base = { subscription: sub.id, week };
    let arrived: boolean | undefined;
    try {
      arrived = await withTimeout(this.options.delivery.wasPosted?.(sub.channel, digestMarker(sub.id, week), due) ?? Promise.resolve(undefined), this.o.postTimeoutMs);
    } catch (error) {
      this.log.warn({ subscription: sub.id, week, err: errorText(error) }, 'could not check whether a digest arrived');
      arrived = undefined;
    }
    if (arrived === undefined) {
      const reason = `process ${previous} stopped while posting and the platform cannot tell whether the post arrived; not retried to avoid a double post`;
      await this.options.sendLog.markUnknown(sub.id, week, this.instanceId, reason);
      this.log.warn({ subscription: sub.id, week, previous }, 'a process stopped while posting this digest; it may not have arrived and is not retried, to avoid a double post');
      return { ...base, outcome: 'unknown' };
    }
    if (arrived) {
      await this.options.sendLog.markSent(sub.id, week, this.instanceId, this.clock.now(), previous);
      this.log.info({ subscription: sub.id, week, previous }, 'a process stopped after its digest arrived; recorded as sent');
      return { ...base, outcome: 'confirmed' };
    }
    this.log.warn({ subscription: sub.id, week, previous }, 'a process stopped while posting this digest and it did not arrive; posting it');
    return null;
  }

  private async send(sub: Subscription, week: string, due: Date, late: boolean, attempt: number): Promise<TickEvent> {
    const { sendLog } = this.options;
    const base = { subscription: sub.id, week, late, attempt };
    const now = this.clock.now();
    let answer;
    try {
      answer = digestAnswer(this.options.snapshot(), {
        week: digestWeekFor(sub, due),
        companies: sub.companies,
        lateFor: late ? due : undefined,
        now,
      });
    } catch (error) {
      // The bot's own failure, not the channel's: it must not count towards pausing the subscription.
      const message = errorText(error);
      await sendLog.release(sub.id, week, this.instanceId, message, new Date(now.getTime() + (this.o.retryDelaysMs[0] ?? 5 * MINUTE)));
      this.log.error({ subscription: sub.id, week, err: message }, 'could not build a weekly digest; will retry');
      return { ...base, outcome: 'failed', error: message };
    }
    if (!(await sendLog.markPosting(sub.id, week, this.instanceId, this.clock.now()))) {
      this.log.warn({ subscription: sub.id, week }, 'lost the claim on a digest before posting; another process has it');
      return { ...base, outcome: 'waiting' };
    }
    try {
      await withTimeout(this.options.delivery.post(sub.channel, answer, { marker: digestMarker(sub.id, week) }), this.o.postTimeoutMs);
    } catch (error) {
      if (error instanceof PostTimeout) {
        await sendLog.markUnknown(sub.id, week, this.instanceId, error.message);
        this.log.warn({ subscription: sub.id, week }, 'posting a digest timed out; it may have arrived, so it is not retried');
        return { ...base, outcome: 'unknown', error: error.message };
      }
      return this.failed(sub, week, attempt, error);
    }
    await sendLog.markSent(sub.id, week, this.instanceId, this.clock.now());
    this.log.info({ subscription: sub.id, platform: sub.channel.platform, channel: sub.channel.id, week, late }, 'weekly digest posted');
    return { ...base, outcome: 'posted' };
  }

  private async failed(sub: Subscription, week: string, attempt: number, error: unknown): Promise<TickEvent> {
    const message = errorText(error);
    const retry = attempt < this.o.maxAttempts;
    const delay = this.o.retryDelaysMs[Math.min(attempt - 1, this.o.retryDelaysMs.length - 1)] ?? 5 * MINUTE;
    const retryAt = retry ? new Date(this.clock.now().getTime() + delay) : null;
    await this.options.sendLog.markFailed(sub.id, week, this.instanceId, message, retryAt);
    const base = { subscription: sub.id, week, attempt, error: message };
    if (retry) {
      this.log.warn({ subscription: sub.id, platform: sub.channel.platform, channel: sub.channel.id, week, attempt, retryAt: retryAt?.toISOString(), err: message }, 'posting a digest failed; will retry');
      return { ...base, outcome: 'failed' };
    }
    await this.pause(sub, `posting failed ${attempt} times, last: ${message}`);
    return { ...base, outcome: 'paused' };
  }

  private async pause(sub: Subscription, reason: string): Promise<void> {
    await this.options.subscriptions.pause(sub.id, reason, this.clock.now());
    this.log.error({ subscription: sub.id, platform: sub.channel.platform, channel: sub.channel.id, reason }, 'weekly digest subscription paused; /subscribe in the channel resumes it');
  }
}

/** What a digest post carries so that the platform can later tell whether it arrived. */
export function digestMarker(subscriptionId: number, week: string): string {
  return `digest:${subscriptionId}:${week}`;
}
