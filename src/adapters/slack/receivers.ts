import type { ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
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
}

/** Path of the HTTP health check. */
export const HEALTH_PATH = '/healthz';

/**
 * The receiver for the configured mode. HTTP mode verifies signatures (stale timestamps
 * are refused by Bolt) and adds `GET /healthz`; Socket Mode needs no public URL.
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
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (_req, res) => health(res) }],
  });
}

function health(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, platform: 'slack' }));
}
