import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

// A child process installs the real guards, then a handler's promise rejects unhandled.
const script = `
import { installProcessGuards } from './src/process-guards.ts';
import { createLogger } from './src/logger.ts';
const logger = createLogger('info', process.stderr);
installProcessGuards(logger, (reason, code) => { process.stdout.write('shutdown ' + reason + '\\n'); process.exit(code); });
Promise.reject(new Error('handler blew up'));
setTimeout(() => { process.stdout.write('still answering\\n'); process.exit(0); }, 200);
`;

describe('process guards', () => {
  it('logs an unhandled rejection and keeps the process running', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('still answering');
    const log = run.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: string; msg: string; err: { message: string } });
    expect(log.some((l) => l.level === 'error' && l.msg.includes('unhandled rejection') && l.err.message === 'handler blew up')).toBe(true);
  });

  it('shuts down cleanly on an uncaught exception', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script.replace("Promise.reject(new Error('handler blew up'));", "setTimeout(() => { throw new Error('thrown'); }, 10);")], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toContain('shutdown uncaughtException');
    expect(run.status).toBe(1);
  });
});
