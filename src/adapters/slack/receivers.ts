import type { ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { StoreHealth } from '../../store/types.ts';
import type { SlackSettings } from './settings.ts';

/** Receiver options the adapter sets (and tests tighten). */
export interface ReceiverOptions {
  logger: BoltLogger;
  /** Web API options for the Socket Mode client's `apps.connections.open`. */
  clientOptions: webApi.WebClientOptions;
  /** HTTP mode: answer 404 when no listener acks within this time. */
  unhandledRequestTimeoutMillis: number;
  /** HTTP mode: bodies over this many bytes are refused with 413 before parsing. */
  bodyLimitBytes: number;
  /** The store's state for `/healthz`; without it the check reports the process only. */
  storeHealth?: () => Promise<StoreHealth>;
}

/** Path of the HTTP health check. */
export const HEALTH_PATH = '/healthz';

/**
 * The receiver for the configured mode. HTTP mode verifies signatures (stale timestamps
 * are refused by Bolt) and adds `GET /healthz`; Socket Mode needs no public URL.
 * `/healthz` answers 200 while the process answers questions, even when the store is
 * down (a question needs no database): the body says `"store": { "ok": false, ... }`
 * and `degraded: true`, so a load balancer keeps the replica and a probe can alert.
 */
export function buildReceiver(settings: SlackSettings, options: ReceiverOptions): HTTPReceiver | SocketModeReceiver {
  if (settings.mode === 'socket') {
    return new SocketModeReceiver({
      appToken: settings.appToken!,
      logger: options.logger,
      // The Socket Mode client builds its own Web API client from these.
      installerOptions: { clientOptions: options.clientOptions },
    });
  }
  return new HTTPReceiver({
    signingSecret: settings.signingSecret!,
    endpoints: '/slack/events',
    port: settings.port,
    logger: options.logger,
    processBeforeResponse: false,
    unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis,
    bodyLimit: options.bodyLimitBytes,
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (_req, res) => void health(res, options.storeHealth) }],
  });
}

async function health(res: ServerResponse, storeHealth: ReceiverOptions['storeHealth']): Promise<void> {
  const store = storeHealth ? await storeHealth().catch((error: unknown) => ({ ok: false, error: String(error) })) : undefined;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, platform: 'slack', ...(store ? { store, degraded: !store.ok } : {}) }));
}
