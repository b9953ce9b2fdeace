import { DiscordAPIError } from 'discord.js';
import { scrubSecrets } from '../../logger.ts';

/**
 * Error details fit for the log. Besides the bot token (scrubSecrets), discord.js error
 * texts carry request URLs holding interaction and webhook tokens, which let anyone
 * answer in the bot's name for 15 minutes: those are cut out too.
 */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]+/gu;

/** Text with every token-shaped part replaced. */
export function scrubDiscord(text: string): string {
  return scrubSecrets(text).replace(URL_TOKENS, '$1[redacted]');
}

/** A loggable description of any thrown value: message, Discord code and status, no tokens. */
export function describeError(error: unknown): { message: string; code?: number | string; status?: number; stack?: string } {
  if (error instanceof DiscordAPIError) {
    return { message: scrubDiscord(error.message), code: error.code, status: error.status };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      message: scrubDiscord(error.message),
      code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
      stack: error.stack ? scrubDiscord(error.stack) : undefined,
    };
  }
  return { message: scrubDiscord(String(error)) };
}
