import type { Command } from '../../../commands/index.ts';

/**
 * The Slack app manifest, generated from the command list so Slack and the handlers never
 * disagree. Socket Mode unless a public request URL is given.
 */

/**
 * Bot scopes: answer commands, read mentions and DMs, post answers; upload charts
 * (`files:write`) and see when Slack has processed one (`files:read`, `files.info`), so
 * the image block showing it is not refused. `channels:history` and `groups:history` let a
 * replica check whether a digest whose poster died mid-post reached the channel.
 */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'channels:history', 'groups:history'] as const;
/** Events the bot subscribes to. */
export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

/** Options of the manifest. */
export interface ManifestOptions {
  /** App name shown in Slack (max 35 characters). */
  name?: string;
  /** Public `https://host/slack/events` for HTTP mode; Socket Mode when absent. */
  requestUrl?: string;
}

/** A Slack app manifest (the subset this bot uses). */
export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; description: string; usage_hint?: string; should_escape: boolean; url?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** Build the manifest for these commands. */
export function buildSlackManifest(commands: ReadonlyArray<Pick<Command, 'name' | 'description' | 'usage'>>, options: ManifestOptions = {}): SlackManifest {
  const name = (options.name ?? 'Financial Q&A').slice(0, 35);
  const url = options.requestUrl;
  return {
    display_information: {
      name,
      description: 'Company figures from the corpus, each with the sentence it is quoted from.'.slice(0, 140),
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: options.name ? name.toLowerCase().replace(/[^a-z0-9._-]+/gu, '-').slice(0, 80) : 'finqa', always_online: true },
      slash_commands: commands.map((c) => {
        const hint = c.usage.replace(new RegExp(`^/${c.name}\\s*`, 'u'), '').trim();
        return {
          command: `/${c.name}`,
          description: c.description.slice(0, 100),
          ...(hint ? { usage_hint: hint.slice(0, 100) } : {}),
          // Leave text as typed; the adapter strips whatever markup Slack adds.
          should_escape: false,
          ...(url ? { url } : {}),
        };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { bot_events: [...BOT_EVENTS], ...(url ? { request_url: url } : {}) },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
