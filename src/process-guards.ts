import type { Logger } from 'pino';

/**
 * Process-level guards: a stray rejection in one handler is logged and the bot keeps
 * answering; an uncaught exception leaves the process in an unknown state, so it is
 * logged and the bot shuts down cleanly.
 */
export function installProcessGuards(logger: Logger, shutdown: (reason: string, code: number) => void): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? { message: reason.message, stack: reason.stack } : String(reason) }, 'unhandled rejection; the bot keeps running');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: { message: error.message, stack: error.stack } }, 'uncaught exception; shutting down');
    shutdown('uncaughtException', 1);
  });
}
