import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';

/**
 * Where the process's JSON log lines go. With a chat platform, JSON lines on stderr (a
 * process manager collects them). In the console chat, JSON lines between the answers
 * would bury them: every line goes to a file, and only warnings and errors show, as one
 * short line each.
 */
export class LogDestination extends Writable {
  private fd: number | null = null;
  private path: string | null = null;

  constructor(private readonly stderr: NodeJS.WritableStream = process.stderr) {
    super();
  }

  /** Console mode: lines to `path` (appended), warnings and errors also shown briefly. */
  toFile(path: string): void {
    if (this.path === path) return;
    mkdirSync(dirname(path), { recursive: true });
    // Written synchronously: `process.exit` at shutdown must not lose the last lines.
    const fd = openSync(path, 'a');
    if (this.fd !== null) closeSync(this.fd);
    this.fd = fd;
    this.path = path;
  }

  /** The log file in console mode, else null (lines go to stderr). */
  get file(): string | null {
    return this.path;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = String(chunk);
    if (this.fd === null) {
      this.stderr.write(text);
      done();
      return;
    }
    try {
      writeSync(this.fd, text);
    } catch {
      // A full disk must not stop the bot; the line is shown instead.
      this.stderr.write(text);
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      const brief = briefOf(line);
      if (brief) this.stderr.write(`${brief} (details in ${this.path})\n`);
    }
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    done();
  }
}

/** `warning: could not open the database; ...` for a warning or error line, else null. */
function briefOf(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { level?: string; msg?: string };
    if (entry.level !== 'warn' && entry.level !== 'error' && entry.level !== 'fatal') return null;
    return `${entry.level === 'warn' ? 'warning' : entry.level}: ${entry.msg ?? ''}`;
  } catch {
    return null;
  }
}
