import pino, { type Logger } from 'pino';

/** Paths of log fields that may hold secrets; pino replaces them before writing. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'config.headers.Authorization',
];

/** Tokens by shape, for messages that embed them (error texts from libraries). */
const TOKEN_SHAPES = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|[MN][\w-]{23,}\.[\w-]{6}\.[\w-]{27,})\b/gu;

/** Replace anything shaped like a Slack or Discord token. */
export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_SHAPES, '[redacted]');
}

/**
 * The process logger: JSON lines on stderr, so stdout stays free for the console and
 * for `ask --json`.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination as pino.DestinationStream,
  );
}
