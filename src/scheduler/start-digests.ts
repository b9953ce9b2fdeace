import type { Logger } from 'pino';
import type { BaseConfig } from '../config.ts';
import type { Engine } from '../core/engine.ts';
import type { RunningFrontEnd } from '../front-end.ts';
import { openBotStore } from '../store/open-store.ts';
import type { BotStore } from '../store/types.ts';
import { frontEndDelivery } from './delivery.ts';
import { DigestScheduler } from './scheduler.ts';

/**
 * Wiring of the store and weekly summaries for `main`: open the store (a failure turns
 * subscriptions off, never the bot), then run the scheduler over the front ends.
 */

/** The opened store, and the banner line saying which one it is. */
export interface OpenedStore {
  store: BotStore | null;
  banner: string;
}

/**
 * Open the configured store: PostgreSQL when DATABASE_URL is set (it wins), else SQLite
 * at DATABASE_PATH. A PostgreSQL server that does not answer at start is retried on use;
 * a SQLite file that cannot be opened turns the store off.
 */
export async function openConfiguredStore(config: BaseConfig, logger: Logger): Promise<OpenedStore> {
  const also = config.databaseUrl && process.env.DATABASE_PATH ? '; DATABASE_PATH is ignored because DATABASE_URL is set' : '';
  let store;
  try {
    store = openBotStore({ databaseUrl: config.databaseUrl, databasePath: config.databasePath, defaultTimeZone: config.defaultTz, logger });
  } catch (error) {
    logger.error({ path: config.databasePath, err: error instanceof Error ? error.message : String(error) }, 'could not open the database; weekly summaries are off (check DATABASE_PATH)');
    return { store: null, banner: 'store: off (the SQLite database could not be opened; see the log)' };
  }
  if (store.kind === 'sqlite') return { store, banner: `store: SQLite at ${store.location}` };
  try {
    await store.ready();
    return { store, banner: `store: PostgreSQL at ${store.location}${also}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ database: store.location, err: message }, 'PostgreSQL did not answer at start; questions are answered, shared state is retried on use');
    return { store, banner: `store: PostgreSQL at ${store.location} (unreachable for now: ${message}; retrying)${also}` };
  }
}

/** What `startDigestScheduler` needs from `main`. */
export interface DigestWiring {
  store: BotStore;
  engine: Engine;
  /** The front ends digests are posted through (the console among them when it is on). */
  running: readonly RunningFrontEnd[];
  logger: Logger;
  config: Pick<BaseConfig, 'digestLeaseMs' | 'digestPollMs'>;
}

/** Start posting digests through the running front ends; catch-up runs at once. */
export function startDigestScheduler(w: DigestWiring): DigestScheduler {
  const scheduler = new DigestScheduler({
    subscriptions: w.store.subscriptions,
    sendLog: w.store.sendLog,
    snapshot: () => w.engine.snapshot,
    delivery: frontEndDelivery(w.running),
    logger: w.logger,
    leaseMs: w.config.digestLeaseMs,
    maxSleepMs: w.config.digestPollMs,
  });
  void scheduler.start();
  return scheduler;
}
