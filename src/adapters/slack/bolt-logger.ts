import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { scrubSecrets } from '../../logger.ts';

/**
 * Bolt, the Web API client and the Socket Mode client log through this: their lines go
 * to the process's pino logger, scrubbed of anything shaped like a token (error objects
 * from the HTTP layer can carry request headers).
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ module: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]) => scrubSecrets(parts.map(describe).join(' '));
  // Bolt logs at debug on every request: format only what pino will write.
  const at = (lvl: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (log.isLevelEnabled(lvl)) log[lvl](line(msg));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // pino filters by its own level; Bolt only asks what was set.
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/** An error's message for a log field, scrubbed; never the whole object (it may hold headers). */
export function safeError(error: unknown): string {
  return scrubSecrets(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
