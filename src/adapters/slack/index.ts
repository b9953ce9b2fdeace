import type { FrontEndFactory } from '../../front-end.ts';
import { startSlackBot } from './app.ts';
import { readSlackSettings, slackConfigured } from './settings.ts';

/**
 * The Slack front end for `main`: on when `SLACK_BOT_TOKEN` (and `SLACK_APP_TOKEN` for
 * Socket Mode, or `SLACK_SIGNING_SECRET` for HTTP mode) is set. The HTTP port is the
 * shared `PORT`.
 */
export const slackFrontEnd: FrontEndFactory = {
  name: 'slack',
  check(env) {
    if (!slackConfigured(env)) return { enabled: false, reason: 'SLACK_BOT_TOKEN is not set' };
    const read = readSlackSettings(env);
    return read.ok ? { enabled: true } : { enabled: false, reason: read.problems.join('; ') };
  },
  async start(env, deps) {
    const read = readSlackSettings(env);
    if (!read.ok) throw new Error(read.problems.join('; '));
    const bot = await startSlackBot({ ...read.settings, port: deps.config.port }, { logger: deps.logger, context: deps.context, store: deps.store, storeHealth: deps.storeHealth });
    return {
      name: 'slack',
      stop: () => bot.stop(),
      post: (channel, answer, options) => bot.post(channel, answer, options),
      wasPosted: (channel, marker, since) => bot.wasPosted(channel, marker, since),
    };
  },
};

export { startSlackBot, type SlackAppOptions, type SlackBot, type SlackDeps } from './app.ts';
export { readSlackSettings, type SlackSettings } from './settings.ts';
