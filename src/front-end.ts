import type { Logger } from 'pino';
import type { ChannelRef, CommandContext } from '../commands/index.ts';
import type { Answer } from './core/answer.ts';
import type { BaseConfig } from './config.ts';
import type { Engine } from './core/engine.ts';
import type { BotStore, StoreHealth } from './store/types.ts';

/** What every front end gets from `main`. */
export interface FrontEndDeps {
  engine: Engine;
  config: BaseConfig;
  logger: Logger;
  now: () => Date;
  /** Base command context (engine, clock, logger); adapters add channel, user, thread. */
  context: () => CommandContext;
  /**
   * The shared store (SQLite or PostgreSQL) for state replicas must agree on: delivery
   * de-duplication, rate limits, thread memory. Absent when the bot runs without one.
   */
  store?: Pick<BotStore, 'deliveries' | 'rateLimits' | 'threads'>;
  /** What `/healthz` reports about the store. */
  storeHealth?: () => Promise<StoreHealth>;
}

/** A running front end. */
export interface RunningFrontEnd {
  name: string;
  /** Stop taking new messages, finish the ones in flight, close connections. */
  stop(): Promise<void>;
  /**
   * Post an answer to a channel of this platform without a user's message (weekly
   * digests). Rejects when the channel is gone or the bot was removed from it.
   */
  post?(channel: ChannelRef, answer: Answer, options?: { marker?: string }): Promise<void>;
  /**
   * Whether a post carrying `marker` (see `post`) reached the channel since `since`;
   * lets another replica finish a digest whose poster died mid-post without doubling it.
   */
  wasPosted?(channel: ChannelRef, marker: string, since: Date): Promise<boolean | undefined>;
}

/**
 * A front end `main` can start. `check` reads the environment: a front end that is not
 * configured (or misconfigured) says why, and the others still start.
 */
export interface FrontEndFactory {
  name: string;
  check(env: NodeJS.ProcessEnv): { enabled: true } | { enabled: false; reason: string };
  start(env: NodeJS.ProcessEnv, deps: FrontEndDeps): Promise<RunningFrontEnd>;
}
