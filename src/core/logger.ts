/** Minimal structured logger the core writes to (pino satisfies it). */
export interface CoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything: the default when none is given. */
export const silentLogger: CoreLogger = { info() {}, warn() {}, error() {} };
