import { Events, type Client, type RESTOptions } from 'discord.js';
import type { ChannelRef } from '../../core/channel.ts';
import type { Answer } from '../../core/answer.ts';
import type { FrontEndDeps, FrontEndFactory, RunningFrontEnd } from '../../front-end.ts';
import type { RateLimitOptions } from '../shared/rate-limit.ts';
import { SharedRateLimiter } from '../shared/shared-state.ts';
import { createDiscordClient } from './client.ts';
import { ConversationStore } from './conversation.ts';
import { handleInteraction, type HandlerDeps } from './interactions.ts';
import { handleMention } from './mentions.ts';
import { postAnswer } from './post.ts';
import { describeError, scrubDiscord } from './safe-log.ts';
import { readDiscordSettings, type DiscordSettings } from './settings.ts';
import { LatencyTracker } from './timing.ts';

/** Tuning of a running Discord front end; the defaults suit production. */
export interface DiscordRunOptions {
  /** REST overrides (tests: `{ retries: 0 }`). */
  rest?: Partial<RESTOptions>;
  /** Questions per user: a burst, then one per `refillMs`. */
  rateLimit?: RateLimitOptions;
  /** Defer when no answer is ready this long after the interaction was created; 0 always defers. */
  deferAfterMs?: number;
  /** A command slower than this in a recent run is deferred before it starts. */
  slowCommandMs?: number;
  /** Give up logging in after this long. */
  readyTimeoutMs?: number;
  /** How long `stop()` waits for answers in flight. */
  drainMs?: number;
}

/** A running Discord front end; `client` is exposed for diagnostics and tests. */
export interface RunningDiscord extends RunningFrontEnd {
  client: Client;
  post(channel: ChannelRef, answer: Answer): Promise<void>;
}

const DEFAULTS = { rateLimit: { capacity: 5, refillMs: 6_000 }, deferAfterMs: 1_500, slowCommandMs: 800, readyTimeoutMs: 30_000, drainMs: 5_000 };

/** Explain a failed login without the token. */
function loginProblem(error: unknown): Error {
  const d = describeError(error);
  if (d.status === 401 || d.code === 'TokenInvalid') return new Error('Discord rejected DISCORD_TOKEN (401); reset the token in Developer Portal > Bot and update your environment');
  return new Error(`could not connect to Discord: ${d.message}`);
}

/** Log in, answer slash commands, autocomplete and mentions until `stop()`. */
export async function startDiscord(settings: DiscordSettings, deps: FrontEndDeps, options: DiscordRunOptions = {}): Promise<RunningDiscord> {
  const o = { ...DEFAULTS, ...options };
  const logger = deps.logger.child({ frontEnd: 'discord' });
  const client = createDiscordClient(settings, { rest: options.rest });
  const handlerDeps: HandlerDeps = {
    context: deps.context,
    logger,
    // In the store when there is one: a user reaching the bot through two shards (two replicas) has one budget.
    limiter: new SharedRateLimiter(deps.store?.rateLimits, o.rateLimit, logger),
    conversations: new ConversationStore(),
    latency: new LatencyTracker(o.slowCommandMs),
    deferAfterMs: o.deferAfterMs,
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(handleInteraction(interaction, handlerDeps));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(handleMention(message, handlerDeps));
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: scrubDiscord(message) }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord gateway resumed'));

  // Not events.once: it would reject on any transient 'error' event during the handshake.
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new Error(`Discord did not become ready within ${o.readyTimeoutMs} ms`)), o.readyTimeoutMs);
  });
  try {
    await client.login(settings.token);
    await ready;
  } catch (error) {
    ready.catch(() => undefined);
    await client.destroy().catch(() => undefined);
    throw error instanceof Error && error.message.startsWith('Discord did not become ready') ? error : loginProblem(error);
  } finally {
    clearTimeout(timer);
  }
  logger.info({ user: client.user?.id, application: settings.applicationId, shards: settings.shards?.ids ?? [0], shardCount: settings.shards?.count ?? 1 }, 'discord ready');

  return {
    name: 'discord',
    client,
    post: (channel, answer) => postAnswer(client, channel, answer),
    async stop() {
      stopping = true;
      const drained = Promise.allSettled([...inFlight]);
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, o.drainMs).unref())]);
      await client.destroy();
      logger.info('discord stopped');
    },
  };
}

/** The Discord front end `main` starts when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set. */
export const discordFrontEnd: FrontEndFactory = {
  name: 'discord',
  check(env) {
    const r = readDiscordSettings(env);
    return r.ok ? { enabled: true } : { enabled: false, reason: r.reason };
  },
  async start(env, deps) {
    const r = readDiscordSettings(env);
    if (!r.ok) throw new Error(r.reason);
    return startDiscord(r.settings, deps);
  },
};

export { readDiscordSettings, type DiscordSettings } from './settings.ts';
export { DiscordPostError } from './post.ts';
