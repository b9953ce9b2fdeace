import type { BotStore } from '../types.ts';
import { describePgUrl, PgConnection, type PgOptions } from './connection.ts';
import { PgSendLog } from './send-log.ts';
import { PgDeliveryLog, PgRateBuckets, PgThreadStore } from './shared-state.ts';
import { PgSubscriptions } from './subscriptions.ts';

/** The PostgreSQL store; `connection` is exposed for tests and maintenance. */
export interface PgStore extends BotStore {
  readonly kind: 'postgres';
  readonly connection: PgConnection;
  /** Apply the migrations now (they also run on first use); rejects when the database cannot be reached. */
  ready(): Promise<void>;
}

/** How long `/healthz` waits for the database before calling it unreachable. */
const HEALTH_TIMEOUT_MS = 1_500;

/** The store on the PostgreSQL server at `url`. Connects lazily: nothing is awaited here. */
export function openPgStore(url: string, options: PgOptions & { defaultTimeZone?: string } = {}): PgStore {
  const connection = new PgConnection(url, options);
  const location = describePgUrl(url);
  return {
    kind: 'postgres',
    location,
    connection,
    ready: () => connection.ready(),
    subscriptions: new PgSubscriptions(connection, options.defaultTimeZone ?? 'UTC'),
    sendLog: new PgSendLog(connection),
    deliveries: new PgDeliveryLog(connection),
    rateLimits: new PgRateBuckets(connection),
    threads: new PgThreadStore(connection),
    async health() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      });
      try {
        await Promise.race([connection.query('SELECT 1'), timeout]);
        return { kind: 'postgres', location, ok: true };
      } catch (error) {
        return { kind: 'postgres', location, ok: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => connection.close(),
  };
}
