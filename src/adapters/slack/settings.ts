import { z } from 'zod';

/**
 * The Slack environment, checked once at start. Messages name the variable and the fix
 * and never repeat the value: a token pasted into the wrong variable must not reach a log.
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const SlackEnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions' })
      .regex(/^xoxb-[\w-]+$/u, { error: 'SLACK_BOT_TOKEN must be the Bot User OAuth Token starting with xoxb- (OAuth & Permissions page)' }),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^xapp-[\w-]+$/u, { error: 'SLACK_APP_TOKEN must be an App-Level Token starting with xapp- with the connections:write scope (Basic Information > App-Level Tokens), or unset it for HTTP mode' })
      .optional(),
  ),
  SLACK_SIGNING_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[0-9a-f]{16,128}$/iu, { error: 'SLACK_SIGNING_SECRET must be the hexadecimal Signing Secret from Basic Information > App Credentials' })
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/u, error: 'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (or unset it)' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .optional(),
  ),
  PORT: z.coerce.number({ error: 'PORT must be a port number (0-65535)' }).int().min(0).max(65535).default(3000),
});

/** How the bot reaches Slack. */
export type SlackMode = 'socket' | 'http';

/** Validated Slack settings. Holds secrets: never log this object. */
export interface SlackSettings {
  mode: SlackMode;
  botToken: string;
  /** Socket Mode only. */
  appToken?: string;
  /** HTTP mode only. */
  signingSecret?: string;
  /** Web API base URL, ending with `/`; Slack's own when unset. */
  apiUrl?: string;
  /** HTTP mode listening port. */
  port: number;
}

/** Result of reading the environment: settings, or the problems phrased as fixes. */
export type SlackSettingsResult = { ok: true; settings: SlackSettings } | { ok: false; problems: string[] };

/** True when the environment mentions Slack at all (any SLACK_ variable set). */
export function slackConfigured(env: NodeJS.ProcessEnv): boolean {
  return ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some((k) => (env[k] ?? '').trim() !== '');
}

/**
 * Read and check the Slack variables. Socket Mode when `SLACK_APP_TOKEN` is set, HTTP
 * mode otherwise (which then needs `SLACK_SIGNING_SECRET`).
 */
export function readSlackSettings(env: NodeJS.ProcessEnv): SlackSettingsResult {
  const parsed = SlackEnvSchema.safeParse({
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_API_URL: env.SLACK_API_URL,
    PORT: blankToUndefined(env.PORT),
  });
  // Issue messages are ours (set above); zod's defaults would be fine too, but never the input.
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  const v = parsed.data;
  if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
    return {
      ok: false,
      problems: ['SLACK_SIGNING_SECRET is not set: HTTP mode needs the Signing Secret (Basic Information > App Credentials), or set SLACK_APP_TOKEN (xapp-...) to use Socket Mode'],
    };
  }
  return {
    ok: true,
    settings: {
      mode: v.SLACK_APP_TOKEN ? 'socket' : 'http',
      botToken: v.SLACK_BOT_TOKEN,
      appToken: v.SLACK_APP_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      apiUrl: v.SLACK_API_URL,
      port: v.PORT,
    },
  };
}
