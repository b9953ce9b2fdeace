import type { AddressInfo } from 'node:net';
import { App, webApi, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChannelRef, CommandContext } from '../../../commands/index.ts';
import type { Answer } from '../../core/answer.ts';
import type { RateLimitOptions } from '../shared/rate-limit.ts';
import { boltLogger, safeError } from './bolt-logger.ts';
import { ChartUploader, type ChartUploadTimings } from './chart-upload.ts';
import { DEFAULT_ANSWER_DEADLINE_MS, SLACK_ACK_DEADLINE_MS } from './deadlines.ts';
import { registerActionHandlers } from './handlers/actions.ts';
import { registerCommandHandlers } from './handlers/commands.ts';
import { registerMessageHandlers } from './handlers/messages.ts';
import { HandlerState, type SharedStateWiring } from './handlers/state.ts';
import { findMarkedPost, postAnswer } from './post.ts';
import type { StoreHealth } from '../../store/types.ts';
import { buildReceiver } from './receivers.ts';
import type { SlackSettings } from './settings.ts';

/** What the Slack bot needs from the rest of the program. */
export interface SlackDeps {
  logger: Logger;
  /**
   * Base command context (engine, clock, logger, and `charts` to draw charts); the
   * adapter adds channel, user, thread.
   */
  context: () => CommandContext;
  /** The store shared by replicas (de-duplication, rate limits, thread memory); in-process only without it. */
  store?: SharedStateWiring['store'];
  /** What `GET /healthz` reports about the store. */
  storeHealth?: () => Promise<StoreHealth>;
}

/** Knobs with production defaults; tests tighten them. */
export interface SlackAppOptions {
  /** Web API client options, e.g. `{ retryConfig: { retries: 0 } }`. */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  /** HTTP listen host (default all interfaces). */
  host?: string;
  /** HTTP mode: 404 when nothing acked within this time (Slack gives up at 3 s). */
  unhandledRequestTimeoutMillis?: number;
  /** HTTP mode: larger request bodies are refused (413) before parsing. */
  bodyLimitBytes?: number;
  rateLimit?: RateLimitOptions;
  /** Timing of the shared state (store deadline, expiries). */
  sharedState?: SharedStateWiring['options'];
  answerDeadlineMs?: number;
  /** How long `stop` waits for answers in flight. */
  drainMs?: number;
  /** Chart uploads: overall deadline and how long to wait for Slack to process a file. */
  chartUpload?: Partial<ChartUploadTimings>;
}

/** A started Slack bot. */
export interface SlackBot {
  app: App;
  mode: SlackSettings['mode'];
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** The bot's own user id, from `auth.test`. */
  botUserId?: string;
  post(channel: ChannelRef, answer: Answer, options?: { marker?: string }): Promise<void>;
  /** Whether the bot's post carrying `marker` is in the channel since `since`. */
  wasPosted(channel: ChannelRef, marker: string, since: Date): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Retries of the chart upload client: a few quick ones. Slack's default policy retries
 * for about thirty minutes, and an answer waits for its chart.
 */
const CHART_UPLOAD_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2_000 };
const CHART_UPLOAD_REQUEST_TIMEOUT_MS = 10_000;

/** Five questions at once, then one every 12 seconds, per user. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 5, refillMs: 12_000 };

/**
 * Build and start the Slack bot: checks the bot token with `auth.test` (a bad token fails
 * here, with a message that names the variable), builds the receiver for the mode,
 * registers the handlers and starts listening.
 */
export async function startSlackBot(settings: SlackSettings, deps: SlackDeps, options: SlackAppOptions = {}): Promise<SlackBot> {
  const logger = boltLogger(deps.logger);
  const clientOptions: webApi.WebClientOptions = {
    ...options.clientOptions,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    logger,
  };
  const identity = await checkBotToken(new webApi.WebClient(settings.botToken, clientOptions));

  const receiver: HTTPReceiver | SocketModeReceiver = buildReceiver(settings, {
    logger,
    clientOptions,
    unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis ?? SLACK_ACK_DEADLINE_MS + 1,
    bodyLimitBytes: options.bodyLimitBytes ?? 512 * 1024,
    storeHealth: deps.storeHealth,
  });
  const app = new App({
    receiver,
    token: settings.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    clientOptions,
  });
  const slackLog = deps.logger.child({ module: 'slack' });
  const uploadClient = new webApi.WebClient(settings.botToken, { retryConfig: CHART_UPLOAD_RETRY, timeout: CHART_UPLOAD_REQUEST_TIMEOUT_MS, ...clientOptions });
  const charts = new ChartUploader(uploadClient, slackLog, options.chartUpload);
  const state = new HandlerState(slackLog, deps.context, options.answerDeadlineMs ?? DEFAULT_ANSWER_DEADLINE_MS, options.rateLimit ?? DEFAULT_RATE_LIMIT, charts, {
    store: deps.store,
    options: options.sharedState,
  });
  registerCommandHandlers(app, state);
  registerMessageHandlers(app, state);
  registerActionHandlers(app, state);
  app.error(async (error) => {
    deps.logger.error({ module: 'slack', err: safeError(error) }, 'slack handler failed');
  });

  let port: number | undefined;
  if (settings.mode === 'http') {
    const server = (await app.start({ port: settings.port, ...(options.host ? { host: options.host } : {}) })) as { address(): AddressInfo | string | null };
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : settings.port;
  } else {
    await app.start();
  }
  deps.logger.info({ module: 'slack', mode: settings.mode, port }, 'slack bot started');

  let stopped = false;
  return {
    app,
    mode: settings.mode,
    port,
    botUserId: identity.botUserId,
    post: (channel, answer, postOptions) => postAnswer(app.client, channel, answer, postOptions?.marker),
    wasPosted: (channel, marker, since) => findMarkedPost(app.client, channel, marker, since),
    async stop() {
      if (stopped) return;
      stopped = true;
      await state.drain(options.drainMs ?? 10_000);
      await app.stop().catch((error: unknown) => deps.logger.warn({ module: 'slack', err: safeError(error) }, 'slack stop failed'));
    },
  };
}

async function checkBotToken(client: webApi.WebClient): Promise<{ botId?: string; botUserId?: string }> {
  try {
    const result = await client.auth.test();
    return { botId: result.bot_id, botUserId: result.user_id };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
      throw new Error(`Slack refused SLACK_BOT_TOKEN (${code}): copy the current Bot User OAuth Token (xoxb-...) from OAuth & Permissions`);
    }
    throw new Error(`Slack auth.test failed: ${safeError(error)} (check SLACK_API_URL and the network)`);
  }
}
