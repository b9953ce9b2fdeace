import type { Logger } from 'pino';
import type { BaseConfig } from '../config.ts';
import type { Engine } from '../core/engine.ts';
import type { RunningFrontEnd } from '../front-end.ts';
import { openStore, type BotStore } from '../store/open-store.ts';
import { frontEndDelivery } from './delivery.ts';
import { DigestScheduler } from './scheduler.ts';

/**
 * Wiring of weekly summaries for `main`: open the database (a failure turns
 * subscriptions off, never the bot), then run the scheduler over the front ends.
 */

/** Open the bot's database, or log why not and return null. */
export function openSubscriptionStore(config: BaseConfig, logger: Logger): BotStore | null {
  try {
    return openStore(config.databasePath, { defaultTimeZone: config.defaultTz });
  } catch (error) {
    logger.error({ path: config.databasePath, err: error instanceof Error ? error.message : String(error) }, 'could not open the database; weekly summaries are off (check DATABASE_PATH)');
    return null;
  }
}

/** What `startDigestScheduler` needs from `main`. */
export interface DigestWiring {
  store: BotStore;
  engine: Engine;
  /** The front ends digests are posted through (the console among them when it is on). */
  running: readonly RunningFrontEnd[];
  logger: Logger;
}

/** Start posting digests through the running front ends; catch-up runs at once. */
export function startDigestScheduler(w: DigestWiring): DigestScheduler {
  const scheduler = new DigestScheduler({
    subscriptions: w.store.subscriptions,
    sendLog: w.store.sendLog,
    snapshot: () => w.engine.snapshot,
    delivery: frontEndDelivery(w.running),
    logger: w.logger,
  });
  void scheduler.start();
  return scheduler;
}
